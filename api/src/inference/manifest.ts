/**
 * `<name>/<version>/manifest.json` of the model repository: the one shape models/pipeline/manifest.py writes
 * (docs/model-contract.md), validated with zod. An unknown or missing field is an error, not a guess.
 */
import { z } from "zod";
import * as spec from "../simulation/spec.js";

export const GRAPH_FILE = "model.onnx";
export const CONTRACT_VERSION = 2;

const FeatureSchema = z.strictObject({ index: z.number().int().min(0), name: z.string(), unit: z.string(), derivation: z.string() });

const TensorSpecSchema = z.strictObject({
  name: z.string(),
  shape: z.array(z.union([z.string(), z.number().int()])),
  dtype: z.enum(["float32", "int64"]),
  description: z.string().optional(),
});

/** Documentation blocks: served as written, never read by the API. */
const Block = z.record(z.string(), z.unknown());

export const ManifestSchema = z.strictObject({
  name: z.string().min(1),
  /** the repository version: the name of the directory the manifest sits in */
  version: z.number().int().positive(),
  contract: z.literal(CONTRACT_VERSION, { error: `this API speaks contract v${CONTRACT_VERSION}` }),
  algorithm: z.string(),
  architecture: Block,
  onnx: z.strictObject({
    file: z.literal(GRAPH_FILE),
    opset: z.number().int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex sha256"),
  }),
  checkpoint: z.string(),
  features: z.array(FeatureSchema).min(1),
  edge_features: z.array(FeatureSchema).min(1),
  inputs: z.array(TensorSpecSchema).min(1),
  outputs: z.array(TensorSpecSchema).min(1),
  selection: z.string(),
  training: Block,
  evaluation: Block,
  regenerate: z.string(),
});

export type Manifest = z.output<typeof ManifestSchema>;

function sameList(names: readonly string[], expected: readonly string[]): boolean {
  return names.length === expected.length && names.every((n, i) => n === expected[i]);
}

/**
 * Throws unless the node features (x) and route-link features (edge_attr) are exactly the ones the
 * TypeScript feature builder writes, in the same order.
 */
export function checkFeatures(m: Manifest): void {
  for (const [key, expected] of [
    ["features", spec.NODE_FEATURES],
    ["edge_features", spec.EDGE_FEATURES],
  ] as const) {
    const names = m[key].map((f) => f.name);
    if (!sameList(names, expected)) {
      throw new Error(`manifest ${key} [${names.join(", ")}] differ from the API's feature builder [${expected.join(", ")}]`);
    }
  }
}
