"use client";
// The Simulate page: set up an episode, run it with POST /simulate streamed as Server-Sent Events
// (a progress bar and Cancel), then replay it on the topology with charts and the summaries.
import { useCallback, useMemo, useRef, useState } from "react";
import { ApiError, simulateStream } from "../lib/client";
import { simulationRequest, type SimulationForm } from "../lib/simulate";
import type { RecordedRequest } from "../lib/snippet";
import type { SimulateProgress, SimulateResponse } from "../lib/types";
import { useApiStatus } from "./ApiStatus";
import { Card } from "./Card";
import { ErrorNotice } from "./ErrorNotice";
import { Snippet } from "./Snippet";
import { Replay } from "./simulate/Replay";
import { SimulateForm } from "./simulate/SimulateForm";
import { SimulationCharts } from "./simulate/SimulationCharts";
import { SimulationProgress } from "./simulate/SimulationProgress";
import { SummaryTable } from "./simulate/SummaryTable";

export function SimulateView() {
  const [form, setForm] = useState<SimulationForm | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<SimulateProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState<SimulateResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [policy, setPolicy] = useState("");
  // Counts finished runs: the replay starts over for each.
  const [runs, setRuns] = useState(0);
  const abort = useRef<AbortController | null>(null);

  const onForm = useCallback((f: SimulationForm | null, errors: string[]) => {
    setForm(f);
    setFormErrors(errors);
  }, []);
  const body = useMemo(() => (form ? simulationRequest(form) : null), [form]);
  const { upstream } = useApiStatus();
  // The request exactly as the Run button sends it (lib/client.ts simulateStream).
  const request: RecordedRequest | null = body ? { method: "POST", path: "/simulate", accept: "text/event-stream", body: JSON.stringify(body) } : null;

  const run = async () => {
    if (!body) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setRunning(true);
    setProgress(null);
    setError(null);
    setCancelled(false);
    try {
      const r = await simulateStream(body, { signal: ctrl.signal, onProgress: setProgress });
      setAnswer(r.data);
      setRuns((n) => n + 1);
      setPolicy((p) => (r.data.summaries.some((s) => s.policy === p) ? p : (r.data.summaries[0]?.policy ?? "")));
    } catch (e) {
      if (ctrl.signal.aborted) setCancelled(true);
      else setError(e instanceof ApiError ? e : new ApiError(0, "client_error", (e as Error).message));
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Simulate</h1>
          <p>
            Run an episode with policies in the loop: one stream of tasks, the same for every policy, on a generated network or your own. Congestion builds
            up; a choice now decides whether the next hundred tasks are on time. Watch it run, then replay it.
          </p>
        </div>
      </div>

      <div className="predict-layout">
        <aside className="card controls">
          <SimulateForm running={running} onChange={onForm} />
          <div className="section">
            {formErrors.length > 0 && (
              <ul className="small error-list" data-testid="sim-form-errors">
                {formErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
            <button className="primary" style={{ width: "100%" }} onClick={() => void run()} disabled={!body || running} data-testid="sim-run">
              {running ? "Running…" : "Run episode"}
            </button>
          </div>
        </aside>

        <div className="stack">
          {error && <ErrorNotice error={error} title="The simulation failed" showUnreachable />}
          {cancelled && (
            <div className="banner warn" data-testid="sim-cancelled">
              Cancelled: the connection was closed and the API stopped the run.
            </div>
          )}
          {running && <SimulationProgress progress={progress} total={form?.tasks ?? 0} onCancel={() => abort.current?.abort()} />}
          {answer && !running && (
            <>
              <p className="small muted" style={{ margin: 0 }} data-testid="sim-meta">
                {answer.num_nodes} nodes{answer.network_seed !== null ? ` (network seed ${answer.network_seed})` : " (given)"} · load {answer.load}
                {answer.bursts ? " with bursts" : ", no bursts"} · {answer.tasks.toLocaleString("en-US")} scored tasks after a greedy warm-up of{" "}
                {answer.warmup_tasks} · seed {answer.seed}
              </p>
              <SummaryTable summaries={answer.summaries} />
              <Replay key={runs} answer={answer} policy={policy} onPolicy={setPolicy} />
              <SimulationCharts answer={answer} policy={policy} />
            </>
          )}
          {!answer && !running && !error && (
            <div className="card empty" data-testid="sim-empty">
              Set up an episode on the left and run it: a 1,000-task episode on 50 nodes takes a few seconds.
            </div>
          )}
          <Card title="Request" description="The exact request, as it will be sent (Accept: text/event-stream streams the progress; without it the API answers the same JSON at the end).">
            <Snippet request={request} base={upstream} />
          </Card>
        </div>
      </div>
    </>
  );
}
