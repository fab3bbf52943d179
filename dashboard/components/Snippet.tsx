"use client";
// The exact request the dashboard just sent, as curl or fetch against the API, with a copy button.
import { useMemo, useState } from "react";
import { bodySize, toCurl, toFetch, type RecordedRequest } from "../lib/snippet";
import { formatBytes } from "../lib/format";

export function Snippet({ request, base }: { request: RecordedRequest | null; base: string | null }) {
  const [mode, setMode] = useState<"curl" | "fetch">("curl");
  const [copied, setCopied] = useState<string | null>(null);
  const apiBase = base ?? (typeof window !== "undefined" ? `${window.location.origin}/api` : "/api");
  const text = useMemo(() => {
    if (!request) return "";
    return mode === "curl" ? toCurl(request, apiBase) : toFetch(request, apiBase);
  }, [request, mode, apiBase]);

  if (!request) {
    return <div className="empty small">Generate a network or run a prediction to see the exact request here.</div>;
  }

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied");
    } catch {
      setCopied("Copy blocked by the browser: select the text instead");
    }
    window.setTimeout(() => setCopied(null), 2500);
  };

  return (
    <div className="stack" style={{ gap: 8 }} data-testid="snippet" data-method={request.method} data-path={request.path}>
      <div className="row">
        <div className="segmented" role="tablist" aria-label="Snippet format">
          <button role="tab" aria-selected={mode === "curl"} className={mode === "curl" ? "on" : ""} onClick={() => setMode("curl")}>
            curl
          </button>
          <button role="tab" aria-selected={mode === "fetch"} className={mode === "fetch" ? "on" : ""} onClick={() => setMode("fetch")}>
            fetch
          </button>
        </div>
        <span className="small muted">
          <code>
            {request.method} {request.path}
          </code>
          {request.body !== undefined && ` · body ${formatBytes(bodySize(request))}`}
        </span>
        <span className="spacer" />
        {copied && <span className="small muted">{copied}</span>}
        <button className="small" onClick={() => void copy()} data-testid="copy-snippet">
          Copy
        </button>
      </div>
      <pre className="code" data-testid="snippet-text">{text}</pre>
    </div>
  );
}
