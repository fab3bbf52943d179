/**
 * Runs prepared networks through a model in batched ONNX runs and decodes the outputs into
 * predictions. Single predictions that arrive in the same event-loop turn share one run
 * (micro-batching); /batch-predict plans its own runs by network size.
 */
import { ModelNotFoundError, ModelUnavailableError, VersionNotServedError } from "./errors.js";
import type { LoadedModel, RunOutput } from "./loaded-model.js";
import type { ModelRegistry } from "./registry.js";
import type { Admission } from "../runtime/admission.js";
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
  /** the version that produced the answer (same as model.version) */
  model_version: string;
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
    model_version: model.ref.version,
  };
  if (out.value) pred.value = out.value[b]!;
  return pred;
}

interface Job {
  prep: PreparedNetwork;
  started: number;
  resolve: (p: Prediction) => void;
  reject: (e: unknown) => void;
  deadline?: AbortSignal;
}

export interface PredictorOptions {
  registry: ModelRegistry;
  /** share one ONNX run between single predictions arriving together */
  microbatch: boolean;
  /** max networks per ONNX run */
  maxRunBatch: number;
  onRun?: RunHook;
  /** bounds the inference requests in flight and gives each a deadline */
  admission?: Admission;
}

export class Predictor {
  /** pending single predictions per loaded version and node count */
  private readonly queues = new Map<LoadedModel, Map<number, Job[]>>();
  private scheduled = false;

  constructor(private readonly opts: PredictorOptions) {}

  /**
   * The active version of a model, or a given loaded version (a served version is loaded when it is the
   * active or the previous one). Throws the registry's errors for unknown, unserved or unloaded ones.
   */
  resolveModel(name: string, version?: string): LoadedModel {
    const registry = this.opts.registry;
    if (!registry.isKnown(name)) throw new ModelNotFoundError(name, registry.names());
    if (version === undefined) {
      const m = registry.get(name);
      if (m) return m;
      throw ModelUnavailableError.notLoaded(name, null, registry.status(name).last_error);
    }
    const served = registry.served(name);
    const v = served.find((s) => String(s) === version);
    if (v === undefined) throw new VersionNotServedError(name, version, served);
    const m = registry.getVersion(name, v);
    if (m) return m;
    throw ModelUnavailableError.notLoaded(name, v);
  }

  /** Run work within admission control: OverloadedError past MAX_QUEUE in flight or past the deadline. */
  admit<T>(work: (deadline?: AbortSignal) => Promise<T>): Promise<T> {
    return this.opts.admission ? this.opts.admission.run(work) : work();
  }

  /** One network on the active version of a model; OverloadedError past capacity. */
  predictOne(name: string, prep: PreparedNetwork): Promise<Prediction> {
    const model = this.resolveModel(name);
    return this.admit((deadline) => this.queueOne(model, prep, deadline));
  }

  /** One network on a version resolved (and leased) by the caller. */
  predictOn(model: LoadedModel, prep: PreparedNetwork): Promise<Prediction> {
    return this.admit((deadline) => this.queueOne(model, prep, deadline));
  }

  /** Single predictions arriving together share a run. */
  private queueOne(model: LoadedModel, prep: PreparedNetwork, deadline?: AbortSignal): Promise<Prediction> {
    const started = performance.now();
    if (!this.opts.microbatch) {
      return this.runGroup(model, [prep], prep.n).then((out) => decode(prep, out, 0, prep.n, model, performance.now() - started));
    }
    return new Promise<Prediction>((resolve, reject) => {
      let byN = this.queues.get(model);
      if (!byN) this.queues.set(model, (byN = new Map()));
      let q = byN.get(prep.n);
      if (!q) byN.set(prep.n, (q = []));
      // The lease keeps this version's session alive until the run, even if a load retires it meanwhile.
      model.acquire();
      q.push({ prep, started, resolve, reject, deadline });
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
    for (const [model, byN] of queues) {
      for (const [n, queued] of byN) {
        // Requests past their deadline have been answered 503 already: skip their work (and their lease).
        const jobs: Job[] = [];
        for (const j of queued) {
          if (j.deadline?.aborted) {
            j.reject(j.deadline.reason);
            model.releaseLease();
          } else jobs.push(j);
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
          ).finally(() => {
            for (let b = 0; b < chunk.length; b++) model.releaseLease();
          });
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
  predictMany(name: string, preps: PreparedNetwork[], pad = true): Promise<{ predictions: Prediction[]; runs: number; model: LoadedModel }> {
    const model = this.resolveModel(name);
    return this.admit((deadline) => this.runMany(model, preps, pad, deadline));
  }

  private async runMany(model: LoadedModel, preps: PreparedNetwork[], pad: boolean, deadline?: AbortSignal) {
    const started = performance.now();
    const plans = planGroups(preps, { maxRunBatch: this.opts.maxRunBatch, pad });
    const predictions: Prediction[] = new Array(preps.length);
    model.acquire();
    try {
      // Runs go one after another so at most one run's tensors are alive; the lease keeps the
      // session from being released by a concurrent reload in between.
      const outs: RunOutput[] = [];
      for (const plan of plans) {
        deadline?.throwIfAborted();
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
