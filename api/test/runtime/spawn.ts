/**
 * The built server (api/dist/server.js) in a child process on a free 127.0.0.1 port (PORT=0; the
 * port is read from its "listening on" log line). dist/ is rebuilt first when a source file is newer.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const API_DIR = fileURLToPath(new URL("../..", import.meta.url));
const ENTRY = join(API_DIR, "dist", "server.js");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build dist/ if it is older than src/ (one test file at a time: a lock directory). */
export function ensureBuilt(): void {
  const stale = () => !existsSync(ENTRY) || statSync(ENTRY).mtimeMs < newest(join(API_DIR, "src"));
  if (!stale()) return;
  const lock = join(tmpdir(), `api-build-lock-${API_DIR.replace(/[^A-Za-z0-9]/g, "_")}`);
  const end = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > end) throw new Error(`could not take ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (stale()) {
      const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: API_DIR, stdio: "inherit" });
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface LogLine {
  msg?: string;
  [k: string]: unknown;
}

export interface Spawned {
  url: string;
  port: number;
  child: ChildProcess;
  /** parsed JSON log lines so far */
  logs: LogLine[];
  /** resolves with the exit code */
  exited: Promise<number | null>;
  /** the first log line matching (from line `from` on), waiting for it if needed */
  waitLog(match: (l: LogLine) => boolean, timeoutMs?: number, from?: number): Promise<LogLine>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnServer(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Spawned> {
  ensureBuilt();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: API_DIR,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", WORKERS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  const waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const onLine = (line: string) => {
    let obj: LogLine;
    try {
      obj = JSON.parse(line) as LogLine;
    } catch {
      obj = { msg: line };
    }
    logs.push(obj);
    for (const w of [...waiters]) {
      if (w.match(obj)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(obj);
      }
    }
  };
  createInterface({ input: child.stdout! }).on("line", onLine);
  createInterface({ input: child.stderr! }).on("line", onLine);
  const waitLog = (match: (l: LogLine) => boolean, ms = 30_000, from = 0) => {
    const found = logs.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise<LogLine>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching log line in ${ms} ms:\n${logs.map((l) => JSON.stringify(l)).join("\n")}`)), ms);
      waiters.push({ match, resolve: (l) => (clearTimeout(t), resolve(l)) });
    });
  };
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return Promise.race([
    waitLog((l) => typeof l.msg === "string" && l.msg.startsWith("listening on") && typeof l.port === "number", timeoutMs).then((l) => {
      const port = l.port as number;
      return { url: `http://127.0.0.1:${port}`, port, child, logs, exited, waitLog, stop };
    }),
    exited.then((code): never => {
      throw new Error(`server exited with ${code} before listening:\n${logs.map((l) => JSON.stringify(l)).join("\n")}`);
    }),
  ]);
}

/** Wait until GET /ready answers 200. */
export async function untilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${url}/ready`);
      await r.arrayBuffer();
      if (r.status === 200) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}/ready did not answer 200 in ${timeoutMs} ms`);
}
