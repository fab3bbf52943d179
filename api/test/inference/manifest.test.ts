import { describe, expect, it } from "vitest";
import { checkFeatures, featureNames, ManifestSchema, onnxFileOf, sha256Of } from "../../src/inference/manifest.js";
import * as spec from "../../src/simulation/spec.js";

const sha = "a".repeat(64);
const base = {
  name: "hybrid",
  version: "2.0.0",
  contract: 2,
  features: spec.NODE_FEATURES.map((name) => ({ name, unit: "x" })),
  edge_features: spec.EDGE_FEATURES.map((name) => ({ name })),
  sha256: sha,
};

describe("manifest", () => {
  it("accepts contract v2 and keeps extra fields", () => {
    const m = ManifestSchema.parse({ ...base, training: { steps: 10 } });
    expect(m.training).toEqual({ steps: 10 });
    expect(featureNames(m)).toEqual([...spec.NODE_FEATURES]);
    expect(sha256Of(m)).toBe(sha);
    expect(onnxFileOf(m, "hybrid.onnx")).toBe("hybrid.onnx");
    expect(() => checkFeatures(m)).not.toThrow();
  });

  it("accepts numeric versions, string features and a nested onnx block", () => {
    const m = ManifestSchema.parse({
      name: "dqn",
      version: 3,
      features: [...spec.NODE_FEATURES],
      edge_features: [...spec.EDGE_FEATURES],
      onnx: { file: "dqn.onnx", sha256: sha.toUpperCase() },
    });
    expect(m.version).toBe("3");
    expect(sha256Of(m)).toBe(sha);
    expect(onnxFileOf(m, "x.onnx")).toBe("dqn.onnx");
    expect(() => checkFeatures(m)).not.toThrow();
  });

  it("rejects a node feature list the API cannot build", () => {
    const short = ManifestSchema.parse({ ...base, features: spec.NODE_FEATURES.slice(0, 16).map((name) => ({ name })) });
    expect(() => checkFeatures(short)).toThrow(/features .* differ/);
    const swapped = ManifestSchema.parse({ ...base, features: ["mem_util", "cpu_util", ...spec.NODE_FEATURES.slice(2)] });
    expect(() => checkFeatures(swapped)).toThrow(/differ/);
  });

  it("rejects a contract v1 manifest: its 15 features, no edge_features, or contract 1", () => {
    const v1 = [
      "cpu_util", "mem_util", "energy", "latency", "bandwidth", "queue_len", "node_type", "is_source",
      "tx_ms", "proc_ms", "wait_ms", "task_cpu_mcycles", "task_mem_mb", "task_data_kb", "task_deadline_ms",
    ];
    expect(() => checkFeatures(ManifestSchema.parse({ name: "m", version: "1", features: v1 }))).toThrow(/differ/);
    expect(() => checkFeatures(ManifestSchema.parse({ ...base, edge_features: undefined }))).toThrow(/no edge_features/);
    expect(() => checkFeatures(ManifestSchema.parse({ ...base, contract: 1 }))).toThrow(/contract v1/);
  });

  it("rejects edge features in another order", () => {
    const m = ManifestSchema.parse({ ...base, edge_features: [...spec.EDGE_FEATURES].reverse() });
    expect(() => checkFeatures(m)).toThrow(/edge_features .* differ/);
  });

  it("rejects a manifest without name or features", () => {
    expect(ManifestSchema.safeParse({ version: "1", features: [] }).success).toBe(false);
    expect(ManifestSchema.safeParse({ name: "x", version: "1", features: [] }).success).toBe(false);
  });
});
