import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/context.js";
import { ApiError } from "../../src/lib/errors.js";
import { bodyLimit } from "../../src/middleware/body-limit.js";

function app(max: number) {
  const a = new Hono<AppEnv>();
  a.use("*", bodyLimit(max, "test"));
  a.post("/", async (c) => c.text(String((await c.req.text()).length)));
  a.get("/", (c) => c.text("ok"));
  a.onError((e, c) => (e instanceof ApiError ? c.json(e.toBody(), e.status) : c.text("boom", 500)));
  return a;
}

describe("bodyLimit", () => {
  it("passes bodies within the limit, by header and by stream", async () => {
    const a = app(10);
    expect(await (await a.request("/", { method: "POST", body: "12345", headers: { "content-length": "5" } })).text()).toBe("5");
    expect(await (await a.request("/", { method: "POST", body: "1234567890" })).text()).toBe("10");
  });
  it("413 by Content-Length without reading the body", async () => {
    const r = await app(10).request("/", { method: "POST", body: "x".repeat(11), headers: { "content-length": "11" } });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toBe("payload_too_large");
  });
  it("413 for a body without Content-Length that grows past the limit", async () => {
    const r = await app(10).request("/", { method: "POST", body: "x".repeat(50) });
    expect(r.status).toBe(413);
  });
  it("400 for a malformed Content-Length", async () => {
    const r = await app(10).request("/", { method: "POST", body: "x", headers: { "content-length": "abc" } });
    expect(r.status).toBe(400);
  });
  it("ignores GET", async () => expect((await app(1).request("/")).status).toBe(200));
});
