/**
 * The fast path may only accept what zod accepts: fuzz mutated bodies and check
 * fast(body) => zod(body).success, and that valid generated bodies take the fast path.
 */
import { describe, expect, it } from "vitest";
import { batchBodyOk, networkOk, predictBodyOk, withFastPath } from "../../src/schemas/fast.js";
import { batchPredictRequestSchema, predictRequestSchema } from "../../src/schemas/predict.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { Mulberry32 } from "../../src/simulation/prng.js";

const limits = { maxNodes: 50, maxBatch: 8 };
const zPredict = predictRequestSchema(limits);
const zBatch = batchPredictRequestSchema(limits);
const fPredict = predictBodyOk(limits);
const fBatch = batchBodyOk(limits);

const WEIRD: unknown[] = [-1, -0, 0, 0.5, 1, 1.5, 2, 3, 1e7, 1e9 + 1, Infinity, NaN, "1", null, true, [], {}, undefined, 2 ** 53];

function mutate(value: unknown, rng: Mulberry32): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  // Walk to a random leaf or container and replace it.
  let parent: Record<string, unknown> | unknown[] = copy;
  let key: string | number = "network_state";
  for (let depth = 0; depth < 6; depth++) {
    const next: unknown = (parent as Record<string, unknown>)[key as string];
    if (typeof next !== "object" || next === null || rng.next() < 0.2) break;
    const keys: (string | number)[] = Array.isArray(next) ? next.map((_, i) => i) : Object.keys(next);
    if (keys.length === 0) break;
    parent = next as Record<string, unknown>;
    key = keys[Math.floor(rng.next() * keys.length)]!;
  }
  const r = rng.next();
  if (r < 0.1 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else (parent as Record<string | number, unknown>)[key] = WEIRD[Math.floor(rng.next() * WEIRD.length)];
  return copy;
}

describe("fast validation", () => {
  it("accepts valid generated bodies", () => {
    for (let seed = 0; seed < 30; seed++) {
      const body = { network_state: generateNetwork(2 + (seed % 40), seed), model_type: "hybrid", task: { source: 1, deadline_ms: 200 } };
      expect(fPredict(body)).toBe(true);
      expect(zPredict.safeParse(body).success).toBe(true);
    }
    const batch = { network_states: [generateNetwork(5, 1), generateNetwork(9, 2)], tasks: [{}, { source: 8 }] };
    expect(fBatch(batch)).toBe(true);
    expect(zBatch.safeParse(batch).success).toBe(true);
  });

  it("never accepts a body zod rejects (5,000 mutations)", () => {
    const rng = new Mulberry32(1234);
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      const base = { network_state: generateNetwork(2 + (i % 12), i), task: { source: 0, cpu_mcycles: 100 }, model_type: "dqn" };
      const body = mutate(base, rng);
      const zodOk = zPredict.safeParse(body).success;
      if (fPredict(body)) expect(zodOk, JSON.stringify(body).slice(0, 400)).toBe(true);
      if (!zodOk) rejected++;
    }
    expect(rejected).toBeGreaterThan(1000);
  });

  it("never accepts a batch zod rejects (2,000 mutations)", () => {
    const rng = new Mulberry32(99);
    for (let i = 0; i < 2000; i++) {
      const base = { network_states: [generateNetwork(4, i), generateNetwork(6, i)], tasks: [{ source: 3 }, {}], task: { deadline_ms: 5 } };
      const body = mutate({ network_state: base }, rng) as { network_state: unknown };
      const inner = body.network_state;
      if (fBatch(inner)) {
        const z = zBatch.safeParse(inner);
        expect(z.success, JSON.stringify(z.error?.issues)).toBe(true);
      }
    }
  });

  it("rejects edges and limits like the zod schema", () => {
    const net = generateNetwork(5, 1);
    expect(networkOk({ ...net, edges: [[0, 5]] }, limits)).toBe(-1);
    expect(networkOk({ ...net, edges: [[2, 2]] }, limits)).toBe(-1);
    expect(networkOk(generateNetwork(51, 1), limits)).toBe(-1);
    expect(networkOk(net, limits)).toBe(5);
  });

  it("withFastPath skips zod for valid bodies and defers to zod otherwise", async () => {
    const schema = withFastPath(predictRequestSchema(limits), fPredict);
    const good = { network_state: generateNetwork(6, 1), extra: 1 };
    const r1 = await schema.safeParseAsync(good);
    expect(r1.success).toBe(true);
    expect(r1.data).toBe(good);
    const r2 = await schema.safeParseAsync({ network_state: { nodes: [], edges: [] } });
    expect(r2.success).toBe(false);
    expect(r2.error!.issues[0]!.path).toEqual(["network_state", "nodes"]);
  });
});
