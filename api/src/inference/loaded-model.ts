/**
 * One loaded version of a model: its onnxruntime sessions, and leases that keep them alive while runs
 * are in flight (a retired version is released once its last run ends).
 */
import * as ort from "onnxruntime-node";
import * as spec from "../simulation/spec.js";
import type { Manifest } from "./manifest.js";
import { LINK_FEATURES, type Packed } from "./tensors.js";

/** Inputs of contract v2; a graph declares x, mask and any subset of the others (dqn and ppo read no links). */
export const CONTRACT_INPUTS = ["x", "parent", "edge_attr", "link_index", "link_attr", "mask"] as const;
export type ContractInput = (typeof CONTRACT_INPUTS)[number];
/** Runs with at least this many nodes in total (B * N) use the multi-threaded session. */
export const BIG_RUN_NODES = 2048;

export interface RunOutput {
  scores: Float32Array;
  probs: Float32Array;
  value?: Float32Array;
}

export class LoadedModel {
  inflight = 0;
  retired = false;
  released = false;
  /** The inputs the graph declares (a subset of CONTRACT_INPUTS, checked at load): what each run feeds. */
  readonly inputs: readonly ContractInput[];

  constructor(
    public readonly name: string,
    public readonly version: number,
    public readonly manifest: Manifest,
    public readonly sha256: string,
    public readonly session: ort.InferenceSession,
    public readonly hasValue: boolean,
    public readonly loadedAt: Date,
    /** same graph with more intra-op threads, for large runs (B * N >= BIG_RUN_NODES) */
    public readonly bigSession?: ort.InferenceSession,
  ) {
    this.inputs = session.inputNames as ContractInput[];
  }

  get ref(): { name: string; version: string } {
    return { name: this.name, version: String(this.version) };
  }

  /** Keep the session alive across several runs (a reload retires it only once every lease ends). */
  acquire(): void {
    this.inflight++;
  }

  releaseLease(): void {
    this.inflight--;
    if (this.retired && this.inflight === 0) void this.release();
  }

  /** Stop serving: release now if idle, else when the last lease ends. */
  retire(): void {
    this.retired = true;
    if (this.inflight === 0) void this.release();
  }

  /** One run on raw feeds; `nodes` (B * N) picks the session. */
  async runFeeds(feeds: Record<string, ort.Tensor>, nodes: number): Promise<ort.InferenceSession.ReturnType> {
    this.acquire();
    try {
      const session = this.bigSession && nodes >= BIG_RUN_NODES ? this.bigSession : this.session;
      return await session.run(feeds);
    } finally {
      this.releaseLease();
    }
  }

  /** One batched run on packed inputs; feeds exactly the inputs the graph declares. */
  async run(p: Packed): Promise<RunOutput> {
    const out = await this.runFeeds(feedsFor(this.inputs, p), p.B * p.N);
    const scores = out.scores?.data as Float32Array | undefined;
    const probs = out.probs?.data as Float32Array | undefined;
    if (!scores || !probs || scores.length !== p.B * p.N || probs.length !== p.B * p.N) {
      throw new Error(`model '${this.name}' returned outputs of unexpected shape`);
    }
    const value = this.hasValue ? (out.value?.data as Float32Array | undefined) : undefined;
    return value && value.length === p.B ? { scores, probs, value } : { scores, probs };
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    for (const s of [this.session, this.bigSession]) {
      try {
        await s?.release();
      } catch {
        /* already gone */
      }
    }
  }
}

/** The ONNX feeds of packed inputs for exactly the inputs a graph declares (also used by the benchmarks). */
export function feedsFor(inputs: readonly string[], p: Packed): Record<string, ort.Tensor> {
  return Object.fromEntries(inputs.map((name) => [name, feed(name as ContractInput, p)]));
}

/** The ONNX tensor of one contract input. */
function feed(name: ContractInput, p: Packed): ort.Tensor {
  switch (name) {
    case "x":
      return new ort.Tensor("float32", p.x, [p.B, p.N, spec.NUM_NODE_FEATURES]);
    case "parent":
      return new ort.Tensor("int64", p.parent, [p.B, p.N]);
    case "edge_attr":
      return new ort.Tensor("float32", p.edgeAttr, [p.B, p.N, spec.NUM_EDGE_FEATURES]);
    case "link_index":
      return new ort.Tensor("int64", p.linkIndex, [2, p.L]);
    case "link_attr":
      return new ort.Tensor("float32", p.linkAttr, [p.L, LINK_FEATURES.length]);
    case "mask":
      return new ort.Tensor("float32", p.mask, [p.B, p.N]);
  }
}
