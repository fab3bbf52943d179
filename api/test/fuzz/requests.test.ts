/**
 * Seeded fuzzing of every route the OpenAPI document lists (and every path parameter): thousands of
 * mutated requests (wrong types, out-of-range numbers, NaN and 1e999 literals, deep nesting, huge
 * arrays, duplicate and __proto__ keys, truncated and invalid-UTF-8 bodies, wrong content types and
 * methods). Every answer must be below 500, every error a JSON problem, and no answer may carry a
 * stack trace or a server path; /health must still answer afterwards. Oversized bodies and headers
 * go to a real server on 127.0.0.1. FUZZ_SEED and FUZZ_REQUESTS change the corpus.
 */
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/env.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { Mulberry32 } from "../../src/simulation/prng.js";
import { makeApp, type TestApp } from "../helpers/app.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2400);

const rng = new Mulberry32(SEED);
const rand = () => rng.next();
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
/** encodeURIComponent, with a lone surrogate sent as its (invalid) UTF-8 bytes. */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const net = (n: number, seed: number) => generateNetwork(n, seed) as unknown as Json;

/** A valid body per POST route; routes without one (new ones) start from {}. */
const BASES: Record<string, Json> = {
  "/predict": { network_state: net(8, 1), model_type: "hybrid", task: { source: 0, cpu_mcycles: 500, deadline_ms: 400 }, load: 0.7 },
  "/batch-predict": { network_states: [net(6, 2), net(9, 3)], tasks: [{ source: 0 }, { source: 1 }], loads: [0.5, 0.9] },
  "/compare": { network_state: net(7, 4), seed: 3, step: 1 },
  "/networks/generate": { num_nodes: 20, seed: 1, load: 0.7, warmup_tasks: 30 },
  "/generate-mock-network": { num_nodes: 10, num_edges: 15, seed: 2 },
};

const NAMES = ["hybrid", "dqn", "ppo", "nope", "a b", "..", "../../etc/passwd", "%2e%2e%2f", "%00", "x".repeat(300), "é", "🙂", "__proto__", "constructor", "1", "-", "hybrid.onnx", "%", "%zz"];

