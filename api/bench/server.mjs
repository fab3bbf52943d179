/** The built API on a free loopback port, for the bench and the soak; never left behind if they die. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const API_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Kill a spawned server if the script itself exits first. */
export function guard(child) {
  process.once("exit", () => child.exitCode === null && child.kill("SIGKILL"));
}

/**
 * Start api/dist/server.js with `env` on top of this process's environment, plus the settings in
 * `process.env[extraVar]` ("KEY=value,KEY=value").
 */
export async function startServer(env = {}, extraVar = "BENCH_SERVER_ENV") {
  const entry = join(API_DIR, "dist", "server.js");
  if (!existsSync(entry)) throw new Error("api/dist/server.js is missing: run `npm run build -w api` first");
  const port = await freePort();
  const extra = Object.fromEntries(
    (process.env[extraVar] ?? "")
      .split(",")
      .filter(Boolean)
      .map((kv) => kv.split("=")),
  );
  const child = spawn(process.execPath, [entry], {
    cwd: API_DIR,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...env, ...extra },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  guard(child);
  return { url: `http://127.0.0.1:${port}`, stop: () => (child.kill("SIGTERM"), exited), child };
}
