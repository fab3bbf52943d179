/**
 * Model registry: discovers models/onnx/*.json manifests, verifies each .onnx against its sha256,
 * loads an onnxruntime-node session, smoke-tests it, and swaps it in atomically. A failed (re)load
 * leaves the serving version in place. Retired sessions are released once their in-flight runs end.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import * as ort from "onnxruntime-node";
import type { Logger } from "pino";
import { generateNetwork } from "../simulation/generator.js";
import * as spec from "../simulation/spec.js";
import { checkFeatures, ManifestSchema, onnxFileOf, sha256Of, type Manifest } from "./manifest.js";
import { LINK_FEATURES, packGroup, prepareNetwork, type Packed } from "./tensors.js";

export const MODEL_NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;
/** Inputs of contract v2; a graph declares x, mask and any subset of the others (dqn and ppo read no links). */
export const CONTRACT_INPUTS = ["x", "parent", "edge_attr", "link_index", "link_attr", "mask"] as const;
export type ContractInput = (typeof CONTRACT_INPUTS)[number];
const REQUIRED_INPUTS = ["x", "mask"] as const;
/** Runs with at least this many nodes in total (B * N) use the multi-threaded session. */
export const BIG_RUN_NODES = 2048;
const REQUIRED_OUTPUTS = ["scores", "probs"] as const;

export interface RunOutput {
  scores: Float32Array;
  probs: Float32Array;
  value?: Float32Array;
}

export class ModelLoadError extends Error {
  constructor(
    public readonly model: string,
    public readonly reason: string,
  ) {
    super(`cannot load model '${model}': ${reason}`);
    this.name = "ModelLoadError";
  }
}

export class LoadedModel {
  inflight = 0;
  retired = false;
  released = false;

  constructor(
    public readonly name: string,
    public readonly version: string,
    public readonly manifest: Manifest,
    public readonly onnxPath: string,
    public readonly sha256: string,
    public readonly session: ort.InferenceSession,
    public readonly hasValue: boolean,
    public readonly loadedAt: Date,
    /** same graph with more intra-op threads, for large runs (B * N >= BIG_RUN_NODES) */
    public readonly bigSession?: ort.InferenceSession,
  ) {
    this.inputs = session.inputNames as ContractInput[];
  }

  /** The inputs the graph declares (a subset of CONTRACT_INPUTS, checked at load): what each run feeds. */
  readonly inputs: readonly ContractInput[];

  get ref(): { name: string; version: string } {
    return { name: this.name, version: this.version };
  }

  /** Keep the session alive across several runs (a reload retires it only once every lease ends). */
  acquire(): void {
    this.inflight++;
  }

  releaseLease(): void {
    this.inflight--;
    if (this.retired && this.inflight === 0) void this.release();
  }

