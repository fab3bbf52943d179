/** Start the real server (src/server.ts through tsx) on a free 127.0.0.1 port, and stop it. */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const API_DIR = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  logs: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServer(env: Record<string, string> = {}, timeoutMs = 30_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: API_DIR,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${logs.join("\n")}`));
    }, timeoutMs);
    createInterface({ input: child.stderr! }).on("line", (l) => logs.push(l));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      logs.push(line);
      let obj: { msg?: string; port?: number } | undefined;
      try {
        obj = JSON.parse(line) as { msg?: string; port?: number };
      } catch {
        return;
      }
      if (obj.msg?.startsWith("listening on") && obj.port) {
        clearTimeout(timer);
        const port = obj.port;
        resolve({
          url: `http://127.0.0.1:${port}`,
          port,
          child,
          logs,
          stop: (signal = "SIGTERM") => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${logs.join("\n")}`));
    });
  });
}

/** Wait until GET /ready answers 200 (models loaded) or the deadline passes. */
export async function waitReady(url: string, timeoutMs = 30_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${url}/ready`);
      if (r.status === 200) return true;
      const body = (await r.json()) as { message?: string };
      if (body.message && body.message !== "loading models") return false;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
