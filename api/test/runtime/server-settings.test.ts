/** Node's server limits from the configuration, and client aborts, on the built server. */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, ConfigError } from "../../src/config/env.js";
import { spawnServer, type Spawned } from "./spawn.js";

/** Open a raw connection and resolve with everything the server sends until it closes. */
function raw(port: number, send: (s: Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    const s = connect(port, "127.0.0.1", () => send(s));
    s.setEncoding("utf8");
    s.on("data", (d: string) => (data += d));
    s.on("close", () => resolve(data));
    s.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" ? resolve(data) : reject(e)));
  });
}

describe("server settings", () => {
  it("are validated together: headers may not take longer than the whole request", () => {
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: "20000", REQUEST_TIMEOUT_MS: "10000" })).toThrow(ConfigError);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: "20000", REQUEST_TIMEOUT_MS: "10000" })).toThrow(/HEADERS_TIMEOUT_MS/);
    const c = loadConfig({ WORKERS: "3", MAX_QUEUE: "7", REQUEST_DEADLINE_MS: "250", SHUTDOWN_GRACE_MS: "0", MAX_CONNECTIONS: "9" });
    expect(c).toMatchObject({ WORKERS: 3, MAX_QUEUE: 7, REQUEST_DEADLINE_MS: 250, SHUTDOWN_GRACE_MS: 0, MAX_CONNECTIONS: 9 });
    expect(() => loadConfig({ WORKERS: "0" })).toThrow(/WORKERS/);
  });

  describe("on the built server", () => {
    let srv: Spawned;
    beforeAll(async () => {
      srv = await spawnServer({
        KEEP_ALIVE_TIMEOUT_MS: "3000",
        HEADERS_TIMEOUT_MS: "1000",
        REQUEST_TIMEOUT_MS: "1500",
        MAX_CONNECTIONS: "3",
        SHUTDOWN_GRACE_MS: "0",
      });
    });
    afterAll(async () => {
      await srv.stop();
    });

    it("advertises KEEP_ALIVE_TIMEOUT_MS", async () => {
      const text = await raw(srv.port, (s) => s.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
      expect(text).toMatch(/^HTTP\/1\.1 200/);
      const r = await fetch(`${srv.url}/health`);
      await r.arrayBuffer();
      expect(r.headers.get("keep-alive")).toBe("timeout=3");
    });

    it("answers 408 to a client that does not finish its headers within HEADERS_TIMEOUT_MS", async () => {
      const text = await raw(srv.port, (s) => s.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
      expect(text).toMatch(/^HTTP\/1\.1 408/);
    });

    it("drops connections beyond MAX_CONNECTIONS", async () => {
      const held: Socket[] = [];
      for (let i = 0; i < 3; i++) {
        held.push(await new Promise<Socket>((resolve) => { const s = connect(srv.port, "127.0.0.1", () => resolve(s)); }));
      }
      await new Promise((r) => setTimeout(r, 100)); // the server has accepted them
      const fourth = await raw(srv.port, (s) => s.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
      expect(fourth).toBe("");
      for (const s of held) s.destroy();
      await new Promise((r) => setTimeout(r, 100));
      const again = await raw(srv.port, (s) => s.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
      expect(again).toMatch(/^HTTP\/1\.1 200/);
    });

    it("logs a client that disconnects mid-body as a client abort, not a 500, and counts it as 499", async () => {
      for (const framing of ["Content-Length: 100000", "Transfer-Encoding: chunked"]) {
        const chunk = '{"network_state": {"nodes": [';
        const first = framing.startsWith("Transfer") ? `${chunk.length.toString(16)}\r\n${chunk}\r\n` : chunk;
        await raw(srv.port, (s) => {
          s.write(`POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${framing}\r\n\r\n${first}`);
          setTimeout(() => s.destroy(), 100);
        });
      }
      await srv.waitLog((l) => l.msg === "client aborted the request" && l.path === "/predict");
      const metrics = await (await fetch(`${srv.url}/metrics`)).text();
      expect(metrics).toMatch(/edge_placement_http_requests_total\{method="POST",route="\/predict",status="499"[^}]*\} 2/);
      expect(metrics).not.toMatch(/status="500"/);
      expect(srv.logs.filter((l) => l.msg === "client aborted the request")).toHaveLength(2);
      expect(srv.logs.some((l) => l.msg === "unhandled error" || (l.level as number) >= 50)).toBe(false);
    });
  });
});
