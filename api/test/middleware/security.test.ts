import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { hostName } from "../../src/middleware/security.js";
import { call, expectErrorShape, makeApp } from "../helpers/app.js";

describe("Host check", () => {
  it("defaults to the loopback names on a loopback bind, any name otherwise", () => {
    expect(loadConfig({}).ALLOWED_HOSTS).toEqual(["127.0.0.1", "localhost", "[::1]"]);
    expect(loadConfig({ HOST: "0.0.0.0" }).ALLOWED_HOSTS).toEqual(["*"]);
    expect(loadConfig({ ALLOWED_HOSTS: "api.example, localhost" }).ALLOWED_HOSTS).toEqual(["api.example", "localhost"]);
  });
  it("reads the name of a Host header", () => {
    expect(hostName("LocalHost:8000")).toBe("localhost");
    expect(hostName("[::1]:8000")).toBe("[::1]");
    expect(hostName("127.0.0.1")).toBe("127.0.0.1");
  });
  it("refuses a rebound name with 400, answers the configured ones", async () => {
    const { app } = await makeApp({}, { load: false });
    const evil = await call(app, "GET", "/health", undefined, { host: "attacker.example:8000" });
    expect(evil.status).toBe(400);
    expectErrorShape(evil);
    expect(evil.json.error).toBe("host_not_allowed");
    for (const host of ["127.0.0.1:8000", "localhost:8000", "[::1]:8000"]) {
      expect((await call(app, "GET", "/health", undefined, { host })).status, host).toBe(200);
    }
    const { app: open } = await makeApp({ HOST: "0.0.0.0" }, { load: false });
    expect((await call(open, "GET", "/health", undefined, { host: "api.internal:8000" })).status).toBe(200);
  });
});

describe("security headers", () => {
  it("on API answers: nosniff, no framing, no scripts, no caching", async () => {
    const { app } = await makeApp({}, { load: false });
    for (const path of ["/", "/health", "/nope"]) {
      const r = await app.request(path);
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(r.headers.get("x-frame-options"), path).toBe("DENY");
      expect(r.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(r.headers.get("cache-control"), path).toBe("no-store");
    }
  });
  it("on /docs: a CSP that lets Swagger UI run from this origin only; its assets stay cacheable", async () => {
    const { app } = await makeApp({}, { load: false });
    const docs = await app.request("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-security-policy")).toContain("script-src 'self' 'unsafe-inline'");
    expect(docs.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await docs.text();
    const asset = /src="([^"]+\.js)"/.exec(html)?.[1];
    if (asset?.startsWith("/docs/")) {
      const r = await app.request(asset);
      expect(r.headers.get("cache-control")).toBe("public, max-age=86400");
    }
  });
});
