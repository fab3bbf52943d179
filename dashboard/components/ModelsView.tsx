"use client";
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "../lib/client";
import { field, manifestFeatures, normalizeModels, scalarRows, section, type FeatureRow } from "../lib/models";
import { formatInterval, modelEvalMatrix, verdict } from "../lib/evaluation";
import { formatNumber, formatPct } from "../lib/format";
import type { ModelSummary } from "../lib/types";
import { ErrorNotice } from "./ErrorNotice";

interface Entry {
  summary: ModelSummary;
  manifest: unknown;
  error: ApiError | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function IoTable({ title, value }: { title: string; value: unknown }) {
  const rows: { name: string; shape: string; dtype: string; description: string }[] = [];
  const push = (name: string, o: unknown) => {
    const r = isObj(o) ? o : {};
    const shape = Array.isArray(r.shape) ? `[${r.shape.join(", ")}]` : typeof o === "string" ? o : "";
    rows.push({
      name: typeof r.name === "string" ? r.name : name,
      shape,
      dtype: typeof r.dtype === "string" ? r.dtype : typeof r.type === "string" ? r.type : "",
      description: typeof r.description === "string" ? r.description : "",
    });
  };
  if (Array.isArray(value)) value.forEach((v, i) => push(typeof v === "string" ? v : String(i), v));
  else if (isObj(value)) Object.entries(value).forEach(([k, v]) => push(k, v));
  if (!rows.length) return null;
  return (
    <div>
      <h3 style={{ margin: "12px 0 6px" }}>{title}</h3>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th>Name</th>
              <th>Shape</th>
              <th>Type</th>
              {rows.some((r) => r.description) && <th>Meaning</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td className="mono">{r.name}</td>
                <td className="mono">{r.shape || "—"}</td>
                <td className="mono">{r.dtype || "—"}</td>
                {rows.some((x) => x.description) && <td className="wrap small">{r.description}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function EvaluationSummary({ model, evaluation }: { model: string; evaluation: Obj }) {
  const m = modelEvalMatrix(model, evaluation);
  return (
    <>
      <h3 style={{ margin: "14px 0 6px" }}>Evaluation</h3>
      <KvRows rows={scalarRows(evaluation, ["results"])} />
      {m.sizes.length > 0 ? (
        <>
          <div className="table-wrap" style={{ marginTop: 8 }}>
            <table className="data" data-testid="model-eval-table">
              <thead>
                <tr>
                  <th className="num">Nodes</th>
                  {m.loads.map((l) => (
                    <th key={l} className="num">
                      load {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.sizes.map((size) => (
                  <tr key={size}>
                    <td className="num">{size}</td>
                    {m.loads.map((l) => {
                      const r = m.cell(size, l);
                      if (!r) return <td key={l} className="num muted">—</td>;
                      const v = verdict(r.policy, r.diff_vs_greedy);
                      return (
                        <td key={l} className="num">
                          <span className={v === "better" ? "pos" : v === "worse" ? "neg" : undefined}>{formatInterval(r.diff_vs_greedy)}</span>
                          <div className="small muted">
                            score {r.normalized_score === null ? "—" : r.normalized_score.toFixed(2)} · met {formatPct(r.deadline_met_rate, 0)} · {r.episodes} ep.
                          </div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted" style={{ margin: "6px 0 0" }}>
            Each cell: difference of episode return vs greedy [95% CI] (green: CI above 0, red: below); normalised score (greedy = 0,
            planner = 1); deadline-met rate; episodes. The Analytics page compares every policy.
          </p>
        </>
      ) : (
        <p className="small muted">The manifest has no evaluation rows for {model}.</p>
      )}
    </>
  );
}

function KvRows({ rows }: { rows: [string, string][] }) {
  if (!rows.length) return null;
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: "contents" }}>
          <dt>{k.replace(/_/g, " ")}</dt>
          <dd className={/sha|hash|command|path|file/i.test(k) ? "mono" : undefined}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function FeatureTable({ title, rows }: { title: string; rows: FeatureRow[] }) {
  if (!rows.length) return null;
  return (
    <>
      <h3 style={{ margin: "0 0 6px" }}>{title}</h3>
      <div className="table-wrap" style={{ marginBottom: 12 }}>
        <table className="data">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Name</th>
              <th>Unit</th>
              <th>Derivation</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.index}>
                <td className="num">{x.index}</td>
                <td className="mono">{x.name}</td>
                <td className="wrap small">{x.unit ?? "—"}</td>
                <td className="wrap small">{x.description ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface ModelFacts {
  m: Obj;
  features: FeatureRow[];
  edgeFeatures: FeatureRow[];
  arch: Obj | null;
  training: Obj | null;
  evaluation: Obj | null;
  inputs: unknown;
  outputs: unknown;
  version: string | null;
  sha: string | null;
  command: string | null;
  algorithm: string | null;
  file: string | null;
  parameters: string | null;
}

function facts(entry: Entry): ModelFacts {
  const { summary, manifest } = entry;
  const m = isObj(manifest) ? manifest : {};
  const io = section(m, "io", "signature", "onnx");
  const training = section(m, "training", "train", "training_info");
  const arch = section(m, "architecture", "model", "network");
  // The full manifest's signature (names, shapes, types) beats the summary's names-only list.
  const full = isObj(m.manifest) ? m.manifest : {};
  return {
    m,
    features: manifestFeatures(manifest),
    edgeFeatures: manifestFeatures(manifest, "edge_features"),
    arch,
    training,
    evaluation: section(m, "evaluation", "eval", "evaluation_summary"),
    inputs: full.inputs ?? io?.inputs ?? m.inputs,
    outputs: full.outputs ?? io?.outputs ?? m.outputs,
    version: field(m, "version") ?? summary.version ?? null,
    sha: field(m, "sha256", "onnx_sha256") ?? field(section(m, "onnx"), "sha256") ?? field(io, "sha256") ?? (summary.sha256 as string | undefined) ?? null,
    command: field(m, "command", "regenerate", "regenerate_command") ?? field(training, "command"),
    algorithm: field(m, "algorithm") ?? summary.algorithm ?? null,
    file: field(m, "model_path", "onnx_path", "path"),
    parameters: field(arch, "parameters", "num_parameters", "params"),
  };
}

function ModelCard({ entry, selected, onSelect, onReloaded }: { entry: Entry; selected: boolean; onSelect: () => void; onReloaded: () => void }) {
  const { summary } = entry;
  const f = facts(entry);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; error?: ApiError } | null>(null);

  const reload = async () => {
    setBusy(true);
    setResult(null);
    try {
      const r = await api.loadModel(summary.name);
      const d = isObj(r.data) ? r.data : {};
      const v = field(d, "version") ?? (isObj(d.model) ? field(d.model, "version") : null);
      setResult({ ok: true, text: `Reloaded from disk${v ? `: version ${v}` : ""}.` });
      onReloaded();
    } catch (e) {
      setResult({ ok: false, text: "", error: e as ApiError });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={`card model-card${selected ? " selected" : ""}`} data-testid={`model-${summary.name}`}>
      <div className="card-header" style={{ marginBottom: 6 }}>
        <h2>
          {summary.name} {f.version && <span className="badge accent" style={{ verticalAlign: 2 }}>v{f.version}</span>}{" "}
          {summary.loaded !== undefined && (
            <span className={`badge ${summary.loaded ? "ok" : summary.status === "failed" ? "bad" : "warn"}`} style={{ verticalAlign: 2 }}>
              {summary.loaded ? "loaded" : String(summary.status ?? "not loaded")}
            </span>
          )}
        </h2>
      </div>
      <p className="small muted clamp" title={f.algorithm ?? undefined} style={{ margin: "0 0 10px" }}>
        {f.algorithm ?? (summary.loaded === false ? "Not loaded: the API serves no manifest for it." : "algorithm not stated")}
      </p>
      <ErrorNotice error={entry.error} title="Could not read the manifest" />
      <dl className="kv">
        {f.file && (
          <>
            <dt>file</dt>
            <dd className="mono">{f.file}</dd>
          </>
        )}
        {f.sha && (
          <>
            <dt>sha256</dt>
            <dd className="mono" data-testid="sha256">{f.sha}</dd>
          </>
        )}
        {f.parameters && (
          <>
            <dt>parameters</dt>
            <dd>{Number(f.parameters).toLocaleString("en-US")}</dd>
          </>
        )}
        {typeof f.m.has_value_head === "boolean" && (
          <>
            <dt>value head</dt>
            <dd>{f.m.has_value_head ? "yes" : "no"}</dd>
          </>
        )}
        {field(f.m, "loaded_at") && (
          <>
            <dt>loaded at</dt>
            <dd>{new Date(field(f.m, "loaded_at")!).toLocaleString()}</dd>
          </>
        )}
        {typeof summary.last_error === "string" && (
          <>
            <dt>last error</dt>
            <dd className="small">{summary.last_error}</dd>
          </>
        )}
      </dl>
      {result?.ok && <div className="badge ok" style={{ marginTop: 10 }}>{result.text}</div>}
      {result?.error && (
        <div style={{ marginTop: 10 }}>
          <ErrorNotice error={result.error} title="Reload failed; the serving version stays in place" />
        </div>
      )}
      <div className="row" style={{ marginTop: 12 }}>
        <button className="small" onClick={() => void reload()} disabled={busy} data-testid={`reload-${summary.name}`}>
          {busy ? "Reloading…" : "Reload from disk"}
        </button>
        {entry.manifest !== null && (
          <button className={`small${selected ? " primary" : ""}`} onClick={onSelect} aria-pressed={selected} data-testid={`details-${summary.name}`}>
            {selected ? "Showing manifest" : "Show manifest"}
          </button>
        )}
      </div>
    </article>
  );
}

function ManifestDetail({ entry }: { entry: Entry }) {
  const f = facts(entry);
  return (
    <section className="card" data-testid="manifest-detail" style={{ marginTop: 16 }}>
      <div className="card-header">
        <div>
          <h2>Manifest: {entry.summary.name}</h2>
          <p>{f.algorithm}</p>
        </div>
      </div>
      <div className="grid two">
        <div>
          {f.arch && (
            <>
              <h3 style={{ margin: "0 0 6px" }}>Architecture</h3>
              <KvRows rows={scalarRows(f.arch)} />
            </>
          )}
          {!f.arch && typeof f.m.architecture === "string" && <p>{f.m.architecture}</p>}
          {f.training && (
            <>
              <h3 style={{ margin: "14px 0 6px" }}>Training</h3>
              <KvRows rows={scalarRows(f.training, ["command"])} />
              {isObj(f.training.hyperparameters) && (
                <details className="raw">
                  <summary>Hyper-parameters</summary>
                  <div style={{ marginTop: 8 }}>
                    <KvRows rows={scalarRows(f.training.hyperparameters)} />
                  </div>
                </details>
              )}
            </>
          )}
          {f.command && (
            <>
              <h3 style={{ margin: "14px 0 6px" }}>Regenerate</h3>
              <pre className="code">{f.command}</pre>
            </>
          )}
          {f.evaluation && <EvaluationSummary model={entry.summary.name} evaluation={f.evaluation} />}
        </div>
        <div>
          <FeatureTable title={`Node features (${f.features.length}), in tensor order`} rows={f.features} />
          <FeatureTable title={`Link features (${f.edgeFeatures.length})`} rows={f.edgeFeatures} />
          <IoTable title="Inputs" value={f.inputs} />
          <IoTable title="Outputs" value={f.outputs} />
        </div>
      </div>
      <details className="raw">
        <summary>Raw manifest JSON</summary>
        <pre className="code" style={{ maxHeight: 420, marginTop: 8 }}>{JSON.stringify(entry.manifest, null, 2)}</pre>
      </details>
    </section>
  );
}

export function ModelsView() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = normalizeModels((await api.models()).data);
      const full = await Promise.all(
        list.map(async (summary) => {
          // GET /models/{name} answers 503 for a model that is not loaded: don't ask.
          if (summary.loaded === false) return { summary, manifest: null, error: null };
          try {
            return { summary, manifest: (await api.model(summary.name)).data, error: null };
          } catch (e) {
            return { summary, manifest: null, error: e as ApiError };
          }
        }),
      );
      setEntries(full);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
      setEntries((cur) => cur ?? []);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const shownEntry = entries?.find((e) => e.summary.name === shown) ?? entries?.find((e) => e.manifest !== null) ?? null;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Models</h1>
          <p>
            Each exported policy&apos;s manifest as the API serves it (GET /models/&#123;name&#125;): architecture, input features, tensor
            signature, checksum, training and evaluation. Reload re-reads the model from disk and swaps it in atomically.
          </p>
        </div>
        <button className="small" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <ErrorNotice error={error} title="Could not list models" />
      {entries === null && <div className="empty">Loading models…</div>}
      {entries !== null && entries.length === 0 && !error && <div className="empty">The API reports no models.</div>}
      <div className="model-cards">
        {entries?.map((e) => (
          <ModelCard
            key={e.summary.name}
            entry={e}
            selected={e.summary.name === shownEntry?.summary.name}
            onSelect={() => setShown(e.summary.name)}
            onReloaded={() => void load()}
          />
        ))}
      </div>
      {shownEntry && <ManifestDetail entry={shownEntry} />}
    </>
  );
}
