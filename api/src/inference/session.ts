/**
 * Turns one version's verified files into a LoadedModel: onnxruntime sessions, the graph's inputs and
 * outputs checked against contract v2, and a smoke-test run that must give a probability distribution.
 */
import * as ort from "onnxruntime-node";
import { generateNetwork } from "../simulation/generator.js";
import { CONTRACT_INPUTS, LoadedModel, type RunOutput } from "./loaded-model.js";
import type { VersionFiles } from "./repository.js";
import { packGroup, prepareNetwork } from "./tensors.js";

const REQUIRED_INPUTS = ["x", "mask"] as const;
const REQUIRED_OUTPUTS = ["scores", "probs"] as const;

export interface SessionOptions {
  intraOpThreads: number;
  /** intra-op threads for large runs (batches); <= intraOpThreads disables the second session */
  batchThreads: number;
}

function checkGraph(session: ort.InferenceSession): void {
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
}

/** A fresh session must score a small generated network sensibly before it serves. */
async function smokeTest(model: LoadedModel): Promise<void> {
  const prepared = prepareNetwork(generateNetwork(12, 1));
  let out: RunOutput;
  try {
    out = await model.run(packGroup([prepared], prepared.n));
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

/** Sessions for one version; throws Error(reason) and releases what it created on any failure. */
export async function openModel(name: string, version: number, files: VersionFiles, opts: SessionOptions): Promise<LoadedModel> {
  let session: ort.InferenceSession | undefined;
  let bigSession: ort.InferenceSession | undefined;
  try {
    try {
      session = await ort.InferenceSession.create(files.bytes, {
        intraOpNumThreads: opts.intraOpThreads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
      });
    } catch (e) {
      throw new Error(`onnxruntime could not load ${name}/${version}/model.onnx: ${(e as Error).message.split("\n")[0]}`);
    }
    checkGraph(session);
    if (opts.batchThreads > opts.intraOpThreads) {
      // Threads sleep between runs (no spinning) so they do not steal CPU from request handling.
      bigSession = await ort.InferenceSession.create(files.bytes, {
        intraOpNumThreads: opts.batchThreads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
        extra: { session: { intra_op: { allow_spinning: "0" } } },
      });
    }
    const hasValue = session.outputNames.includes("value");
    const model = new LoadedModel(name, version, files.manifest, files.sha256, session, hasValue, new Date(), bigSession);
    await smokeTest(model);
    return model;
  } catch (e) {
    await session?.release().catch(() => undefined);
    await bigSession?.release().catch(() => undefined);
    throw e;
  }
}
