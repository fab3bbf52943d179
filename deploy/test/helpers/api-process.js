/**
 * Start an API process on a free 127.0.0.1 port (PORT=0), learn the port from its
 * "listening on ..." log line, wait for /ready, stop it with SIGTERM.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * @param {{ cwd: string, command: string[], env?: Record<string, string>, baseEnv?: NodeJS.ProcessEnv, timeoutMs?: number }} opts
 *   baseEnv replaces process.env as the environment the variables are added to (the Dockerfile replay
 *   passes only the image's ENV).
 */
export function startApi({ cwd, command, env = {}, baseEnv = process.env, timeoutMs = 60_000 }) {
  const child = spawn(command[0], command.slice(1), {
    cwd,
    // info: the port is read from the "listening on" line.
    env: { ...baseEnv, ...env, LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs = [];
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  createInterface({ input: child.stderr }).on("line", (l) => logs.push(l));
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`API did not listen within ${timeoutMs} ms:\n${logs.join("\n")}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (logs.length < 200) logs.push(line);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof entry.msg === "string" && entry.msg.startsWith("listening on") && entry.port) {
        clearTimeout(timer);
        resolve(entry.port);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before listening:\n${logs.join("\n")}`));
    });
  });
  const api = {
    pid: child.pid,
    base: "",
    logs,
    /** Resolves once /ready answers 200. */
    async ready() {
      api.base = `http://127.0.0.1:${await listening}`;
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const status = await fetch(`${api.base}/ready`).then((r) => r.status, () => 0);
        if (status === 200) return api.base;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${api.base}/ready never answered 200:\n${logs.join("\n")}`);
    },
    /** SIGTERM, resolves with the exit code. */
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  listening.catch(() => {});
  return api;
}
