import { describe, expect, it } from "vitest";
import {
  defaultModel,
  extractTrainingCurve,
  manifestContainers,
  field,
  healthLoadedModels,
  healthUptime,
  manifestFeatures,
  normalizeModels,
  scalarRows,
  section,
  trainingCurveFile,
} from "../lib/models";
import type { HealthResponse, ModelListResponse } from "../lib/types";

const health: HealthResponse = {
  status: "healthy",
  version: "2.0.0",
  uptime_seconds: 3,
  models_loaded: { dqn: true, ppo: false },
  loaded_models: ["dqn"],
};

const list: ModelListResponse = {
  models: [
    { name: "dqn", loaded: true, status: "loaded", version: "1", previous_version: null, versions: [{ version: "1", active: true, loaded: true, default: true }] },
    { name: "ppo", loaded: false, status: "failed", last_error: "bad sha", previous_version: null, versions: [{ version: "1", active: false, loaded: false, default: true }] },
  ],
  total: 2,
  loaded: { dqn: true, ppo: false },
  default_model: "hybrid",
};

describe("health", () => {
  it("reads uptime and the loaded models", () => {
    expect(healthUptime(health)).toBe(3);
    expect(healthUptime(null)).toBeNull();
    expect(healthLoadedModels(health)).toEqual(["dqn"]);
    expect(healthLoadedModels(undefined)).toEqual([]);
  });
});

describe("model list", () => {
  it("lists the models of a /models body and names the default", () => {
    expect(normalizeModels(list).map((m) => [m.name, m.loaded])).toEqual([
      ["dqn", true],
      ["ppo", false],
    ]);
    expect(normalizeModels(null)).toEqual([]);
    expect(defaultModel(list)).toBe("hybrid");
    expect(defaultModel(null)).toBeNull();
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
  });

  it("lists link features separately from node features", () => {
    const m = {
      features: [{ index: 0, name: "cpu_util", unit: "fraction 0-1", derivation: "node.cpu_util" }],
      edge_features: [{ index: 0, name: "capacity_mbps", unit: "Mbps", derivation: "link capacity" }, { index: 1, name: "backlog_ms", unit: "ms" }],
    };
    expect(manifestFeatures({ manifest: m }).map((f) => f.name)).toEqual(["cpu_util"]);
    expect(manifestFeatures({ manifest: m }, "edge_features")).toEqual([
      { index: 0, name: "capacity_mbps", unit: "Mbps", description: "link capacity" },
      { index: 1, name: "backlog_ms", unit: "ms", description: null },
    ]);
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

  it("shows scalar facts and picks fields", () => {
    expect(scalarRows({ hidden: 64, lr: 0.000300000001, name: "gcn", gat: false, shape: [1, 2], curve: [], nested: { a: 1 } }, ["name"])).toEqual([
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
