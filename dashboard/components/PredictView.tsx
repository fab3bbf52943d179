"use client";
import { useEffect, useMemo, useState } from "react";
import { api, ApiError, type ApiCall } from "../lib/client";
import { buildTask, networkToJson, parseNetworkJson } from "../lib/network";
import { defaultModel, normalizeModels } from "../lib/models";
import { formatProbability, probabilities, rawScores } from "../lib/prediction";
import { compareRewardTraces, GREEDY, orderedEntries } from "../lib/compare";
import { latencyQueueTraces, queueMeasure, resourceBarTraces, scoreBarTraces } from "../lib/charts";
import { formatMs, formatNumber, formatPct, tierName } from "../lib/format";
import { edgeEnds, edgeState, formatScore, nodeLoad } from "../lib/topology";
import type { CompareResponse, GenerateRequest, GenerateResponse, NetworkState, PredictResponse, Task } from "../lib/types";
import type { RecordedRequest } from "../lib/snippet";
import { TopologyGraph } from "./TopologyGraph";
import { Plot } from "./Plot";
import { Snippet } from "./Snippet";
import { ErrorNotice } from "./ErrorNotice";

const MIN_NODES = 5;
const MAX_NODES = 200;
/** Load of a mid-episode warm-up when the field is left empty (the API's default is 0.6). */
const DEFAULT_WARMUP_LOAD = "0.7";

type TaskFields = Record<keyof Task, string>;
const EMPTY_TASK: TaskFields = { source: "", cpu_mcycles: "", mem_mb: "", data_kb: "", deadline_ms: "" };

interface Generated {
  network: NetworkState;
  seed: number | null;
  origin: "generated" | "pasted";
  /** how the greedy warm-up went, for a mid-episode network */
  episode: GenerateResponse["episode"] | null;
}