const ODD_VALUES: Json[] = [
  null, true, false, "", "x", "1", "NaN", [], {}, [[]], { a: 1 }, 0, -0, -1, 1, 0.5, 1.5, 2, 3, -1e-300, 1e-300,
  1e308, -1e308, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53), 1e9, 1e12, 255, 65536, "\u0000", "\ud800",
];
const ODD_LITERALS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "0x10", "01", "+1", ".5", "5.", "1e", "undefined", "null", "true"];
const KEYS = ["__proto__", "constructor", "prototype", "toString", "extra", "", "network_state", "nodes", "edges", "model_type", "num_nodes", "a".repeat(200)];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json-patch+json",
  "application/xml",
  "",
];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/** Paths of a JSON value's leaves and containers. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.slice(0, 12).forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === "object") for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

function getAt(root: Json, at: (string | number)[]): Json | undefined {
  let v: Json | undefined = root;
  for (const k of at) v = v === null || typeof v !== "object" ? undefined : (v as Record<string | number, Json>)[k];
  return v;
}

function setAt(root: Json, at: (string | number)[], value: Json | undefined): Json {
  if (at.length === 0) return value === undefined ? null : value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy as Record<string | number, Json>;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = at[at.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy as Json;
}

function deep(depth: number, open: "[" | "{"): string {
  return open === "[" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  what: string;
}

/** One mutated request for a route. */
function mutate(method: string, template: string): FuzzRequest {
  const path = template.replace(/\{[^}]+\}/g, () => (rand() < 0.5 ? pick(NAMES.slice(0, 4)) : encode(pick(NAMES)).replace(/%25/g, pick(["%", "%25"]))));
  const base = BASES[template] ?? {};
  const headers: Record<string, string> = { "content-type": "application/json" };
  let body: Json | undefined = method === "POST" ? base : undefined;
  let text: string | Uint8Array | undefined;
  let what = "valid";
  const kind = int(16);
  const targets = body !== undefined ? paths(body) : [[]];
  const at = pick(targets);
  switch (kind) {
    case 0:
    case 1:
    case 2:
      what = `odd value at ${at.join(".")}`;
      body = setAt(body ?? {}, at, pick(ODD_VALUES));
      break;
    case 3:
      what = `delete ${at.join(".")}`;
      body = setAt(body ?? {}, at, undefined);
      break;
    case 4: {
      const key = pick(KEYS);
      what = `extra key ${key.slice(0, 20)}`;
      const objects = targets.filter((p) => {
        const v = getAt(body ?? {}, p);
        return v !== null && typeof v === "object" && !Array.isArray(v);
      });
      const t = objects.length > 0 ? pick(objects) : [];
      const obj = (getAt(body ?? {}, t) ?? {}) as Record<string, Json>;
      const inner = JSON.stringify(obj).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(pick(ODD_VALUES))}${Object.keys(obj).length ? "," : ""}`);
      text = JSON.stringify(setAt(body ?? {}, t, "\u0002")).replace('"\\u0002"', inner);
      break;
    }
    case 5:
      what = "duplicate key";
      text = JSON.stringify(body ?? {}).replace(/^\{/, `{"${pick(Object.keys((body as object) ?? {}).concat(["load"]))}":${JSON.stringify(pick(ODD_VALUES))},`);
      break;
    case 6: {
      const depth = pick([20, 100, 1000, 20_000]);
      what = `nested ${depth}`;
      text = JSON.stringify(setAt(body ?? {}, at, "\u0002")).replace('"\\u0002"', deep(depth, pick(["[", "{"] as const)));
      break;
    }
    case 7: {
      const n = pick([1000, 10_000, 50_000]);
      what = `array of ${n}`;
      body = setAt(body ?? {}, at, Array(n).fill(pick([{}, [], 0, null, [0, 0], { source: 0, target: 0 }])));
      break;
    }
    case 8: {
      const lit = pick(ODD_LITERALS);
      what = `literal ${lit}`;
      text = JSON.stringify(setAt(body ?? {}, at, "\u0002")).replace('"\\u0002"', lit);
      break;
    }
    case 9: {
      const full = JSON.stringify(body ?? {});
      what = "truncated";
      text = full.slice(0, int(full.length));
      break;
    }
    case 10: {
      const full = Buffer.from(JSON.stringify(body ?? { a: "b" }));
      const i = int(full.length);
      what = "invalid UTF-8";
      text = Buffer.concat([full.subarray(0, i), Buffer.from([pick([0xff, 0xc0, 0xed, 0x80, 0xfe]), 0xa0]), full.subarray(i)]);
      break;
    }
    case 11:
      headers["content-type"] = pick(CONTENT_TYPES);
      what = `content-type ${headers["content-type"]}`;
      if (headers["content-type"] === "") delete headers["content-type"];
      break;
    case 12:
      what = "query string";
      return { method, path: `${path}?${encode(pick(KEYS))}=${encode(String(pick(ODD_VALUES)))}&a=%ZZ`, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), what };
    case 13:
      what = "garbage headers";
      headers["content-length"] = pick(["abc", "-1", "99999999999999999999", "1e3", " 5"]);
      headers["x-request-id"] = pick(["a".repeat(500), "\u00ff\u00fe", "ok-id"]);
      headers["x-api-key"] = "x".repeat(int(2000));
      break;
    case 14:
      what = "body on any method";
      return { method: pick(METHODS), path, headers, body: JSON.stringify(base), what };
    default:
      break;
  }
  if (text === undefined && body !== undefined) text = JSON.stringify(body);
  return { method, path, headers, ...(text !== undefined ? { body: text } : {}), what };
}

const SERVER_PATHS = [REPO_ROOT, tmpdir(), "/home/", "node_modules", "file://"];
const STACK = /\n\s+at |\bat .+\(.+:\d+:\d+\)|\.ts:\d+:\d+|\.js:\d+:\d+/;

/** The Open Inference Protocol's routes answer errors in its own JSON, {"error": text}. */
const PROTOCOL_ERRORS = /^\/v2(\/|$)/;

function check(status: number, text: string, contentType: string | null, method: string, path: string): string | undefined {
  if (status >= 500) return `${status}`;
  for (const p of SERVER_PATHS) if (text.includes(p)) return `server path ${p} in body`;
  if (STACK.test(text)) return "stack trace in body";
  if (status >= 400 && method !== "HEAD") {
    let json: { error?: unknown; status?: unknown } | undefined;
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      return `error body is not JSON: ${text.slice(0, 80)}`;
    }
    if (typeof json?.error !== "string") return `not an error body: ${text.slice(0, 120)}`;
    if (PROTOCOL_ERRORS.test(path)) return undefined;
    if (json.status !== status) return `not a problem body: ${text.slice(0, 120)}`;
    if (!contentType?.startsWith("application/problem+json")) return `content-type ${contentType}`;
  }
  return undefined;
}

describe("fuzz: every route, mutated requests", () => {
  let app: TestApp;
  let operations: { method: string; path: string }[];
  beforeAll(async () => {
    ({ app } = await makeApp());
    const doc = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    operations.push({ method: "GET", path: "/docs" }, { method: "GET", path: "/favicon.ico" }, { method: "GET", path: "/openapi.json" }, { method: "GET", path: "/nope/{x}" });
  });

  it(`answers ${REQUESTS} mutated requests (seed ${SEED}) without a 5xx, a stack trace or a path`, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const covered = new Set<string>();
    for (let i = 0; i < REQUESTS; i++) {
      const op = operations[i % operations.length]!;
      const req = mutate(op.method, op.path);
      covered.add(`${op.method} ${op.path}`);
      const res = await app.request(req.path, { method: req.method, headers: req.headers, ...(req.body !== undefined && req.method !== "GET" && req.method !== "HEAD" ? { body: req.body } : {}) });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const problem = check(res.status, text, res.headers.get("content-type"), req.method, req.path);
      if (problem) failures.push(`#${i} ${req.method} ${req.path.slice(0, 80)} [${req.what}]: ${problem}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(covered.size).toBe(operations.length);
    // The corpus reaches the validators, not just the router: 422s and 200s both occur.
    expect(statuses.get(422) ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 20);
    const health = await app.request("/health");
    expect(health.status).toBe(200);
  });
});