  /** One batched run on packed inputs; feeds exactly the inputs the graph declares. */
  async run(p: Packed): Promise<RunOutput> {
    this.acquire();
    try {
      const feeds: Record<string, ort.Tensor> = {};
      for (const name of this.inputs) feeds[name] = feed(name, p);
      const session = this.bigSession && p.B * p.N >= BIG_RUN_NODES ? this.bigSession : this.session;
      const out = await session.run(feeds);
      const scores = out.scores?.data as Float32Array | undefined;
      const probs = out.probs?.data as Float32Array | undefined;
      if (!scores || !probs || scores.length !== p.B * p.N || probs.length !== p.B * p.N) {
        throw new Error(`model '${this.name}' returned outputs of unexpected shape`);
      }
      const value = this.hasValue ? (out.value?.data as Float32Array | undefined) : undefined;
      return value && value.length === p.B ? { scores, probs, value } : { scores, probs };
    } finally {
      this.releaseLease();
    }
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

export interface ModelStatus {
  name: string;
  loaded: boolean;
  version?: string;
  last_error?: string;
}

export interface RegistryOptions {
  dir: string;
  intraOpThreads: number;
  /** intra-op threads for large runs (batches); <= intraOpThreads disables the second session */
  batchThreads?: number;
  logger: Logger;
}

export class ModelRegistry {
  readonly dir: string;
  private readonly models = new Map<string, LoadedModel>();
  private readonly errors = new Map<string, string>();
  private readonly pending = new Map<string, Promise<LoadedModel>>();
  private known: string[] = [];
  /** true once the start-up loadAll() has finished (successfully or not) */
  initialLoadDone = false;
  private readonly log: Logger;
  private readonly intraOpThreads: number;
  private readonly batchThreads: number;

  constructor(opts: RegistryOptions) {
    this.dir = resolve(opts.dir);
    this.log = opts.logger;
    this.intraOpThreads = opts.intraOpThreads;
    this.batchThreads = opts.batchThreads ?? 0;
  }

  /** Re-read the directory: names with a `<name>.json` manifest next to a `<name>.onnx`. */
  async scan(): Promise<string[]> {
    let files: string[];
    try {
      files = await readdir(this.dir);
    } catch {
      files = [];
    }
    const set = new Set(files);
    this.known = files
      .filter((f) => f.endsWith(".json"))
      .map((f) => basename(f, ".json"))
      .filter((n) => MODEL_NAME_RE.test(n) && set.has(`${n}.onnx`))
      .sort();
    return this.known;
  }

  /** Every known model name: on disk or loaded. */
  names(): string[] {
    return [...new Set([...this.known, ...this.models.keys()])].sort();
  }

  loadedNames(): string[] {
    return [...this.models.keys()].sort();
  }

  get(name: string): LoadedModel | undefined {
    return this.models.get(name);
  }

  isKnown(name: string): boolean {
    return this.models.has(name) || this.known.includes(name);
  }

  status(name: string): ModelStatus {
    const m = this.models.get(name);
    const err = this.errors.get(name);
    return { name, loaded: !!m, ...(m ? { version: m.version } : {}), ...(err ? { last_error: err } : {}) };
  }

  /** Load every model on disk; failures are logged and remembered, never thrown. */
  async loadAll(): Promise<{ loaded: string[]; failed: Record<string, string> }> {
    await this.scan();
    const failed: Record<string, string> = {};
    for (const name of this.known) {
      try {
        await this.load(name);
      } catch (e) {
        failed[name] = e instanceof ModelLoadError ? e.reason : String(e);
      }
    }
    this.initialLoadDone = true;
    return { loaded: this.loadedNames(), failed };
  }

  /** (Re)load one model from disk and swap it in atomically. Concurrent calls share one attempt. */
  load(name: string): Promise<LoadedModel> {
    const inflight = this.pending.get(name);
    if (inflight) return inflight;
    const p = this.doLoad(name).finally(() => this.pending.delete(name));
    this.pending.set(name, p);
    return p;
  }

  private async doLoad(name: string): Promise<LoadedModel> {
    const started = performance.now();
    let session: ort.InferenceSession | undefined;
    let bigSession: ort.InferenceSession | undefined;
    try {
      if (!MODEL_NAME_RE.test(name)) throw new Error("invalid model name");
      const manifestPath = join(this.dir, `${name}.json`);
      let raw: string;
      try {
        raw = await readFile(manifestPath, "utf8");
      } catch {
        throw new Error(`manifest ${name}.json not found`);
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (e) {
        throw new Error(`manifest ${name}.json is not valid JSON (${(e as Error).message})`);
      }
      const parsed = ManifestSchema.safeParse(json);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new Error(`manifest ${name}.json is invalid: ${i ? `${i.path.join(".") || "(root)"}: ${i.message}` : "unknown"}`);
      }
      const manifest = parsed.data;
      if (manifest.name !== name) throw new Error(`manifest ${name}.json names model '${manifest.name}'`);
      checkFeatures(manifest);
      const expectedSha = sha256Of(manifest);
      if (!expectedSha) throw new Error(`manifest ${name}.json has no sha256 of the .onnx file`);
      const file = onnxFileOf(manifest, `${name}.onnx`);
      const onnxPath = resolve(this.dir, basename(file));
      let bytes: Buffer;
      try {
        bytes = await readFile(onnxPath);
      } catch {
        throw new Error(`${basename(onnxPath)} not found`);
      }
      const actualSha = createHash("sha256").update(bytes).digest("hex");
      if (actualSha !== expectedSha) {
        throw new Error(`sha256 mismatch for ${basename(onnxPath)}: manifest says ${expectedSha}, file is ${actualSha}`);
      }
      try {
        session = await ort.InferenceSession.create(bytes, {
          intraOpNumThreads: this.intraOpThreads,
          interOpNumThreads: 1,
          executionMode: "sequential",
          graphOptimizationLevel: "all",
        });
      } catch (e) {
        throw new Error(`onnxruntime could not load ${basename(onnxPath)}: ${(e as Error).message.split("\n")[0]}`);
      }
      for (const input of REQUIRED_INPUTS) {
        if (!session.inputNames.includes(input)) throw new Error(`graph lacks input '${input}' (has ${session.inputNames.join(", ")})`);
      }
      for (const input of session.inputNames) {
        if (!(CONTRACT_INPUTS as readonly string[]).includes(input)) {
          throw new Error(`graph input '${input}' is not in the contract (${CONTRACT_INPUTS.join(", ")})`);
        }
      }
      for (const output of REQUIRED_OUTPUTS) {
        if (!session.outputNames.includes(output)) throw new Error(`graph lacks output '${output}' (has ${session.outputNames.join(", ")})`);
      }
      const hasValue = session.outputNames.includes("value");
      if (this.batchThreads > this.intraOpThreads) {
        // Threads sleep between runs (no spinning) so they do not steal CPU from request handling.
        bigSession = await ort.InferenceSession.create(bytes, {
          intraOpNumThreads: this.batchThreads,
          interOpNumThreads: 1,
          executionMode: "sequential",
          graphOptimizationLevel: "all",
          extra: { session: { intra_op: { allow_spinning: "0" } } },
        });
      }
      const model = new LoadedModel(name, manifest.version, manifest, onnxPath, actualSha, session, hasValue, new Date(), bigSession);
      await smokeTest(model);

      const old = this.models.get(name);
      this.models.set(name, model);
      this.errors.delete(name);
      if (!this.known.includes(name)) this.known = [...this.known, name].sort();
      if (old) {
        old.retired = true;
        if (old.inflight === 0) void old.release();
      }
      this.log.info(
        { model: name, version: model.version, sha256: actualSha, ms: Math.round(performance.now() - started) },
        old ? "model reloaded" : "model loaded",
      );
      return model;
    } catch (e) {
      if (session && !this.isServing(session)) await session.release().catch(() => undefined);
      if (bigSession) await bigSession.release().catch(() => undefined);
      const reason = (e as Error).message;
      this.errors.set(name, reason);
      this.log.warn({ model: name, reason, serving: this.models.get(name)?.version ?? null }, "model load failed");
      throw new ModelLoadError(name, reason);
    }
  }

  private isServing(session: ort.InferenceSession): boolean {
    for (const m of this.models.values()) if (m.session === session) return true;
    return false;
  }

  async close(): Promise<void> {
    const all = [...this.models.values()];
    this.models.clear();
    await Promise.all(all.map((m) => m.release()));
  }
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

/** A fresh session must score a small generated network sensibly before it serves. */
async function smokeTest(model: LoadedModel): Promise<void> {
  const net = generateNetwork(12, 1);
  const prepared = prepareNetwork(net);
  const packed = packGroup([prepared], prepared.n);
  let out: RunOutput;
  try {
    out = await model.run(packed);
  } catch (e) {
    throw new Error(`smoke test run failed: ${(e as Error).message.split("\n")[0]}`);
  }
  let sum = 0;
  for (let i = 0; i < prepared.n; i++) {
    const p = out.probs[i]!;
    if (!Number.isFinite(p)) throw new Error("smoke test: probs contain NaN/Infinity");
    sum += p;
  }
  if (Math.abs(sum - 1) > 1e-3) throw new Error(`smoke test: probs sum to ${sum}, not 1`);
}
