"use client";
// The API's endpoints as its own OpenAPI document lists them (GET /openapi.json via the proxy).
import { useEffect, useState } from "react";
import { errorFromResponse, PROXY_PREFIX } from "../lib/client";
import { openApiOperations, type Operation } from "../lib/openapi";

export function EndpointList() {
  const [ops, setOps] = useState<Operation[] | null>(null);
  const [meta, setMeta] = useState<{ title: string | null; version: string | null }>({ title: null, version: null });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch(`${PROXY_PREFIX}/openapi.json`, { cache: "no-store" })
      .then(async (r) => {
        if (!r.ok) throw await errorFromResponse(r);
        const doc = (await r.json()) as unknown;
        const parsed = openApiOperations(doc);
        setOps(parsed.operations);
        setMeta({ title: parsed.title, version: parsed.version });
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  if (error) return <div className="error-box" style={{ margin: "0 16px 16px" }}>Could not read the OpenAPI document: {error}</div>;
  if (!ops) return <div className="empty" style={{ margin: "0 16px 16px" }}>Loading the OpenAPI document…</div>;
  return (
    <>
      {meta.title && (
        <p className="small muted" style={{ margin: "0 16px 8px" }}>
          {meta.title}
          {meta.version ? ` ${meta.version}` : ""} · {ops.length} operations
        </p>
      )}
      <div className="table-wrap">
        <table className="data" data-testid="endpoint-table">
          <thead>
            <tr>
              <th>Method</th>
              <th>Path</th>
              <th>Summary</th>
            </tr>
          </thead>
          <tbody>
            {ops.map((o) => (
              <tr key={`${o.method} ${o.path}`}>
                <td>
                  <span className={`badge ${o.method === "GET" ? "ok" : "accent"}`}>{o.method}</span>
                </td>
                <td className="mono">{o.path}</td>
                <td className="wrap">{o.summary ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