/** A number typed in a field, or undefined when empty or not a number. */
function numberField(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

export function PredictView() {
  const [numNodes, setNumNodes] = useState(20);
  const [seed, setSeed] = useState("42");
  const [inputMode, setInputMode] = useState<"generate" | "paste">("generate");
  const [genState, setGenState] = useState<"idle" | "episode">("idle");
  const [warmupLoad, setWarmupLoad] = useState(DEFAULT_WARMUP_LOAD);
  const [warmupTasks, setWarmupTasks] = useState("");
  const [loadField, setLoadField] = useState("");
  const [pasteText, setPasteText] = useState("");
  const [pasteErrors, setPasteErrors] = useState<string[]>([]);
  const [net, setNet] = useState<Generated | null>(null);
  const [taskFields, setTaskFields] = useState<TaskFields>(EMPTY_TASK);
  const [models, setModels] = useState<string[]>([]);
  const [model, setModel] = useState<string>("");
  const [prediction, setPrediction] = useState<{ res: PredictResponse; task: Task | undefined } | null>(null);
  const [compare, setCompare] = useState<CompareResponse | null>(null);
  const [lastRequest, setLastRequest] = useState<{ req: RecordedRequest; upstream: string | null } | null>(null);
  const [busy, setBusy] = useState<"generate" | "predict" | "compare" | null>(null);
  const [error, setError] = useState<{ title: string; err: ApiError } | null>(null);
  const [inspected, setInspected] = useState<number | null>(null);
  const [inspectedEdge, setInspectedEdge] = useState<number | null>(null);

  useEffect(() => {
    api
      .models()
      .then((r) => {
        const list = normalizeModels(r.data);
        const names = list.filter((m) => m.loaded).map((m) => m.name);
        const preferred = defaultModel(r.data);
        setModels(names);
        setModel((cur) => cur || (preferred && names.includes(preferred) ? preferred : (names[0] ?? "")));
      })
      .catch(() => setModels([]));
  }, []);

  const record = <T,>(r: ApiCall<T>) => setLastRequest({ req: r.request, upstream: r.upstream });

  const run = async <T,>(kind: "generate" | "predict" | "compare", title: string, fn: () => Promise<T>): Promise<T | null> => {
    setBusy(kind);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError({ title, err: e instanceof ApiError ? e : new ApiError(0, "client_error", (e as Error).message) });
      return null;
    } finally {
      setBusy(null);
    }
  };

  const resetResults = () => {
    setPrediction(null);
    setCompare(null);
    setInspected(null);
    setInspectedEdge(null);
  };

  const taskToFields = (t: Partial<Task>): TaskFields => ({
    source: t.source?.toString() ?? "",
    cpu_mcycles: t.cpu_mcycles?.toString() ?? "",
    mem_mb: t.mem_mb?.toString() ?? "",
    data_kb: t.data_kb?.toString() ?? "",
    deadline_ms: t.deadline_ms?.toString() ?? "",
  });

  const generate = () =>
    run("generate", "Could not generate a network", async () => {
      const n = Math.min(MAX_NODES, Math.max(MIN_NODES, Math.round(numNodes)));
      const s = numberField(seed);
      const body: GenerateRequest = { num_nodes: n, ...(s !== undefined ? { seed: Math.trunc(s) } : {}) };
      if (genState === "episode") {
        // Mid-episode: the API runs greedy over the arrival stream and returns the congested state.
        body.load = numberField(warmupLoad) ?? Number(DEFAULT_WARMUP_LOAD);
        const w = numberField(warmupTasks);
        if (w !== undefined) body.warmup_tasks = Math.trunc(w);
      }
      const r = await api.generate(body);
      record(r);
      resetResults();
      const wasEpisode = net?.episode != null;
      const d = r.data;
      setNet({ network: d.network_state, seed: d.seed, origin: "generated", episode: d.episode ?? null });
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

  const loadPasted = () => {
    const parsed = parseNetworkJson(pasteText);
    if (!parsed.ok) {
      setPasteErrors(parsed.errors);
      return;
    }
    setPasteErrors([]);
    resetResults();
    setNet({ network: parsed.network, seed: null, origin: "pasted", episode: null });
    if (parsed.task) setTaskFields(taskToFields(parsed.task));
    if (parsed.load !== undefined) setLoadField(String(parsed.load));
  };

  const task = useMemo(() => buildTask(taskFields), [taskFields]);
  const load = numberField(loadField);

  const predict = () =>
    net &&
    run("predict", "Prediction failed", async () => {
      const body = {
        network_state: net.network,
        ...(model ? { model_type: model } : {}),
        ...(task ? { task } : {}),
        ...(load !== undefined ? { load } : {}),
      };
      const r = await api.predict(body);
      record(r);
      setPrediction({ res: r.data, task: r.data.task });
    });

  const runCompare = () =>
    net &&
    run("compare", "Compare failed", async () => {
      const r = await api.compare({ network_state: net.network, ...(task ? { task } : {}), ...(load !== undefined ? { load } : {}) });
      record(r);
      setCompare(r.data);
    });

  const network = net?.network ?? null;
  const pred = prediction?.res ?? null;
  const source = prediction?.task?.source ?? compare?.task?.source ?? task?.source ?? null;
  const selected = pred?.selected_node ?? null;
  const n = network?.nodes.length ?? 0;
  const scores = useMemo(() => (pred ? probabilities(pred, n) : null), [pred, n]);
  const qValues = useMemo(() => (pred ? rawScores(pred, n) : null), [pred, n]);

  const resourceTraces = useMemo(() => (network ? resourceBarTraces(network, selected) : []), [network, selected]);
  const latencyTraces = useMemo(() => (network ? latencyQueueTraces(network) : []), [network]);
  const scoreTraces = useMemo(() => (scores ? scoreBarTraces(scores, selected, "probability", true) : []), [scores, selected]);
  const compareTraces = useMemo(() => (compare ? compareRewardTraces(compare) : []), [compare]);
  const compareRows = useMemo(() => (compare ? orderedEntries(compare) : []), [compare]);
  const inspectedNode = network && inspected !== null ? network.nodes[inspected] : undefined;
  const inspectedLink = network && inspectedEdge !== null ? network.edges[inspectedEdge] : undefined;
  const queueIsBacklog = network ? queueMeasure(network) === "backlog_ms" : false;
  const inspectNode = (i: number) => {
    setInspected(i);
    setInspectedEdge(null);
  };
  const inspectEdge = (i: number) => {
    setInspectedEdge(i);
    setInspected(null);
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Predict</h1>
          <p>
            Generate a network, idle or congested in the middle of an episode (or paste one), pick a model and ask the API where to place
            a task. The topology is laid out by tier, nodes coloured by load and links by backlog; the chosen node is highlighted and every
            node shows the model&apos;s score.
          </p>
        </div>
      </div>

      <div className="predict-layout">
        <aside className="card controls">
          <div className="section">
            <div className="row" style={{ marginBottom: 10 }}>
              <h3 style={{ margin: 0 }}>Network</h3>
              <span className="spacer" />
              <div className="segmented" role="tablist" aria-label="Network source">
                <button role="tab" aria-selected={inputMode === "generate"} className={inputMode === "generate" ? "on" : ""} onClick={() => setInputMode("generate")}>
                  Generate
                </button>
                <button
                  role="tab"
                  aria-selected={inputMode === "paste"}
                  className={inputMode === "paste" ? "on" : ""}
                  onClick={() => {
                    setInputMode("paste");
                    if (!pasteText && network) setPasteText(networkToJson(network));
                  }}
                >
                  Paste JSON
                </button>
              </div>
            </div>
            {inputMode === "generate" ? (
              <div className="stack" style={{ gap: 10 }}>
                <label className="field">
                  <span>
                    Nodes <span className="hint">({MIN_NODES}–{MAX_NODES})</span>
                  </span>
                  <div className="row" style={{ flexWrap: "nowrap" }}>
                    <input
                      type="range"
                      min={MIN_NODES}
                      max={MAX_NODES}
                      value={numNodes}
                      onChange={(e) => setNumNodes(Number(e.target.value))}
                      aria-label="Number of nodes (slider)"
                    />
                    <input
                      type="number"
                      min={MIN_NODES}
                      max={MAX_NODES}
                      value={numNodes}
                      style={{ width: 76 }}
                      data-testid="num-nodes"
                      onChange={(e) => setNumNodes(Number(e.target.value))}
                      aria-label="Number of nodes"
                    />
                  </div>
                </label>
                <label className="field">
                  <span>
                    Seed <span className="hint">(empty: the API picks one)</span>
                  </span>
                  <input type="number" value={seed} onChange={(e) => setSeed(e.target.value)} data-testid="seed" />
                </label>
                <div className="field">
                  <span className="field-label">State</span>
                  <div className="segmented" role="tablist" aria-label="Network state" data-testid="gen-state">
                    <button role="tab" aria-selected={genState === "idle"} className={genState === "idle" ? "on" : ""} onClick={() => setGenState("idle")}>
                      Idle
                    </button>
                    <button
                      role="tab"
                      aria-selected={genState === "episode"}
                      className={genState === "episode" ? "on" : ""}
                      onClick={() => setGenState("episode")}
                      data-testid="gen-episode"
                    >
                      Mid-episode (congested)
                    </button>
                  </div>
                  <span className="hint small">
                    {genState === "idle"
                      ? "As generated: queue lengths only, links idle."
                      : "Greedy places a warm-up of arrivals first; nodes and links come back with their backlogs, plus the next task and its load."}
                  </span>
                </div>
                {genState === "episode" && (
                  <div className="field-grid">
                    <label className="field">
                      <span>
                        Load ρ <span className="hint">(0–2)</span>
                      </span>
                      <input type="number" min={0.05} max={2} step={0.05} value={warmupLoad} onChange={(e) => setWarmupLoad(e.target.value)} data-testid="warmup-load" />
                    </label>
                    <label className="field">
                      <span>
                        Warm-up tasks <span className="hint">(empty: max(50, N))</span>
                      </span>
                      <input type="number" min={0} max={5000} value={warmupTasks} onChange={(e) => setWarmupTasks(e.target.value)} placeholder="default" data-testid="warmup-tasks" />
                    </label>
                  </div>
                )}
                <button className="primary" onClick={() => void generate()} disabled={busy !== null} data-testid="generate">
                  {busy === "generate" ? "Generating…" : genState === "episode" ? "Generate congested network" : "Generate network"}
                </button>
              </div>
            ) : (
              <div className="stack" style={{ gap: 10 }}>
                <label className="field">
                  <span>
                    network_state JSON <span className="hint">({"{nodes, edges}"} or a /predict body with task and load)</span>
                  </span>
                  <textarea rows={10} value={pasteText} onChange={(e) => setPasteText(e.target.value)} spellCheck={false} data-testid="paste-json" />
                </label>
                {pasteErrors.length > 0 && (
                  <div className="error-box">
                    <strong>Not a valid network</strong>
                    <ul>
                      {pasteErrors.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <button className="primary" onClick={loadPasted} disabled={!pasteText.trim()} data-testid="load-json">
                  Use this network
                </button>
              </div>
            )}
          </div>

          <div className="section">
            <h3>Task</h3>
            <p className="small muted" style={{ margin: "-4px 0 10px" }}>
              Empty fields use the API&apos;s documented defaults.
            </p>
            <div className="field-grid">
              <label className="field">
                Source node
                <select value={taskFields.source} onChange={(e) => setTaskFields({ ...taskFields, source: e.target.value })} data-testid="task-source">
                  <option value="">default</option>
                  {network?.nodes.map((n, i) => (
                    <option key={i} value={i}>
                      {i} ({tierName(n.node_type)})
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                CPU (Mcycles)
                <input type="number" min={0} value={taskFields.cpu_mcycles} onChange={(e) => setTaskFields({ ...taskFields, cpu_mcycles: e.target.value })} placeholder="default" />
              </label>
              <label className="field">
                Memory (MB)
                <input type="number" min={0} value={taskFields.mem_mb} onChange={(e) => setTaskFields({ ...taskFields, mem_mb: e.target.value })} placeholder="default" />
              </label>
              <label className="field">
                Data (KB)
                <input type="number" min={0} value={taskFields.data_kb} onChange={(e) => setTaskFields({ ...taskFields, data_kb: e.target.value })} placeholder="default" />
              </label>
              <label className="field">
                Deadline (ms)
                <input type="number" min={0} value={taskFields.deadline_ms} onChange={(e) => setTaskFields({ ...taskFields, deadline_ms: e.target.value })} placeholder="default" />
              </label>
              <label className="field" title="Current arrival rate as a fraction of the network's compute (the request's load; default 0.6)">
                Load ρ (rate)
                <input type="number" min={0} max={2} step={0.05} value={loadField} onChange={(e) => setLoadField(e.target.value)} placeholder="default" data-testid="task-load" />
              </label>
            </div>
          </div>

          <div className="section">
            <h3>Model</h3>
            <div className="stack" style={{ gap: 10 }}>
              <label className="field">
                Policy
                <select value={model} onChange={(e) => setModel(e.target.value)} data-testid="model-select">
                  {models.length === 0 && <option value="">API default</option>}
                  {models.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </label>
              <div className="row" style={{ flexWrap: "nowrap" }}>
                <button className="primary" style={{ flex: 1 }} onClick={() => void predict()} disabled={!network || busy !== null} data-testid="predict">
                  {busy === "predict" ? "Predicting…" : "Predict"}
                </button>
                <button style={{ flex: 1 }} onClick={() => void runCompare()} disabled={!network || busy !== null} data-testid="compare">
                  {busy === "compare" ? "Comparing…" : "Compare all"}
                </button>
              </div>
            </div>
          </div>
        </aside>

        <div className="stack">
          {error && <ErrorNotice error={error.err} title={error.title} showUnreachable />}

          {pred && (
            <section className="card" data-testid="prediction">
              <div className="card-header">
                <div>
                  <h2>
                    Placement: node <span data-testid="selected-node">{pred.selected_node}</span>
                    {network?.nodes[pred.selected_node] && (
                      <span className="badge accent" style={{ marginLeft: 8, verticalAlign: 2 }}>
                        {tierName(network.nodes[pred.selected_node]!.node_type)}
                      </span>
                    )}
                  </h2>
                  <p>
                    {pred.model ? (
                      <>
                        model <strong>{pred.model.name}</strong> v{pred.model.version}
                      </>
                    ) : (
                      "model from the API"
                    )}
                    {source !== null && <> · task from node {source}</>}
                  </p>
                </div>
              </div>
              <div className="result-grid">
                <div className="kpi">
                  <div className="label">Confidence</div>
                  <div className="value" data-testid="confidence">{formatPct(pred.confidence, 1)}</div>
                  <div className="sub">policy probability of the chosen node</div>
                </div>
                <div className="kpi">
                  <div className="label">Value estimate</div>
                  <div className="value">{pred.value == null ? "—" : formatNumber(pred.value, 3)}</div>
                  <div className="sub">{pred.value == null ? "this model has no critic" : "critic's estimate of the return"}</div>
                </div>
                <div className="kpi">
                  <div className="label">Processing time</div>
                  <div className="value">{formatMs(pred.processing_time_ms, 2)}</div>
                  <div className="sub">measured by the API</div>
                </div>
                <div className="kpi">
                  <div className="label">Chosen node&apos;s score</div>
                  <div className="value">{formatScore(qValues?.[pred.selected_node])}</div>
                  <div className="sub">
                    raw model output · {pred.valid_nodes ? `${pred.valid_nodes.length} of ${n} nodes valid` : ""}
                  </div>
                </div>
              </div>
            </section>
          )}

          <section className="card">
            <div className="card-header">
              <div>
                <h2>Topology</h2>
                <p>
                  {network
                    ? `${network.nodes.length} nodes, ${network.edges.length} edges${net?.origin === "generated" && net.seed !== null ? `, seed ${net.seed}` : net?.origin === "pasted" ? " (pasted)" : ""}. Click a node or a link for its state.`
                    : "Generate a network to start."}
                </p>
              </div>
            </div>
            {net?.episode && (
              <p className="small" style={{ margin: "-4px 0 10px" }} data-testid="episode-info">
                <span className="badge warn">mid-episode</span> greedy placed {net.episode.placed} of {net.episode.warmup_tasks} warm-up tasks at load{" "}
                {net.episode.load} ({net.episode.dropped} dropped, {net.episode.deadline_met} met their deadline) over {formatMs(net.episode.elapsed_ms, 0)}
                ; the next task arrives {net.episode.burst ? "during a burst" : "in a calm phase"} and is filled in on the left.
              </p>
            )}
            {network ? (
              <TopologyGraph
                network={network}
                scores={scores}
                formatLabel={formatProbability}
                scoreName="probability"
                selected={selected}
                source={source}
                greedy={compare?.greedy.selected_node ?? null}
                onNodeTap={inspectNode}
                onEdgeTap={inspectEdge}
              />
            ) : (
              <div className="empty" style={{ minHeight: 260, display: "grid", placeItems: "center" }}>
                No network yet.
              </div>
            )}
            {inspectedNode && inspected !== null && (
              <div className="card" style={{ marginTop: 12, background: "var(--surface-2)" }} data-testid="node-inspector">
                <div className="card-header" style={{ marginBottom: 6 }}>
                  <h3>
                    Node {inspected} · {tierName(inspectedNode.node_type)}
                  </h3>
                  <button className="small" onClick={() => setInspected(null)}>
                    Close
                  </button>
                </div>
                <dl className="kv">
                  <dt>CPU / memory</dt>
                  <dd>
                    {formatPct(inspectedNode.cpu_util)} / {formatPct(inspectedNode.mem_util)} (load {formatPct(nodeLoad(inspectedNode))})
                  </dd>
                  <dt>Latency</dt>
                  <dd>{formatMs(inspectedNode.latency)}</dd>
                  <dt>Bandwidth</dt>
                  <dd>{formatNumber(inspectedNode.bandwidth, 1)} Mbps</dd>
                  <dt>Compute backlog</dt>
                  <dd data-testid="node-backlog">
                    {inspectedNode.backlog_ms !== undefined
                      ? formatMs(inspectedNode.backlog_ms, 1)
                      : inspectedNode.queue_len !== undefined
                        ? `${formatNumber(inspectedNode.queue_len, 2)} queued tasks (no backlog_ms given)`
                        : "idle (none given)"}
                  </dd>
                  <dt>Energy</dt>
                  <dd>{formatNumber(inspectedNode.energy, 1)} J</dd>
                  {scores && (
                    <>
                      <dt>Probability</dt>
                      <dd>{formatProbability(scores[inspected])}</dd>
                      <dt>Model score</dt>
                      <dd>{formatScore(qValues?.[inspected])}</dd>
                    </>
                  )}
                  {compare && (
                    <>
                      <dt>Reward here</dt>
                      <dd>
                        {formatNumber(-(compare.node_costs[inspected] ?? Number.NaN), 3)}
                        {compare.valid_nodes.includes(inspected) ? "" : " (masked: cannot take the task)"}
                      </dd>
                      <dt>Completion here</dt>
                      <dd>{compare.node_latency_ms[inspected] == null ? "unreachable" : formatMs(compare.node_latency_ms[inspected], 1)}</dd>
                    </>
                  )}
                </dl>
              </div>
            )}
            {inspectedLink && inspectedEdge !== null && network && (
              <div className="card" style={{ marginTop: 12, background: "var(--surface-2)" }} data-testid="edge-inspector">
                <div className="card-header" style={{ marginBottom: 6 }}>
                  <h3>
                    Link {edgeEnds(inspectedLink).join(" – ")}
                  </h3>
                  <button className="small" onClick={() => setInspectedEdge(null)}>
                    Close
                  </button>
                </div>
                <dl className="kv">
                  <dt>Backlog</dt>
                  <dd data-testid="edge-backlog">
                    {Array.isArray(inspectedLink) ? "idle (given as a [source, target] pair)" : formatMs(edgeState(inspectedLink).backlog_ms, 1)}
                  </dd>
                  <dt>Capacity</dt>
                  <dd>
                    {edgeState(inspectedLink).capacity_mbps !== null
                      ? `${formatNumber(edgeState(inspectedLink).capacity_mbps, 1)} Mbps`
                      : `default: the smaller bandwidth of its ends (${formatNumber(
                          Math.min(...edgeEnds(inspectedLink).map((i) => network.nodes[i]?.bandwidth ?? Number.NaN)),
                          1,
                        )} Mbps)`}
                  </dd>
                  <dt>Ends</dt>
                  <dd>
                    {edgeEnds(inspectedLink)
                      .map((i) => `${i} (${tierName(network.nodes[i]?.node_type ?? -1)})`)
                      .join(", ")}
                  </dd>
                </dl>
              </div>
            )}
          </section>

          {compare && (
            <section className="card flush" data-testid="compare-result">
              <div className="card-header">
                <div>
                  <h2>All models and baselines on this network</h2>
                  <p>
                    POST /compare: each policy&apos;s node and the simulated outcome of placing this task there (link and node queues included).
                    Regret is the immediate reward below greedy&apos;s, the exact one-step optimum, which picks{" "}
                    <strong data-testid="greedy-node">node {compare.greedy.selected_node}</strong>. A learned policy may accept some regret
                    now to keep queues short for the tasks that follow.
                  </p>
                </div>
              </div>
              <div className="table-wrap">
                <table className="data" data-testid="compare-table">
                  <thead>
                    <tr>
                      <th>Policy</th>
                      <th>Kind</th>
                      <th className="num">Chosen node</th>
                      <th className="num">Probability</th>
                      <th className="num">Reward</th>
                      <th className="num">Regret</th>
                      <th className="num">Completion</th>
                      <th className="num">Transfer</th>
                      <th className="num">Queue wait</th>
                      <th className="num">Energy</th>
                      <th>Deadline</th>
                      <th>Same as greedy</th>
                    </tr>
                  </thead>
                  <tbody>
                    {compareRows.map((e) => (
                      <tr key={e.name} data-policy={e.name} className={e.name === pred?.model.name ? "highlight" : undefined}>
                        <td title={e.kind === "baseline" ? compare.baselines[e.name as keyof typeof compare.baselines] : undefined}>
                          <strong>{e.name}</strong>
                        </td>
                        <td>
                          <span className={`badge ${e.kind === "learned" ? "accent" : e.name === GREEDY ? "ok" : ""}`}>{e.kind}</span>
                        </td>
                        <td className="num">{e.selected_node}</td>
                        <td className="num">{e.probability === null ? "—" : formatPct(e.probability, 1)}</td>
                        <td className="num">{formatNumber(e.reward, 3)}</td>
                        <td className="num">{formatNumber(e.regret, 3)}</td>
                        <td className="num">{formatMs(e.latency_ms, 1)}</td>
                        <td className="num">{formatMs(e.tx_ms, 1)}</td>
                        <td className="num">{formatMs(e.wait_ms, 1)}</td>
                        <td className="num">{formatNumber(e.energy_j, 3)} J</td>
                        <td>{e.deadline_met ? <span className="badge ok">met</span> : <span className="badge bad">missed</span>}</td>
                        <td>{e.matches_greedy ? <span className="badge ok">yes</span> : <span className="badge">no</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="small muted" style={{ padding: "8px 16px 0", margin: 0 }}>
                Task from node {compare.task.source} at load {formatNumber(compare.load, 3)}; hover a baseline&apos;s name for what it does.
              </p>
              {compareTraces.length > 0 && (
                <div style={{ padding: "0 16px 12px" }}>
                  <Plot
                    data={compareTraces}
                    height={260}
                    ariaLabel="Immediate reward per policy"
                    testId="compare-chart"
                    layout={{ showlegend: false, yaxis: { title: { text: "immediate reward" }, gridcolor: "#e2e8f0" }, margin: { l: 56, r: 10, t: 24, b: 60 } }}
                  />
                </div>
              )}
            </section>
          )}

          {network && (
            <div className="grid two">
              <section className="card">
                <div className="card-header">
                  <div>
                    <h2>CPU and memory by node</h2>
                    <p>Utilisation in percent; the chosen node is outlined.</p>
                  </div>
                </div>
                <Plot
                  data={resourceTraces}
                  height={280}
                  ariaLabel="CPU and memory utilisation by node"
                  testId="resource-chart"
                  layout={{
                    barmode: "group",
                    yaxis: { title: { text: "%" }, range: [0, 100], gridcolor: "#e2e8f0" },
                    xaxis: { title: { text: "node" } },
                    legend: { orientation: "h", x: 1, xanchor: "right", y: 1.14 },
                    margin: { l: 56, r: 16, t: 30, b: 48 },
                  }}
                />
              </section>
              <section className="card">
                <div className="card-header">
                  <div>
                    <h2>Latency and {queueIsBacklog ? "backlog" : "queue length"} by node</h2>
                    <p>Node latency (ms, left) and {queueIsBacklog ? "compute backlog (ms, right)" : "queued tasks (right)"}.</p>
                  </div>
                </div>
                <Plot
                  data={latencyTraces}
                  height={280}
                  ariaLabel={`Latency and ${queueIsBacklog ? "backlog" : "queue length"} by node`}
                  testId="latency-chart"
                  layout={{
                    yaxis: { title: { text: "ms" }, gridcolor: "#e2e8f0" },
                    yaxis2: { title: { text: queueIsBacklog ? "backlog (ms)" : "tasks" }, overlaying: "y", side: "right", showgrid: false, rangemode: "tozero", tickmode: "auto" },
                    xaxis: { title: { text: "node" } },
                    legend: { orientation: "h", x: 1, xanchor: "right", y: 1.14 },
                    margin: { l: 56, r: 56, t: 30, b: 48 },
                  }}
                />
              </section>
            </div>
          )}

          {scores && (
            <section className="card">
              <div className="card-header">
                <div>
                  <h2>Policy probability by node</h2>
                  <p>The model&apos;s probability for every node (masked nodes, which cannot take the task, are left out). Red: chosen node.</p>
                </div>
              </div>
              <Plot data={scoreTraces} height={240} ariaLabel="Node scores" testId="score-chart" layout={{ showlegend: false, xaxis: { title: { text: "node" } }, yaxis: { title: { text: "probability (%)" }, gridcolor: "#e2e8f0", rangemode: "tozero" } }} />
            </section>
          )}

          <section className="card">
            <div className="card-header">
              <div>
                <h2>Request</h2>
                <p>The exact request the dashboard just sent, ready to run against the API.</p>
              </div>
            </div>
            <Snippet request={lastRequest?.req ?? null} base={lastRequest?.upstream ?? null} />
          </section>
        </div>
      </div>
    </>
  );
}
