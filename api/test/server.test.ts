/** One real server on a free port: HTTP end to end, bad config, graceful shutdown. */
import { spawnSync } from "node:child_process";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_MODELS } from "./helpers/fixtures.js";
import { startServer, waitReady, type RunningServer } from "./helpers/server.js";

function httpRequest(agent: Agent, port: number, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, agent, headers: body ? { "content-type": "application/json" } : {} }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (data += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("real server", () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({ WORKERS: "1", SHUTDOWN_GRACE_MS: "200" });
  });
  afterAll(async () => {
    if (srv.child.exitCode === null) await srv.stop();
  });

  it("serves over HTTP with JSON logs carrying a request id", async () => {
    const r = await fetch(`${srv.url}/health`, { headers: { "x-request-id": "test-req-1" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-request-id")).toBe("test-req-1");
    expect(((await r.json()) as { status: string }).status).toMatch(/healthy|degraded/);
    expect(await waitReady(srv.url)).toBe(HAS_MODELS);
    await new Promise((res) => setTimeout(res, 300)); // async log flush
  });

  it("rejects a body over the limit and malformed JSON over the wire", async () => {
    const bad = await fetch(`${srv.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(bad.status).toBe(400);
    await bad.text();
    const gen = await fetch(`${srv.url}/networks/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ num_nodes: 20, seed: 1 }),
    });
    expect(gen.status).toBe(200);
    await gen.text();
  });

  it("finishes in-flight requests on SIGTERM and exits 0", async () => {
    // 8 keep-alive connections, accepted by the server before the signal; then 8 slow requests on them.
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    await Promise.all(Array.from({ length: 8 }, () => httpRequest(agent, srv.port, "GET", "/health")));
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(8);
    const inflight = Array.from({ length: 8 }, () =>
      httpRequest(agent, srv.port, "POST", "/networks/generate", JSON.stringify({ num_nodes: 1000, seed: 3 })),
    );
    await new Promise((r) => setTimeout(r, 20)); // requests written to the sockets
    const code = await srv.stop("SIGTERM");
    // Every request sent before the signal completes.
    expect((await Promise.all(inflight)).map((r) => r.status)).toEqual(new Array(8).fill(200));
    expect(code).toBe(0);
    agent.destroy();
    const lines = srv.logs.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.reqId === "test-req-1" && l.route === "/health" && l.status === 200)).toBe(true);
    expect(lines.some((l) => l.msg === "bye")).toBe(true);
  });
});

describe("start-up configuration", () => {
  it("a bad value stops start-up with a message naming it", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ...process.env, PORT: "not-a-port", MAX_BATCH: "0" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("PORT");
    expect(r.stderr).toContain("MAX_BATCH");
  });
});
