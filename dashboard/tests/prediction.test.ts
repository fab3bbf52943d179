import { describe, expect, it } from "vitest";
import { formatProbability, probabilities, ranking, rawScores } from "../lib/prediction";
import type { PredictResponse } from "../lib/types";

// The shape api/src/schemas/predict.ts (PredictionSchema) defines.
const pred: PredictResponse = {
  selected_node: 2,
  confidence: 0.6,
  q_values: [1.5, null, 3.25, -1e9],
  node_scores: { "0": 0.4, "1": 0, "2": 0.6, "3": 0 },
  valid_nodes: [0, 2],
  task: { source: 0, cpu_mcycles: 1050, mem_mb: 264, data_kb: 505, deadline_ms: 550 },
  load: 0.6,
  processing_time_ms: 0.3,
  model: { name: "hybrid", version: "1" },
  model_version: "1",
};

describe("prediction", () => {
  it("turns keyed node_scores into an array, masking invalid nodes", () => {
    expect(probabilities(pred, 4)).toEqual([0.4, null, 0.6, null]);
  });

  it("ignores out-of-range and non-index keys", () => {
    expect(probabilities({ node_scores: { "0": 1, "7": 0.2, x: 3 }, valid_nodes: [0, 1] }, 2)).toEqual([1, null]);
  });

  it("keeps raw scores only for valid, finite nodes", () => {
    expect(rawScores(pred, 4)).toEqual([1.5, null, 3.25, null]);
    expect(rawScores({ q_values: [1, -1e30], valid_nodes: [0, 1, 2] }, 3)).toEqual([1, null, null]);
  });

  it("formats probabilities for labels", () => {
    expect(formatProbability(0.4231)).toBe("42%");
    expect(formatProbability(0.031)).toBe("3.1%");
    expect(formatProbability(0.0001)).toBe("<0.1%");
    expect(formatProbability(0)).toBe("0%");
    expect(formatProbability(null)).toBe("masked");
  });

  it("ranks nodes by probability", () => {
    expect(ranking([0.2, null, 0.5, 0.2])).toEqual([
      { node: 2, p: 0.5 },
      { node: 0, p: 0.2 },
      { node: 3, p: 0.2 },
    ]);
  });
});
