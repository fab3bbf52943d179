/**
 * A real API server for the clients' tests: the api source through tsx on a free 127.0.0.1 port
 * (PORT=0; the port is read from its "listening on" log line), ready once /ready answers 200.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const API_DIR = fileURLToPath(new URL("../../../api", import.meta.url));

export interface ApiServer {
  baseUrl: string;
  stop(): Promise<number | null>;
}

export async function startApiServer(timeoutMs = 60_000): Promise<ApiServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: API_DIR,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", API_KEYS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return exited;
  };
  createInterface({ input: child.stderr }).on("line", (l) => logs.push(l));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not listen within ${timeoutMs} ms:\n${logs.join("\n")}`)), timeoutMs);
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (logs.length < 200) logs.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg?.startsWith("listening on") && entry.port) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      } catch {
        // not a log line
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before listening:\n${logs.join("\n")}`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const end = Date.now() + timeoutMs;
  while ((await fetch(`${baseUrl}/ready`).then((r) => r.status, () => 0)) !== 200) {
    if (Date.now() > end) {
      await stop();
      throw new Error(`${baseUrl}/ready never answered 200:\n${logs.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, stop };
}
