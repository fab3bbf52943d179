import { describe, expect, it } from "vitest";
import { evaluationRows, exportedManifest, scalarRows, seedSelectionRow, trainingCurve } from "../lib/models";
import { evalRow } from "./fixtures";

describe("manifest", () => {
  // As models/pipeline/manifest.py writes it, inside a GET /models/{name} body.
  const manifest = {
    name: "hybrid",
    features: [{ index: 0, name: "cpu_util", unit: "fraction 0-1", derivation: "node.cpu_util" }],
    training: {
      seed: 3,
      steps: 12800,
      curve: [
        { step: 6400, episode_return: -92.9, planner_agreement: 0.43, samples: 6400 },
        { step: 12800, episode_return: -80.1, planner_agreement: 0.52, samples: 12800 },
      ],
    },
  };

  it("reads the training curve: steps against mean episode return", () => {
    const m = exportedManifest({ manifest });
    expect(trainingCurve("hybrid", m)).toEqual({
      model: "hybrid",
      xLabel: "step",
      yLabel: "episode_return",
      points: [
        { step: 6400, value: -92.9 },
        { step: 12800, value: -80.1 },
      ],
    });
  });

  it("has no curve when the manifest has none", () => {
    expect(trainingCurve("x", exportedManifest({ manifest: { name: "x" } }))).toBeNull();
    expect(trainingCurve("x", exportedManifest({ manifest: { training: { curve: [] } } }))).toBeNull();
  });

  it("shows scalar facts, leaving nested values out", () => {
    expect(scalarRows({ hidden: 64, lr: 0.000300000001, name: "gcn", gat: false, shape: [1, 2], curve: [], nested: { a: 1 } }, ["name"])).toEqual([
      ["hidden", "64"],
      ["lr", "0.0003"],
      ["gat", "no"],
      ["shape", "1 × 2"],
    ]);
    expect(scalarRows(undefined)).toEqual([]);
  });

  it("says which candidate seed validation published, and only when the manifest records a selection", () => {
    const training = { seed: 5, seed_selection: { seeds: [4, 5, 6], chosen: 5, file: "reports/selection.json" } };
    expect(seedSelectionRow(training)).toEqual(["seed selection", "seed 5 of 4, 5, 6, chosen on validation networks (models/reports/selection.json)"]);
    expect(seedSelectionRow({ seed: 1 })).toBeNull();
    expect(seedSelectionRow(undefined)).toBeNull();
  });
});

describe("evaluation rows", () => {
  it("reads a manifest's evaluation block, as a manifest section or as GET /models's open record", () => {
    const rows = [evalRow("hybrid", "learned", 20, 0.4, [5, 1, 9])];
    expect(evaluationRows({ file: "reports/eval.json", results: rows })).toEqual(rows);
    expect(evaluationRows({ file: "reports/eval.json" } as Record<string, unknown>)).toEqual([]);
    expect(evaluationRows(undefined)).toEqual([]);
  });
});
