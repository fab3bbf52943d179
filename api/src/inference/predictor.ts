/**
 * Runs prepared networks through a model in batched ONNX runs and decodes the outputs into
 * predictions. Single predictions that arrive in the same event-loop turn share one run
 * (micro-batching); /batch-predict plans its own runs by network size.
 */
import { ModelNotFoundError, ModelUnavailableError } from "./errors.js";
import type { LoadedModel, ModelRegistry, RunOutput } from "./registry.js";
import { chunkRun, packGroup, planGroups, type PreparedNetwork } from "./tensors.js";

export interface Prediction {
  selected_node: number;
  confidence: number;
  q_values: (number | null)[];
  node_scores: Record<string, number>;
  value?: number;
  valid_nodes: number[];
  task: PreparedNetwork["task"];
  /** the `load` feature the model saw */
  load: number;
  processing_time_ms: number;
  model: { name: string; version: string };
}

export type RunHook = (model: string, ms: number, batch: number) => void;

/** JSON cannot carry -Infinity/NaN: masked scores that are not finite become null. */
const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Decode network `b` of a run padded to P nodes. selected = argmax of probs over valid nodes. */
export function decode(prep: PreparedNetwork, out: RunOutput, b: number, P: number, model: LoadedModel, ms: number): Prediction {
  const n = prep.n;
  const base = b * P;
  const valid = prep.out.valid;
  const q: (number | null)[] = new Array(n);
  const nodeScores: Record<string, number> = {};
  const validNodes: number[] = [];
  let best = -1;
  let bestP = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = out.probs[base + i]!;
    q[i] = finiteOrNull(out.scores[base + i]!);
    nodeScores[i] = p;
    if (valid[i]) {
      validNodes.push(i);
      if (best < 0 || p > bestP) {
        best = i;
        bestP = p;
      }
    }
  }
  const pred: Prediction = {
    selected_node: best,
    confidence: bestP,
    q_values: q,
    node_scores: nodeScores,
    valid_nodes: validNodes,
    task: prep.task,
    load: prep.load,
    processing_time_ms: ms,
    model: model.ref,
  };
  if (out.value) pred.value = out.value[b]!;
  return pred;
}

interface Job {
  prep: PreparedNetwork;
  started: number;
  resolve: (p: Prediction) => void;
  reject: (e: unknown) => void;
}

export interface PredictorOptions {
  registry: ModelRegistry;
  /** share one ONNX run between single predictions arriving together */
  microbatch: boolean;
  /** max networks per ONNX run */
  maxRunBatch: number;
  onRun?: RunHook;
}

export class Predictor {
  private readonly queues = new Map<string, Map<number, Job[]>>();
  private scheduled = false;

  constructor(private readonly opts: PredictorOptions) {}

  /** The loaded model; ModelNotFoundError / ModelUnavailableError otherwise. */
  resolveModel(name: string): LoadedModel {
    const m = this.opts.registry.get(name);
    if (m) return m;
    if (this.opts.registry.isKnown(name)) {
      const st = this.opts.registry.status(name);
      throw new ModelUnavailableError(
        name,
        `model '${name}' is not loaded${st.last_error ? ` (last load error: ${st.last_error})` : ""}; POST /models/${name}/load to load it`,
      );
    }
    throw new ModelNotFoundError(name, this.opts.registry.names());
  }

  /** One network. Throws the errors of resolveModel. */
  predictOne(name: string, prep: PreparedNetwork): Promise<Prediction> {
    const model = this.resolveModel(name);
    const started = performance.now();
    if (!this.opts.microbatch) {
      return this.runGroup(model, [prep], prep.n).then((out) => decode(prep, out, 0, prep.n, model, performance.now() - started));
    }
    return new Promise<Prediction>((resolve, reject) => {
      let byN = this.queues.get(name);
      if (!byN) this.queues.set(name, (byN = new Map()));
      let q = byN.get(prep.n);
      if (!q) byN.set(prep.n, (q = []));
      q.push({ prep, started, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const queues = [...this.queues.entries()];
    this.queues.clear();
    for (const [name, byN] of queues) {
      const model = this.opts.registry.get(name);
      for (const [n, jobs] of byN) {
        if (!model) {
          const err = new ModelUnavailableError(name, `model '${name}' was unloaded`);
          for (const j of jobs) j.reject(err);
          continue;
        }
        for (const chunk of chunkRun(jobs, n, (j) => j.prep.m, this.opts.maxRunBatch)) {
          this.runGroup(
            model,
            chunk.map((j) => j.prep),
            n,
          ).then(
            (out) => {
              const now = performance.now();
              for (let b = 0; b < chunk.length; b++) {
                const j = chunk[b]!;
                j.resolve(decode(j.prep, out, b, n, model, now - j.started));
              }
            },
            (e) => {
              for (const j of chunk) j.reject(e);
            },
          );
        }
      }
    }
  }

  private async runGroup(model: LoadedModel, preps: PreparedNetwork[], padded: number): Promise<RunOutput> {
    const packed = packGroup(preps, padded);
    const t0 = performance.now();
    const out = await model.run(packed);
    this.opts.onRun?.(model.name, performance.now() - t0, preps.length);
    return out;
  }

  /** Many networks in as few batched runs as their sizes allow. */
  async predictMany(name: string, preps: PreparedNetwork[], pad = true): Promise<{ predictions: Prediction[]; runs: number; model: LoadedModel }> {
    const model = this.resolveModel(name);
    const started = performance.now();
    const plans = planGroups(preps, { maxRunBatch: this.opts.maxRunBatch, pad });
    const predictions: Prediction[] = new Array(preps.length);
    model.acquire();
    try {
      // Runs go one after another so at most one run's tensors are alive; the lease keeps the
      // session from being released by a concurrent reload in between.
      const outs: RunOutput[] = [];
      for (const plan of plans) {
        outs.push(await this.runGroup(model, plan.members.map((i) => preps[i]!), plan.padded));
      }
      const ms = performance.now() - started;
      plans.forEach((plan, k) => {
        const out = outs[k]!;
        plan.members.forEach((idx, b) => {
          predictions[idx] = decode(preps[idx]!, out, b, plan.padded, model, ms);
        });
      });
    } finally {
      model.releaseLease();
    }
    return { predictions, runs: plans.length, model };
  }
}
