"use client";
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "../lib/client";
import { evaluationRows, exportedManifest, scalarRows, seedSelectionRow, type ExportedManifest, type ManifestFeature, type TensorSpec } from "../lib/models";
import { formatInterval, modelEvalMatrix, verdict, verdictCounts, verdictSummary } from "../lib/evaluation";
import { formatPct } from "../lib/format";
import type { EvalRow, ModelDetail, ModelSummary } from "../lib/types";
import { Card } from "./Card";
import { ErrorNotice } from "./ErrorNotice";

interface Entry {
  summary: ModelSummary;
  /** GET /models/{name}; null for a model that is not loaded (the API answers 503 for it) */
  detail: ModelDetail | null;
  error: ApiError | null;
}

function IoTable({ title, rows }: { title: string; rows: TensorSpec[] | undefined }) {
  if (!rows?.length) return null;
  const described = rows.some((r) => r.description);
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
              {described && <th>Meaning</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td className="mono">{r.name}</td>
                <td className="mono">[{r.shape.join(", ")}]</td>
                <td className="mono">{r.dtype}</td>
                {described && <td className="wrap small">{r.description}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function EvaluationSummary({ model, evaluation }: { model: string; evaluation: NonNullable<ExportedManifest["evaluation"]> }) {
  const m = modelEvalMatrix(model, evaluation.results ?? ([] as EvalRow[]));
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

function FeatureTable({ title, rows }: { title: string; rows: ManifestFeature[] | undefined }) {
  if (!rows?.length) return null;
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
                <td className="wrap small">{x.unit}</td>
                <td className="wrap small">{x.derivation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ModelCard({ entry, selected, onSelect, onReloaded }: { entry: Entry; selected: boolean; onSelect: () => void; onReloaded: () => void }) {
  const { summary, detail } = entry;
  const manifest = detail ? exportedManifest(detail) : null;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; error?: ApiError } | null>(null);

  const reload = async () => {
    setBusy(true);
    setResult(null);
    try {
      const r = await api.loadModel(summary.name);
      setResult({ ok: true, text: `Reloaded from disk: version ${r.data.model.version}.` });
      onReloaded();
    } catch (e) {
      setResult({ ok: false, text: "", error: e as ApiError });
    } finally {
      setBusy(false);
    }
  };

  const version = detail?.version ?? summary.version;
  const sha = detail?.sha256 ?? summary.sha256;
  const parameters = manifest?.architecture?.parameters;
  const standing = verdictCounts(summary.name, evaluationRows(manifest?.evaluation));
  return (
    <Card
      as="article"
      className={`model-card${selected ? " selected" : ""}`}
      testId={`model-${summary.name}`}
      title={
        <>
          {summary.name} {version && <span className="badge accent" style={{ verticalAlign: 2 }}>v{version}</span>}{" "}
          <span className={`badge ${summary.loaded ? "ok" : summary.status === "failed" ? "bad" : "warn"}`} style={{ verticalAlign: 2 }}>
            {summary.status}
          </span>
        </>
      }
    >
      <p className="small muted clamp" title={summary.algorithm} style={{ margin: "0 0 10px" }}>
        {summary.algorithm ?? (summary.loaded ? "algorithm not stated" : "Not loaded: the API serves no manifest for it.")}
      </p>
      <ErrorNotice error={entry.error} title="Could not read the manifest" />
      <dl className="kv">
        {detail && (
          <>
            <dt>version</dt>
            <dd className="mono" data-testid="model-version">
              {detail.model_version}
              {detail.previous_version != null ? ` (previous ${detail.previous_version}, ready for rollback)` : ""}
            </dd>
          </>
        )}
        {sha && (
          <>
            <dt>sha256</dt>
            <dd className="mono" data-testid="sha256">{sha}</dd>
          </>
        )}
        {parameters !== undefined && (
          <>
            <dt>parameters</dt>
            <dd>{parameters.toLocaleString("en-US")}</dd>
          </>
        )}
        {standing.cells > 0 && (
          <>
            <dt>vs greedy</dt>
            <dd data-testid={`standing-${summary.name}`}>
              <span
                className={`badge wrap ${standing.better === standing.cells ? "ok" : standing.worse > standing.better ? "bad" : "warn"}`}
                title="Cells (network size x load) of the manifest's evaluation where the paired 95% interval of the return difference is above 0 (better), below 0 (worse) or contains 0"
              >
                {verdictSummary(standing)}
              </span>
            </dd>
          </>
        )}
        {detail && (
          <>
            <dt>value head</dt>
            <dd>{detail.has_value_head ? "yes" : "no"}</dd>
            <dt>loaded at</dt>
            <dd>{new Date(detail.loaded_at).toLocaleString()}</dd>
          </>
        )}
        {summary.last_error && (
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
        {detail && (
          <button className={`small${selected ? " primary" : ""}`} onClick={onSelect} aria-pressed={selected} data-testid={`details-${summary.name}`}>
            {selected ? "Showing manifest" : "Show manifest"}
          </button>
        )}
      </div>
    </Card>
  );
}

function ManifestDetail({ name, detail }: { name: string; detail: ModelDetail }) {
  const m = exportedManifest(detail);
  const selection = seedSelectionRow(m.training);
  return (
    <Card title={`Manifest: ${name}`} description={m.algorithm} style={{ marginTop: 16 }} testId="manifest-detail">
      <div className="grid two">
        <div>
          {m.architecture && (
            <>
              <h3 style={{ margin: "0 0 6px" }}>Architecture</h3>
              <KvRows rows={scalarRows(m.architecture)} />
            </>
          )}
          {m.training && (
            <>
              <h3 style={{ margin: "14px 0 6px" }}>Training</h3>
              <KvRows rows={[...scalarRows(m.training), ...(selection ? [selection] : [])]} />
              {m.training.hyperparameters && (
                <details className="raw">
                  <summary>Hyper-parameters</summary>
                  <div style={{ marginTop: 8 }}>
                    <KvRows rows={scalarRows(m.training.hyperparameters)} />
                  </div>
                </details>
              )}
            </>
          )}
          {m.regenerate && (
            <>
              <h3 style={{ margin: "14px 0 6px" }}>Regenerate</h3>
              <pre className="code">{m.regenerate}</pre>
            </>
          )}
          {m.evaluation && <EvaluationSummary model={name} evaluation={m.evaluation} />}
        </div>
        <div>
          <FeatureTable title={`Node features (${m.features?.length ?? 0}), in tensor order`} rows={m.features} />
          <FeatureTable title={`Link features (${m.edge_features?.length ?? 0})`} rows={m.edge_features} />
          <IoTable title="Inputs" rows={m.inputs} />
          <IoTable title="Outputs" rows={m.outputs} />
        </div>
      </div>
      <details className="raw">
        <summary>Raw manifest JSON</summary>
        <pre className="code" style={{ maxHeight: 420, marginTop: 8 }}>{JSON.stringify(m, null, 2)}</pre>
      </details>
    </Card>
  );
}

export function ModelsView() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = (await api.models()).data.models;
      const full = await Promise.all(
        list.map(async (summary) => {
          // GET /models/{name} answers 503 for a model that is not loaded: don't ask.
          if (!summary.loaded) return { summary, detail: null, error: null };
          try {
            return { summary, detail: (await api.model(summary.name)).data, error: null };
          } catch (e) {
            return { summary, detail: null, error: e as ApiError };
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

  const shownEntry = entries?.find((e) => e.summary.name === shown) ?? entries?.find((e) => e.detail !== null) ?? null;

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
      {shownEntry?.detail && <ManifestDetail name={shownEntry.summary.name} detail={shownEntry.detail} />}
    </>
  );
}
