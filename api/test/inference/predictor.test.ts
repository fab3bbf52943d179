/** Micro-batching and batched runs give the same numbers as single runs (needs an exported model). */
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { Predictor } from "../../src/inference/predictor.js";
import { ModelRegistry } from "../../src/inference/registry.js";
import { prepareNetwork } from "../../src/inference/tensors.js";
import { ModelNotFoundError } from "../../src/inference/errors.js";
import { silentLogger } from "../../src/observability/logger.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";

async function setup(microbatch: boolean) {
  const registry = new ModelRegistry({ dir: DEFAULT_MODELS_DIR, intraOpThreads: 1, logger: silentLogger() });
  await registry.loadAll();
  const runs: number[] = [];
  const predictor = new Predictor({ registry, microbatch, maxRunBatch: 64, onRun: (_m, _ms, b) => runs.push(b) });
  return { registry, predictor, runs };
}

describe("Predictor errors", () => {
  it("ModelNotFoundError for unknown models, listing what exists", async () => {
    const registry = new ModelRegistry({ dir: "/nonexistent", intraOpThreads: 1, logger: silentLogger() });
    const p = new Predictor({ registry, microbatch: true, maxRunBatch: 8 });
    try {
      p.resolveModel("nope");
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(ModelNotFoundError);
      expect((e as ModelNotFoundError).available).toEqual([]);
    }
  });
});

describe.skipIf(!HAS_MODELS)("Predictor", () => {
  const model = exportedModels()[0]!;
  const preps = Array.from({ length: 10 }, (_, i) => prepareNetwork(generateNetwork(i % 2 ? 20 : 12, i)));

  it("concurrent single predictions share runs and equal unbatched results", async () => {
    const batched = await setup(true);
    const single = await setup(false);
    const a = await Promise.all(preps.map((p) => batched.predictor.predictOne(model, p)));
    expect(batched.runs).toEqual([5, 5]); // two sizes -> two runs
    const b: Awaited<ReturnType<typeof single.predictor.predictOne>>[] = [];
    for (const p of preps) b.push(await single.predictor.predictOne(model, p));
    expect(single.runs).toEqual(new Array(10).fill(1));
    for (let i = 0; i < preps.length; i++) {
      expect(a[i]!.selected_node).toBe(b[i]!.selected_node);
      for (let k = 0; k < preps[i]!.n; k++) expect(Math.abs(a[i]!.node_scores[k]! - b[i]!.node_scores[k]!)).toBeLessThan(1e-5);
    }
    await batched.registry.close();
    await single.registry.close();
  });

  it("predictMany splits runs by maxRunBatch and keeps request order", async () => {
    const { predictor, runs, registry } = await setup(true);
    const many = Array.from({ length: 130 }, (_, i) => prepareNetwork(generateNetwork(15, i)));
    const res = await predictor.predictMany(model, many, false);
    expect(res.runs).toBe(3);
    expect(runs).toEqual([64, 64, 2]);
    for (let i = 0; i < many.length; i++) expect(res.predictions[i]!.task).toBe(many[i]!.task);
    await registry.close();
  });
});
