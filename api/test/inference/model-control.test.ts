/**
 * converge(): a registry reaches the served state another one is in, from any state, with the registry's own
 * loads and rollbacks; and refuses files that are not the ones the state names.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { ModelLoadFailedError } from "../../src/inference/errors.js";
import { converge, servedState } from "../../src/inference/model-control.js";
import { ModelRegistry } from "../../src/inference/registry.js";
import { silentLogger } from "../../src/observability/logger.js";
import { HAS_MODELS } from "../helpers/fixtures.js";

const MODEL = "dqn";
const registry = () => new ModelRegistry({ dir: DEFAULT_MODELS_DIR, intraOpThreads: 1, logger: silentLogger() });

/** A registry that went through these loads (a number) and rollbacks ("rollback") of MODEL. */
async function after(steps: (number | "rollback")[]): Promise<ModelRegistry> {
  const r = registry();
  for (const s of steps) await (s === "rollback" ? r.rollback(MODEL) : r.load(MODEL, s));
  return r;
}

const versions = (r: ModelRegistry) => [r.get(MODEL)?.version ?? null, r.previous(MODEL)?.version ?? null];

describe.skipIf(!HAS_MODELS)("converge", () => {
  const cases: [string, (number | "rollback")[], (number | "rollback")[]][] = [
    ["nothing loaded -> active 9, previous 10", [], [10, 9]],
    ["default only -> active 9, previous 10", [10], [10, 9]],
    ["swapped -> the other order", [10, 9], [10, 9, "rollback"]],
    ["active right, previous wrong", [8, 9], [10, 9]],
    ["previous active, active elsewhere", [9, 7], [8, 9]],
    ["unrelated versions", [3, 4], [10, 9]],
    ["already there", [10, 9], [10, 9]],
  ];
  it.each(cases)("%s", async (_, from, to) => {
    const target = servedState(await after(to), MODEL)!;
    const r = await after(from);
    await converge(r, target);
    expect(servedState(r, MODEL)).toEqual(target);
  });

  it("does not touch a registry that is already there (no re-read: the same LoadedModel objects)", async () => {
    const r = await after([10, 9]);
    const [active, previous] = [r.get(MODEL), r.previous(MODEL)];
    await converge(r, servedState(r, MODEL)!);
    expect(r.get(MODEL)).toBe(active);
    expect(r.previous(MODEL)).toBe(previous);
  });

  it("a target without a previous version only sets the active one", async () => {
    const r = await after([8, 7]);
    await converge(r, { name: MODEL, active: servedState(await after([9]), MODEL)!.active, previous: null });
    expect(versions(r)).toEqual([9, 7]);
  });

  it("refuses a version whose files are not the ones the target names, and says which version serves", async () => {
    const r = await after([10]);
    const target = servedState(await after([9]), MODEL)!;
    const err = await converge(r, { ...target, active: { version: 9, sha256: "0".repeat(64) } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadFailedError);
    expect((err as ModelLoadFailedError).message).toMatch(/not the ones the other workers loaded.*Version 9 keeps serving/);
  });
});
