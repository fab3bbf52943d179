"use client";
// The Predict page: a network (generated or pasted), a task and a model; POST /predict and
// POST /compare on them, drawn on the topology, with the exact request as a snippet.
import { useMemo, useState } from "react";
import { api, ApiError, type ApiCall } from "../lib/client";
import { buildTask } from "../lib/network";
import { probabilities, rawScores } from "../lib/prediction";
import type { CompareResponse, GenerateRequest, PredictResponse } from "../lib/types";
import type { RecordedRequest } from "../lib/snippet";
import { Card } from "./Card";
import { ErrorNotice } from "./ErrorNotice";
import { Snippet } from "./Snippet";
import { CompareCard } from "./predict/CompareCard";
import { NetworkSource, numberField } from "./predict/NetworkSource";
import { NodeCharts } from "./predict/NodeCharts";
import { PolicyPicker } from "./predict/PolicyPicker";
import { PredictionCard } from "./predict/PredictionCard";
import { EMPTY_TASK, TaskForm, taskToFields, type TaskFields } from "./predict/TaskForm";
import { TopologyCard, type ShownNetwork } from "./predict/TopologyCard";

type Busy = "generate" | "predict" | "compare";

export function PredictView() {
  const [shown, setShown] = useState<ShownNetwork | null>(null);
  const [taskFields, setTaskFields] = useState<TaskFields>(EMPTY_TASK);
  const [loadField, setLoadField] = useState("");
  const [model, setModel] = useState("");
  const [prediction, setPrediction] = useState<PredictResponse | null>(null);
  const [compare, setCompare] = useState<CompareResponse | null>(null);
  const [lastRequest, setLastRequest] = useState<{ req: RecordedRequest; upstream: string | null } | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<{ title: string; err: ApiError } | null>(null);

  const network = shown?.network ?? null;
  const task = useMemo(() => buildTask(taskFields), [taskFields]);
  const load = numberField(loadField);

  /** Run one API call: busy state, the request for the snippet, errors shown above the results. */
  const run = async <T,>(kind: Busy, title: string, fn: () => Promise<ApiCall<T>>, done: (data: T) => void) => {
    setBusy(kind);
    setError(null);
    try {
      const r = await fn();
      setLastRequest({ req: r.request, upstream: r.upstream });
      done(r.data);
    } catch (e) {
      setError({ title, err: e instanceof ApiError ? e : new ApiError(0, "client_error", (e as Error).message) });
    } finally {
      setBusy(null);
    }
  };

  const showNetwork = (next: ShownNetwork) => {
    setShown(next);
    setPrediction(null);
    setCompare(null);
  };

  const generate = (body: GenerateRequest) =>
    run("generate", "Could not generate a network", () => api.generate(body), (d) => {
      const wasEpisode = shown?.episode != null;
      showNetwork({ network: d.network_state, seed: d.seed, origin: "generated", episode: d.episode ?? null });
      if (d.task) {
        // The arrival that meets this state, and the rate it arrives at: what /predict should see.
        setTaskFields(taskToFields(d.task));
        setLoadField(d.load !== undefined ? String(d.load) : "");
      } else if (wasEpisode) {
        // The task and load came from the previous mid-episode state: they don't belong to an idle network.
        setTaskFields(EMPTY_TASK);
        setLoadField("");
      } else {
        setTaskFields((t) => ({ ...t, source: t.source && Number(t.source) < d.network_state.nodes.length ? t.source : "" }));
      }
    });

  const body = () => ({ network_state: network!, ...(task ? { task } : {}), ...(load !== undefined ? { load } : {}) });
  const predict = () => run("predict", "Prediction failed", () => api.predict({ ...body(), ...(model ? { model_type: model } : {}) }), setPrediction);
  const runCompare = () => run("compare", "Compare failed", () => api.compare(body()), setCompare);

  const source = prediction?.task.source ?? compare?.task.source ?? task?.source ?? null;
  const selected = prediction?.selected_node ?? null;
  const n = network?.nodes.length ?? 0;
  const scores = useMemo(() => (prediction ? probabilities(prediction, n) : null), [prediction, n]);
  const qValues = useMemo(() => (prediction ? rawScores(prediction, n) : null), [prediction, n]);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Predict</h1>
          <p>
            Generate a network, idle or congested in the middle of an episode (or paste one), pick a model and ask the API where to place a task. The topology
            is laid out by tier, nodes coloured by load and links by backlog; the chosen node is highlighted and every node shows the model&apos;s score.
          </p>
        </div>
      </div>

      <div className="predict-layout">
        <aside className="card controls">
          <NetworkSource
            network={network}
            generating={busy === "generate"}
            disabled={busy !== null}
            onGenerate={(b) => void generate(b)}
            onPasted={(p) => {
              showNetwork({ network: p.network, seed: null, origin: "pasted", episode: null });
              if (p.task) setTaskFields(taskToFields(p.task));
              if (p.load !== undefined) setLoadField(String(p.load));
            }}
          />
          <TaskForm network={network} fields={taskFields} onFields={setTaskFields} load={loadField} onLoad={setLoadField} />
          <PolicyPicker
            model={model}
            onModel={setModel}
            canRun={network !== null}
            busy={busy === "generate" ? "other" : busy}
            onPredict={() => void predict()}
            onCompare={() => void runCompare()}
          />
        </aside>

        <div className="stack">
          {error && <ErrorNotice error={error.err} title={error.title} showUnreachable />}
          {prediction && <PredictionCard pred={prediction} network={network} source={source} qValues={qValues} />}
          <TopologyCard shown={shown} scores={scores} qValues={qValues} selected={selected} source={source} compare={compare} />
          {compare && <CompareCard compare={compare} predictedWith={prediction?.model.name ?? null} />}
          {network && <NodeCharts network={network} selected={selected} scores={scores} />}
          <Card title="Request" description="The exact request the dashboard just sent, ready to run against the API.">
            <Snippet request={lastRequest?.req ?? null} base={lastRequest?.upstream ?? null} />
          </Card>
        </div>
      </div>
    </>
  );
}