/** A raw HTTP request (node:http), so headers and bodies can be as large or as odd as needed. */
function raw(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; chunks?: { size: number; count: number } },
): Promise<{ status: number; text: string; contentType: string | undefined } | { reset: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest({ host: u.hostname, port: u.port, method: opts.method ?? "POST", path: opts.path, headers: opts.headers ?? {} }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8"), contentType: res.headers["content-type"] }));
      res.on("error", reject);
    });
    // The server may answer (413) and close before the whole body is sent: the client then sees a
    // reset, possibly before it read the answer.
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? resolve({ reset: e.code }) : reject(e)));
    if (opts.chunks) {
      let sent = 0;
      const chunk = Buffer.alloc(opts.chunks.size, 0x20);
      const pump = () => {
        while (sent < opts.chunks!.count) {
          sent++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      req.write("[");
      pump();
    } else req.end(opts.body);
  });
}

describe("fuzz: oversized bodies and headers on a real server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("413 for declared and chunked bodies over a route's limit, 431 for oversized headers; /health answers", async () => {
    const declared = await raw(server.url, {
      path: "/predict",
      headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      body: Buffer.from('{"network_state":'),
    });
    // Answered before the body arrives; the server then closes, which a busy client may see as a reset first.
    if ("status" in declared) {
      expect(declared.status).toBe(413);
      expect(check(declared.status, declared.text, declared.contentType ?? null, "POST", "/predict")).toBeUndefined();
    }

    // A chunked body is read until it passes the limit (4 KiB here), then refused.
    const chunked = await raw(server.url, { path: "/generate-mock-network", headers: { "content-type": "application/json" }, chunks: { size: 64 * 1024, count: 64 } });
    if ("status" in chunked) {
      expect(chunked.status).toBe(413);
      expect(check(chunked.status, chunked.text, chunked.contentType ?? null, "POST", "/generate-mock-network")).toBeUndefined();
    }

    for (const size of [20_000, 200_000]) {
      const r = await raw(server.url, { method: "GET", path: "/health", headers: { "x-padding": "a".repeat(size) } });
      // Node's HTTP parser refuses headers over 16 KiB itself, with an empty body.
      if (!("status" in r)) throw new Error(`connection ${r.reset} instead of a 431`);
      expect(r.status).toBe(431);
      if (r.text) expect(check(r.status, r.text, r.contentType ?? null, "GET", "/health")).toBeUndefined();
    }
    const longUrl = await raw(server.url, { method: "GET", path: `/models/${"a".repeat(10_000)}` });
    if (!("status" in longUrl)) throw new Error(`connection ${longUrl.reset}`);
    expect(longUrl.status).toBe(422);
    expect(check(longUrl.status, longUrl.text, longUrl.contentType ?? null, "GET", "/models/x")).toBeUndefined();

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  }, 60_000);
});
