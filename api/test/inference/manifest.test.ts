import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { checkFeatures, ManifestSchema } from "../../src/inference/manifest.js";
import { ModelConfigSchema } from "../../src/inference/repository.js";
import * as spec from "../../src/simulation/spec.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";

/** A manifest as the exporter writes it (models/pipeline/manifest.py), small blocks. */
const feature = (name: string, index: number) => ({ index, name, unit: "u", derivation: "d" });
const base = {
  name: "hybrid",
  version: 1,
  contract: 2,
  algorithm: "a",
  architecture: { hidden: 32 },
  onnx: { file: "model.onnx", opset: 17, sha256: "a".repeat(64) },
  checkpoint: "checkpoints/hybrid.pt",
  features: spec.NODE_FEATURES.map(feature),
  edge_features: spec.EDGE_FEATURES.map(feature),
  inputs: [{ name: "x", shape: ["batch", "nodes", 17], dtype: "float32" }],
  outputs: [{ name: "probs", shape: ["batch", "nodes"], dtype: "float32" }],
  selection: "argmax",
  training: { steps: 10 },
  evaluation: { results: [] },
  regenerate: "npm run train",
};

const issuePaths = (doc: unknown) => {
  const r = ManifestSchema.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("manifest: the one shape the exporter writes", () => {
  it.skipIf(!HAS_MODELS).each(exportedModels())("%s/1/manifest.json parses and lists the API's features", (name) => {
    const m = ManifestSchema.parse(JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, name, "1", "manifest.json"), "utf8")));
    expect(m).toMatchObject({ name, version: 1, contract: 2, onnx: { file: "model.onnx" } });
    expect(() => checkFeatures(m)).not.toThrow();
  });

  it("accepts the exporter's shape", () => {
    expect(issuePaths(base)).toEqual([]);
  });

  it.each([
    ["a string version", { ...base, version: "1.0.0" }, "version"],
    ["contract v1", { ...base, contract: 1 }, "contract"],
    ["a top-level sha256 instead of onnx.sha256", { ...base, sha256: "a".repeat(64), onnx: { file: "model.onnx", opset: 17 } }, "onnx.sha256"],
    ["an onnx block naming another file", { ...base, onnx: { ...base.onnx, file: "hybrid.onnx" } }, "onnx.file"],
    ["string features", { ...base, features: [...spec.NODE_FEATURES] }, "features.0"],
    ["inputs as an object", { ...base, inputs: { x: {} } }, "inputs"],
    ["no edge_features (a contract v1 export)", { ...base, edge_features: undefined }, "edge_features"],
    ["an unknown field", { ...base, file: "hybrid.onnx" }, ""],
  ])("rejects %s", (_, doc, path) => {
    expect(issuePaths(doc)).toContain(path);
  });

  it("checkFeatures rejects node or edge features the API cannot build", () => {
    const swapped = ManifestSchema.parse({ ...base, features: ["mem_util", "cpu_util", ...spec.NODE_FEATURES.slice(2)].map(feature) });
    expect(() => checkFeatures(swapped)).toThrow(/features .* differ/);
    const short = ManifestSchema.parse({ ...base, features: spec.NODE_FEATURES.slice(0, 16).map(feature) });
    expect(() => checkFeatures(short)).toThrow(/features .* differ/);
    const edges = ManifestSchema.parse({ ...base, edge_features: [...spec.EDGE_FEATURES].reverse().map(feature) });
    expect(() => checkFeatures(edges)).toThrow(/edge_features .* differ/);
  });
});

describe("config.json", () => {
  it("serves versions with a default among them", () => {
    expect(ModelConfigSchema.parse({ name: "hybrid", versions: [1, 2], default_version: 2 })).toEqual({ name: "hybrid", versions: [1, 2], default_version: 2 });
    expect(ModelConfigSchema.safeParse({ name: "hybrid", versions: [1], default_version: 2 }).success).toBe(false);
    expect(ModelConfigSchema.safeParse({ name: "hybrid", versions: [], default_version: 1 }).success).toBe(false);
    expect(ModelConfigSchema.safeParse({ name: "hybrid", versions: ["1"], default_version: 1 }).success).toBe(false);
  });
});
