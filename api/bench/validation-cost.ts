/**
 * Per-request validation cost of the /predict body schema: zod's runtime parser against the compiled
 * parser (lib/validation.ts), called as the server calls it (@hono/zod-validator: safeParseAsync).
 * Distinct bodies per iteration, like real traffic.
 * Run: cd api && npx tsx bench/validation-cost.ts
 */
import { predictRequestSchema } from "../src/schemas/predict.js";
import { generateNetwork } from "../src/simulation/generator.js";

const schema = predictRequestSchema({ maxNodes: 10000, maxBatch: 1024, maxBatchNodes: 10000 }) as unknown as {
  safeParseAsync(v: unknown): Promise<{ success: boolean; data?: unknown }>;
  _zod: { bag: { fallbackRun: (p: { value: unknown; issues: unknown[] }, ctx: object) => { issues: unknown[]; value: unknown } } };
};
const runtime = (b: unknown) => {
  const r = schema._zod.bag.fallbackRun({ value: b, issues: [] }, {});
  if (r.issues.length) throw new Error("invalid");
};
const compiled = async (b: unknown) => {
  if (!(await schema.safeParseAsync(b)).success) throw new Error("invalid");
};
for (const n of [20, 1000]) {
  const bodies = Array.from({ length: 50 }, (_, i) => JSON.parse(JSON.stringify({ network_state: generateNetwork(n, i), load: 0.5, model_type: "hybrid" })) as unknown);
  const reps = n === 20 ? 20_000 : 300;
  for (const [name, fn] of [["runtime", runtime], ["compiled", compiled]] as const) {
    for (let i = 0; i < 200; i++) await fn(bodies[i % 50]);
    const t = performance.now();
    for (let i = 0; i < reps; i++) await fn(bodies[i % 50]);
    console.log(`${n} nodes (${JSON.stringify(bodies[0]).length} B), ${name}: ${(((performance.now() - t) / reps) * 1000).toFixed(1)} us per request`);
  }
}
