/**
 * End-to-end tests: the built API and the built dashboard on free loopback ports, driven by
 * Debian's chromium as a new user would.
 *
 *   npm run test:e2e -w dashboard        (from the repo root: npm run test:e2e)
 *
 * Builds the API (api/dist) and the dashboard (.next) first, so it tests the code in the tree
 * (E2E_SKIP_BUILD=1 reuses existing builds). Needs the models in models/repository/ and /usr/bin/chromium
 * (CHROMIUM_PATH to override). Screenshots go to docs/screenshots (E2E_SCREENSHOTS=dir to write
 * them elsewhere). The API reads its environment as usual, so EVAL_PATH=... runs the pages
 * against another evaluation report.
 */
import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DASHBOARD = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(DASHBOARD, "..");
const LOGS = join(DASHBOARD, "e2e", ".tmp");
mkdirSync(LOGS, { recursive: true });

/** A port nothing listens on right now (the OS picks it). */
function freePort(): string {
  return execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}

// The runner and its workers all load this file: the first picks the ports, the workers inherit them.
process.env.E2E_API_PORT ??= freePort();
process.env.E2E_DASHBOARD_PORT ??= freePort();
process.env.E2E_DOWN_DASHBOARD_PORT ??= freePort();
process.env.E2E_DEAD_API_PORT ??= freePort();
const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT}`;
const DASHBOARD_URL = `http://127.0.0.1:${process.env.E2E_DASHBOARD_PORT}`;

const build = process.env.E2E_SKIP_BUILD === "1" ? "" : "npm run build -w api && npm run build -w dashboard && ";
const next = `node ${join(ROOT, "node_modules", "next", "dist", "bin", "next")} start -H 127.0.0.1`;
const quiet = { NEXT_TELEMETRY_DISABLED: "1" };

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  // One API and one dashboard for every test; some tests read counters others leave behind.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  outputDir: join(LOGS, "results"),
  globalTeardown: "./e2e/server-log.ts",
  use: {
    baseURL: DASHBOARD_URL,
    viewport: { width: 1280, height: 900 },
    actionTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      name: "api",
      // Builds both workspaces before starting the API, so the dashboard server below starts from a fresh build too.
      command: `${build}node api/dist/server.js`,
      cwd: ROOT,
      env: { PORT: process.env.E2E_API_PORT, HOST: "127.0.0.1", LOG_LEVEL: "warn", SHUTDOWN_GRACE_MS: "0" },
      // /ready answers 503 until the models are loaded.
      url: `${API_URL}/ready`,
      timeout: 600_000,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "dashboard",
      // stderr kept for e2e/server-log.ts: the dashboard must log no SSR or proxy failures.
      command: `${next} -p ${process.env.E2E_DASHBOARD_PORT} 2> ${join(LOGS, "dashboard.stderr.log")}`,
      cwd: DASHBOARD,
      env: { API_URL, ...quiet },
      url: `${DASHBOARD_URL}/api/health`,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "dashboard without an API",
      // The same build pointed at a port where no API listens: what a user sees when the API is down.
      command: `${next} -p ${process.env.E2E_DOWN_DASHBOARD_PORT}`,
      cwd: DASHBOARD,
      env: { API_URL: `http://127.0.0.1:${process.env.E2E_DEAD_API_PORT}`, ...quiet },
      url: `http://127.0.0.1:${process.env.E2E_DOWN_DASHBOARD_PORT}/`,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
