import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { MAX_ISSUES } from "../../src/lib/errors.js";
import { capIssues, capped } from "../../src/lib/validation.js";

/** An array-of-points schema whose element parser counts the times zod's runtime parser runs it. */
function counted() {
  const calls = { runtime: 0 };
  const point = z.strictObject({ x: z.number().min(0), y: z.number().min(0) });
  const run = point._zod.run;
  point._zod.run = (payload, ctx) => {
    calls.runtime++;
    return run(payload, ctx);
  };
  return { calls, schema: capped(z.strictObject({ points: z.array(capIssues(point)) })) };
}

const points = (n: number, bad = 0) => ({ points: Array.from({ length: n }, (_, i) => ({ x: i < bad ? -1 : i, y: 1 })) });

describe("capped", () => {
  // @hono/zod-validator parses every request body with safeParseAsync.
  it("parses valid input with the compiled parser, safeParseAsync included: the runtime parser never runs", async () => {
    const { calls, schema } = counted();
    const sync = schema.safeParse(points(50));
    const async = await schema.safeParseAsync(points(50));
    expect(sync.success && async.success).toBe(true);
    expect(async.data).toEqual(points(50));
    expect(calls.runtime).toBe(0);
  });

  it("falls back to the runtime parser on invalid input, and stops after MAX_ISSUES problems", async () => {
    const { calls, schema } = counted();
    const result = await schema.safeParseAsync(points(500, 500));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(MAX_ISSUES);
    expect(result.error!.issues[0]).toMatchObject({ path: ["points", 0, "x"], code: "too_small" });
    // the elements after the budget was spent were skipped, not parsed
    expect(calls.runtime).toBeLessThan(500);
    expect(calls.runtime).toBeGreaterThanOrEqual(MAX_ISSUES);
  });
});
