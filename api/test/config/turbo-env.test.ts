/**
 * `npm start` (turbo) honours the settings: turbo passes to tasks only the variables turbo.json
 * lists, so every variable of .env.example must be there, and a variable set for `turbo run start`
 * must reach the server.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/env.js";

const turbo = JSON.parse(readFileSync(join(REPO_ROOT, "turbo.json"), "utf8")) as { globalPassThroughEnv: string[] };
const envExample = readFileSync(join(REPO_ROOT, ".env.example"), "utf8");
/** Every variable .env.example documents, set (`KEY=`) or commented out (`# KEY=`). */
const documented = [...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);

const passes = (name: string) =>
  turbo.globalPassThroughEnv.some((p) => (p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : p === name));

describe("turbo passes the settings through", () => {
  it("lists every variable of .env.example in globalPassThroughEnv", () => {
    expect(documented.length).toBeGreaterThan(15);
    expect(documented.filter((name) => !passes(name))).toEqual([]);
  });

  it("the dashboard binds DASHBOARD_HOST (default 127.0.0.1) and DASHBOARD_PORT, not the API's PORT", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "dashboard", "package.json"), "utf8")) as { scripts: Record<string, string> };
    for (const script of ["start", "dev"]) {
      expect(pkg.scripts[script]).toContain("${DASHBOARD_HOST:-127.0.0.1}");
      expect(pkg.scripts[script]).toContain("${DASHBOARD_PORT:-3000}");
    }
    expect(documented).toEqual(expect.arrayContaining(["DASHBOARD_HOST", "DASHBOARD_PORT", "API_URL"]));
  });

  it(
    "PORT and MAX_NODES given to `turbo run start` reach the API",
    async () => {
      const child = spawn(join(REPO_ROOT, "node_modules", ".bin", "turbo"), ["run", "start", "--filter=api", "--no-daemon"], {
        cwd: REPO_ROOT,
        // turbo builds the API first (start depends on build), then starts it.
        env: { ...process.env, PORT: "0", HOST: "127.0.0.1", MAX_NODES: "77", LOG_LEVEL: "info", TURBO_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true, // its own process group: turbo, npm and the server stop together
      });
      const stop = () => {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          // already gone
        }
      };
      try {
        const logs: string[] = [];
        createInterface({ input: child.stderr! }).on("line", (l) => logs.push(l));
        const line = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout! }).on("line", (l) => {
            logs.push(l);
            if (l.includes('"listening on')) resolve(l);
          });
          child.once("exit", (code) => reject(new Error(`turbo exited with ${code}:\n${logs.join("\n")}`)));
        });
        const log = JSON.parse(line.slice(line.indexOf("{"))) as { port: number; maxNodes: number };
        expect(log.maxNodes).toBe(77);
        expect(log.port).not.toBe(8000);
        const doc = (await (await fetch(`http://127.0.0.1:${log.port}/openapi.json`)).json()) as { paths: Record<string, { post?: { description?: string } }> };
        expect(doc.paths["/predict"]!.post!.description).toContain("77 nodes (MAX_NODES)");
      } finally {
        stop();
      }
    },
    180_000,
  );
});
