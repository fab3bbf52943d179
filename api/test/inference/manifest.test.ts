import { describe, expect, it } from "vitest";
import { checkFeatures, featureNames, ManifestSchema, onnxFileOf, sha256Of } from "../../src/inference/manifest.js";
import * as spec from "../../src/simulation/spec.js";

const sha = "a".repeat(64);
const base = { name: "hybrid", version: "1.0.0", features: spec.FEATURES.map((name) => ({ name, unit: "x" })), sha256: sha };

describe("manifest", () => {
  it("accepts the contract and keeps extra fields", () => {
    const m = ManifestSchema.parse({ ...base, training: { steps: 10 } });
    expect(m.training).toEqual({ steps: 10 });
    expect(featureNames(m)).toEqual([...spec.FEATURES]);
    expect(sha256Of(m)).toBe(sha);
    expect(onnxFileOf(m, "hybrid.onnx")).toBe("hybrid.onnx");
    expect(() => checkFeatures(m)).not.toThrow();
  });
  it("accepts numeric versions, string features and a nested onnx block", () => {
    const m = ManifestSchema.parse({ name: "dqn", version: 3, features: [...spec.FEATURES], onnx: { file: "dqn.onnx", sha256: sha.toUpperCase() } });
    expect(m.version).toBe("3");
    expect(sha256Of(m)).toBe(sha);
    expect(onnxFileOf(m, "x.onnx")).toBe("dqn.onnx");
  });
  it("rejects a feature list the API cannot build", () => {
    const m = ManifestSchema.parse({ ...base, features: spec.FEATURES.slice(0, 14).map((name) => ({ name })) });
    expect(() => checkFeatures(m)).toThrow(/differ/);
    const swapped = ManifestSchema.parse({ ...base, features: ["mem_util", "cpu_util", ...spec.FEATURES.slice(2)] });
    expect(() => checkFeatures(swapped)).toThrow(/differ/);
  });
  it("rejects a manifest without name or features", () => {
    expect(ManifestSchema.safeParse({ version: "1", features: [] }).success).toBe(false);
    expect(ManifestSchema.safeParse({ name: "x", version: "1", features: [] }).success).toBe(false);
  });
});
