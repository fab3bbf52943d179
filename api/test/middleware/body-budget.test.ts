import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/lib/errors.js";
import { BodyBudget } from "../../src/middleware/body-budget.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, expectErrorShape, makeApp } from "../helpers/app.js";

function refused(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("BodyBudget", () => {
  it("admits bodies while bytes and count fit, then 503 with Retry-After", () => {
    const b = new BodyBudget({ maxBytes: 100, maxBodies: 3, retryAfter: 2 });
    const r1 = b.reserve(60);
    const r2 = b.reserve(40);
    const e = refused(() => b.reserve(1));
    expect(e.status).toBe(503);
    expect(e.code).toBe("overloaded");
    expect(e.headers).toEqual({ "retry-after": "2" });
    r1.release();
    r1.release(); // twice is harmless
    expect(b.bytes).toBe(40);
    const r3 = b.reserve(50);
    const r4 = b.reserve(0);
    expect(refused(() => b.reserve(0)).status).toBe(503); // 3 bodies
    for (const r of [r2, r3, r4]) r.release();
    expect([b.bytes, b.bodies]).toEqual([0, 0]);
  });

  it("always admits one body, whatever its size", () => {
    const b = new BodyBudget({ maxBytes: 10, maxBodies: 5 });
    const r = b.reserve(1000);
    expect(refused(() => b.reserve(1)).status).toBe(503);
    r.release();
  });

  it("grows a chunked body's share once read, refusing what does not fit", () => {
    const b = new BodyBudget({ maxBytes: 100, maxBodies: 5 });
    const a = b.reserve(0);
    a.grow(1000); // alone: admitted
    expect(refused(() => b.reserve(0)).status).toBe(503);
    a.release();
    const d = b.reserve(0);
    d.grow(60);
    const c = b.reserve(0);
    expect(refused(() => c.grow(41)).status).toBe(503);
    c.grow(40);
    d.release();
    a.release();
    c.release();
    expect([b.bytes, b.bodies]).toEqual([0, 0]);
  });
});

describe("body budget in the app", () => {
  it("answers 503 + Retry-After past BODY_CONCURRENCY, and frees the budget afterwards", async () => {
    const { app, deps } = await makeApp({ BODY_CONCURRENCY: "2" }, { load: false });
    const body = { num_nodes: 30, seed: 1 };
    const replies = await Promise.all(Array.from({ length: 6 }, () => call(app, "POST", "/networks/generate", body)));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const busy = replies.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expectErrorShape(r);
      expect(r.json.error).toBe("overloaded");
      expect(r.headers.get("retry-after")).toBe("1");
    }
    expect((await call(app, "POST", "/networks/generate", body)).status).toBe(200);
    void deps;
  });

  it("counts declared bytes against BODY_BUDGET", async () => {
    const { app } = await makeApp({ BODY_BUDGET: "64kb" }, { load: false });
    const text = JSON.stringify({ network_state: generateNetwork(200, 1) }); // ~38 KB
    const headers = { "content-type": "application/json", "content-length": String(text.length) };
    const replies = await Promise.all([1, 2, 3].map(() => call(app, "POST", "/compare", text, headers)));
    expect(replies.map((r) => r.status)).toContain(503);
    expect(replies.map((r) => r.status)).toContain(200);
  });
});
