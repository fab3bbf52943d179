import { describe, expect, it } from "vitest";
import {
  defaultModel,
  extractTrainingCurve,
  manifestContainers,
  modelEvalRows,
  field,
  healthLoadedModels,
  healthUptime,
  manifestFeatures,
  normalizeModels,
  scalarRows,
  section,
  trainingCurveFile,
} from "../lib/models";

describe("health", () => {
  it("reads uptime under any of its names", () => {
    expect(healthUptime({ status: "ok", uptime_s: 3 })).toBe(3);
    expect(healthUptime({ status: "ok", uptime_seconds: 4 })).toBe(4);
    expect(healthUptime(null)).toBeNull();
  });
  it("lists loaded models from arrays or maps", () => {
    expect(healthLoadedModels({ status: "ok", models_loaded: ["dqn", "ppo"] })).toEqual(["dqn", "ppo"]);
    expect(healthLoadedModels({ status: "ok", models: [{ name: "a", loaded: true }, { name: "b", loaded: false }] })).toEqual(["a"]);
    expect(healthLoadedModels({ status: "ok", models: { a: true, b: false, c: { loaded: true } } })).toEqual(["a", "c"]);
  });
});

describe("model list", () => {
  it("accepts {models: [...]}, arrays and maps", () => {
    expect(normalizeModels({ models: [{ name: "dqn", version: "1.0.0", loaded: true }] })).toEqual([{ name: "dqn", version: "1.0.0", loaded: true }]);
    expect(normalizeModels(["a", "b"]).map((m) => m.name)).toEqual(["a", "b"]);
    expect(normalizeModels({ models: { ppo: { status: "loaded" } } })[0]).toMatchObject({ name: "ppo", loaded: true });
    expect(normalizeModels({ available: ["x", "y"], loaded: ["y"] }).map((m) => m.loaded)).toEqual([false, true]);
    expect(normalizeModels(42)).toEqual([]);
  });
});

describe("manifest", () => {
  // The shape of GET /models/{name} (api/src/schemas/models.ts ModelDetailSchema).
  const detail = {
    name: "ppo",
    version: "1.0.0",
    sha256: "ab".repeat(32),
    inputs: [{ name: "x" }],
    architecture: { encoder: "mlp", hidden: 64 },
    training_info: { seed: 1, steps: 1000, curve: [{ step: 10, episode_return: -0.5, num_nodes: 20 }] },
    manifest: { name: "ppo", features: [{ name: "cpu_util", unit: "fraction" }], training: { seed: 1 } },
  };

  it("reads features, curve and fields through the /models/{name} wrapper", () => {
    expect(manifestFeatures(detail).map((f) => f.name)).toEqual(["cpu_util"]);
    expect(extractTrainingCurve("ppo", detail)?.points).toEqual([{ step: 10, value: -0.5 }]);
    expect(field(detail, "sha256")).toBe("ab".repeat(32));
    expect(section(detail, "training", "training_info")).toEqual({ seed: 1, steps: 1000, curve: detail.training_info.curve });
    expect(manifestContainers(detail)).toHaveLength(4);
    expect(defaultModel({ models: [], default_model: "hybrid" })).toBe("hybrid");
    expect(defaultModel([])).toBeNull();
  });

  it("lists features from strings or objects", () => {
    expect(manifestFeatures({ features: ["cpu_util", { name: "tx_ms", unit: "ms", derivation: "path latency from source" }] })).toEqual([
      { index: 0, name: "cpu_util", unit: null, description: null },
      { index: 1, name: "tx_ms", unit: "ms", description: "path latency from source" },
    ]);
    expect(manifestFeatures({})).toEqual([]);
  });

  it("finds a training curve as an array of records", () => {
    const c = extractTrainingCurve("dqn", { training: { curve: [{ step: 0, episode_return: -1 }, { step: 100, episode_return: 0.5 }] } });
    expect(c).toEqual({ model: "dqn", xLabel: "step", yLabel: "episode_return", points: [{ step: 0, value: -1 }, { step: 100, value: 0.5 }] });
  });

  it("finds a training curve as parallel arrays or pairs", () => {
    expect(extractTrainingCurve("p", { training_curve: { steps: [1, 2], mean_return: [3, 4] } })?.points).toEqual([
      { step: 1, value: 3 },
      { step: 2, value: 4 },
    ]);
    expect(extractTrainingCurve("p", { training_curve: [[0, 1], [5, 2]] })?.points).toEqual([
      { step: 0, value: 1 },
      { step: 5, value: 2 },
    ]);
    expect(extractTrainingCurve("p", { training_curve: { points: [{ update: 1, loss: 0.3 }] } })).toMatchObject({ xLabel: "update", yLabel: "loss" });
  });

  it("reports a curve kept in a file instead", () => {
    expect(extractTrainingCurve("p", { training_curve: "reports/p_curve.json" })).toBeNull();
    expect(trainingCurveFile({ training_curve: "reports/p_curve.json" })).toBe("reports/p_curve.json");
    expect(trainingCurveFile({ training: { curve: { file: "c.csv" } } })).toBe("c.csv");
  });

  it("picks a model's own evaluation rows by size", () => {
    const ev = {
      results: [
        { policy: "hybrid", kind: "learned", num_nodes: 50, mean_reward: 1, std_reward: 0.1, deadline_met_rate: 0.5, mean_latency_ms: 10 },
        { policy: "ppo", kind: "learned", num_nodes: 20, mean_reward: 2, std_reward: 0.1, deadline_met_rate: 0.5, mean_latency_ms: 10 },
        { policy: "hybrid", kind: "learned", num_nodes: 20, mean_reward: 3, std_reward: 0.1, deadline_met_rate: 0.5, mean_latency_ms: 10 },
        "junk",
      ],
    };
    expect(modelEvalRows("hybrid", ev).map((r) => [r.num_nodes, r.mean_reward])).toEqual([
      [20, 3],
      [50, 1],
    ]);
    expect(modelEvalRows("hybrid", {})).toEqual([]);
  });

  it("shows scalar facts and picks fields", () => {
    expect(scalarRows({ hidden: 64, lr: 0.000300000001, name: "gcn", gat: false, shape: [1, 2], nested: { a: 1 } }, ["name"])).toEqual([
      ["hidden", "64"],
      ["lr", "0.0003"],
      ["gat", "no"],
      ["shape", "1 × 2"],
    ]);
    expect(field({ sha256: "abc" }, "hash", "sha256")).toBe("abc");
    expect(section({ training: { steps: 1 } }, "train", "training")).toEqual({ steps: 1 });
    expect(section(null, "x")).toBeNull();
  });
});
