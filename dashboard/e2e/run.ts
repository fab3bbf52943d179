/**
 * End-to-end test: the built API and the built dashboard on free ports, driven by Debian's
 * chromium through playwright-core, as a new user would.
 *
 *   npm run test:e2e -w dashboard        (from the repo root: npm run test:e2e)
 *
 * Builds the API (api/dist) and the dashboard (.next) first, so it tests the code in the tree
 * (E2E_SKIP_BUILD=1 reuses existing builds). Needs the models in models/repository/ and /usr/bin/chromium
 * (CHROMIUM_PATH to override).
 * Writes docs/screenshots/*.png (E2E_SCREENSHOTS=dir to write elsewhere). The API reads the
 * environment as usual, so EVAL_PATH=... runs the pages against another evaluation report.
 * Prints "N passed, N failed" and exits non-zero on failure.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page, type Response as PwResponse } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const DASHBOARD = resolve(here, "..");
const ROOT = resolve(DASHBOARD, "..");
/** Where the screenshots go (E2E_SCREENSHOTS overrides, e.g. for a run against a test report). */
const SHOTS = process.env.E2E_SCREENSHOTS ? resolve(process.env.E2E_SCREENSHOTS) : join(ROOT, "docs", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const API_ENTRY = join(ROOT, "api", "dist", "server.js");
const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");
const STEP_TIMEOUT = 30_000;

// ---------------------------------------------------------------- helpers

const results: { name: string; ok: boolean; detail?: string }[] = [];
/** Lines the dashboard server wrote to stderr, or any server line that reports an error. */
const serverErrors: string[] = [];
const children: ChildProcess[] = [];

function log(msg: string) {
  process.stdout.write(`[e2e] ${msg}\n`);
}

async function check(name: string, fn: () => Promise<void>): Promise<boolean> {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`ok   ${name} (${Date.now() - t0} ms)`);
    return true;
  } catch (e) {
    const detail = (e as Error).message.split("\n").slice(0, 6).join("\n");
    results.push({ name, ok: false, detail });
    log(`FAIL ${name}: ${detail}`);
    return false;
  }
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function start(name: string, cmd: string, args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const tail: string[] = [];
  const keep = (buf: Buffer, isErr: boolean) => {
    for (const line of buf.toString().split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (isErr || /⨯|\bError\b/.test(line)) serverErrors.push(`${name}: ${line}`);
    }
    while (tail.length > 40) tail.shift();
  };
  child.stdout?.on("data", (b: Buffer) => keep(b, false));
  child.stderr?.on("data", (b: Buffer) => keep(b, name === "dashboard"));
  child.on("exit", (code, signal) => {
    if (!stopping) log(`${name} exited early (code ${code}, signal ${signal}); last output:\n${tail.join("\n")}`);
  });
  (child as ChildProcess & { tail: string[] }).tail = tail;
  children.push(child);
  return child;
}

let stopping = false;
async function stopAll() {
  stopping = true;
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((res) => {
          if (c.exitCode !== null || c.signalCode !== null || c.pid === undefined) return res();
          const timer = setTimeout(() => {
            try {
              process.kill(-c.pid!, "SIGKILL");
            } catch {
              /* gone */
            }
            res();
          }, 10_000);
          c.once("exit", () => {
            clearTimeout(timer);
            res();
          });
          try {
            process.kill(-c.pid, "SIGTERM"); // the whole process group (npm/next spawn children)
          } catch {
            clearTimeout(timer);
            res();
          }
        }),
    ),
  );
}

async function waitFor(url: string, ok: (status: number) => boolean, timeoutMs: number, what: string) {
  const t0 = Date.now();
  let last = "";
  while (Date.now() - t0 < timeoutMs) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (ok(r.status)) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${url}: ${last})`);
}

function build(what: string, args: string[]) {
  log(`building ${what}: npm ${args.join(" ")}`);
  const r = spawnSync("npm", args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error(`building ${what} failed (exit ${r.status})`);
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  assert(existsSync(CHROMIUM), `chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const skipBuild = process.env.E2E_SKIP_BUILD === "1";
  if (!skipBuild || !existsSync(API_ENTRY)) build("the API", ["run", "build", "-w", "api"]);
  if (!skipBuild || !existsSync(join(DASHBOARD, ".next", "BUILD_ID"))) build("the dashboard", ["run", "build", "-w", "dashboard"]);
  mkdirSync(SHOTS, { recursive: true });

  const apiPort = await freePort();
  const dashPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const dashUrl = `http://127.0.0.1:${dashPort}`;

  log(`starting API on ${apiUrl}`);
  start("api", process.execPath, [API_ENTRY], join(ROOT, "api"), { PORT: String(apiPort), HOST: "127.0.0.1", LOG_LEVEL: "warn" });
  log(`starting dashboard on ${dashUrl} (API_URL=${apiUrl})`);
  start("dashboard", process.execPath, [NEXT_BIN, "start", "-p", String(dashPort), "-H", "127.0.0.1"], DASHBOARD, {
    API_URL: apiUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  });

  const ready = await check("API and dashboard become ready", async () => {
    await waitFor(`${apiUrl}/ready`, (s) => s === 200, 90_000, "API /ready");
    await waitFor(`${dashUrl}/`, (s) => s === 200, 60_000, "dashboard");
    await waitFor(`${dashUrl}/api/health`, (s) => s === 200, 10_000, "dashboard proxy to the API");
  });
  if (!ready) return 1;

  // What the API says, to check the pages against.
  const modelList = await getJson<{ models: { name: string; loaded: boolean }[] }>(`${apiUrl}/models`);
  const loadedModels = modelList.models.filter((m) => m.loaded).map((m) => m.name);
  const evaluation = await getJson<{
    episodes: number;
    results: { policy: string; kind: string; num_nodes: number; load: number; episodes: number }[];
    ablations: { policy: string; variant: string }[];
  }>(`${apiUrl}/evaluation`).catch(() => null);
  log(`models loaded: ${loadedModels.join(", ")}`);

  const userDataDir = mkdtempSync(join(tmpdir(), "dashboard-e2e-chromium-"));
  let ctx: BrowserContext | null = null;
  try {
    ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
    });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT);

    const consoleErrors: string[] = [];
    let collectErrors = true;
    page.on("console", (m) => {
      if (collectErrors && m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => {
      if (collectErrors) consoleErrors.push(`${page.url()}: uncaught ${e.message}`);
    });

    const visit = async (path: string) => {
      const res = await page.goto(`${dashUrl}${path}`, { waitUntil: "load" });
      assert(res && res.status() === 200, `GET ${path}: HTTP ${res?.status()}`);
    };
    const shot = async (name: string) => {
      // From the top, so the sticky header is drawn where it belongs in the full-page capture.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    };

    // ---- Overview
    await check("overview shows API health, models and live stats", async () => {
      await visit("/");
      await page.waitForSelector('[data-testid="api-status"][data-state="up"]');
      await page.waitForSelector('[data-testid="models-table"] tbody tr td strong');
      for (const m of loadedModels) {
        await page.locator('[data-testid="models-table"]').getByText(m, { exact: true }).first().waitFor();
      }
      await page.waitForSelector('[data-testid="stats-table"]');
      assert((await page.locator('[data-testid="api-banner"]').count()) === 0, "the API-down banner is shown while the API is up");
    });

    // ---- Predict: generate, predict with every loaded model, compare
    const networkSize = 20;
    let congested: { task?: { source: number; deadline_ms: number }; load?: number } | null = null;
    await check("predict: generate a network and draw it by tier", async () => {
      await visit("/predict");
      await page.waitForFunction(() => {
        const s = document.querySelector<HTMLSelectElement>('[data-testid="model-select"]');
        return !!s && s.options.length > 0 && s.value !== "";
      });
      await page.fill('[data-testid="num-nodes"]', String(networkSize));
      await page.fill('[data-testid="seed"]', "7");
      const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/networks/generate") && r.request().method() === "POST"),
        page.click('[data-testid="generate"]'),
      ]);
      assert(resp.status() === 200, `generate: HTTP ${resp.status()}`);
      const body = (await resp.json()) as { num_nodes: number; network_state: { nodes: unknown[]; edges: unknown[] } };
      assert(body.network_state.nodes.length === networkSize, `generated ${body.network_state.nodes.length} nodes, asked ${networkSize}`);
      await page.waitForSelector(`[data-testid="topology"][data-rendered-nodes="${networkSize}"]`);
      const edges = await page.getAttribute('[data-testid="topology"]', "data-rendered-edges");
      assert(Number(edges) > 0, `topology drew ${edges} edges`);
    });

    const sumBacklog = (edges: unknown[]) =>
      edges.reduce<number>((a, e) => a + (typeof e === "object" && e !== null && !Array.isArray(e) ? ((e as { backlog_ms?: number }).backlog_ms ?? 0) : 0), 0);

    await check("predict: a congested (mid-episode) network comes with its backlogs, next task and load", async () => {
      await page.click('[data-testid="gen-episode"]');
      await page.fill('[data-testid="warmup-load"]', "0.9");
      await page.fill('[data-testid="seed"]', "7");
      const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/networks/generate") && r.request().method() === "POST"),
        page.click('[data-testid="generate"]'),
      ]);
      assert(resp.status() === 200, `generate mid-episode: HTTP ${resp.status()} ${await resp.text()}`);
      const sent = JSON.parse(resp.request().postData() ?? "{}") as { load?: number; num_nodes?: number };
      assert(sent.load === 0.9 && sent.num_nodes === networkSize, `the generate request was ${JSON.stringify(sent)}`);
      const body = (await resp.json()) as {
        network_state: { nodes: { backlog_ms?: number }[]; edges: unknown[] };
        task?: { source: number; deadline_ms: number };
        load?: number;
        episode?: { placed: number };
      };
      assert(body.episode && body.task && body.load !== undefined, "the API returned no episode, task or load for a mid-episode request");
      assert(body.network_state.nodes.every((n) => typeof n.backlog_ms === "number"), "nodes carry no backlog_ms");
      await page.waitForSelector(`[data-testid="topology"][data-rendered-nodes="${networkSize}"]`);
      await page.waitForSelector('[data-testid="episode-info"]');
      // The next arrival and its load fill the form, so the next /predict sees exactly this state.
      const source = await page.inputValue('[data-testid="task-source"]');
      assert(source === String(body.task.source), `task source field ${source}, API's next task from ${body.task.source}`);
      const load = await page.inputValue('[data-testid="task-load"]');
      assert(Number(load) === body.load, `load field ${load}, API's load ${body.load}`);
      const busy = Number(await page.getAttribute('[data-testid="topology"]', "data-busy-edges"));
      const busyInApi = body.network_state.edges.filter((e) => sumBacklog([e]) > 0).length;
      assert(busy === busyInApi, `topology marks ${busy} busy links, the network has ${busyInApi}`);
      await page.waitForSelector('[data-testid="latency-chart"][data-ready="true"]');
      const chartTitle = await page.locator("h2", { hasText: "Latency and backlog by node" }).count();
      assert(chartTitle === 1, "the node chart does not show the backlog of a mid-episode network");
      congested = body;
    });

    const predictWith = async (model: string, expectState: typeof congested = null) => {
      await page.selectOption('[data-testid="model-select"]', model);
      const [resp] = await Promise.all([
        page.waitForResponse((r: PwResponse) => r.url().endsWith("/api/predict") && r.request().method() === "POST"),
        page.click('[data-testid="predict"]'),
      ]);
      assert(resp.status() === 200, `predict (${model}): HTTP ${resp.status()} ${await resp.text()}`);
      const sent = JSON.parse(resp.request().postData() ?? "{}") as { model_type?: string; load?: number; task?: { source?: number } };
      assert(sent.model_type === model, `the request asked for ${sent.model_type}, not ${model}`);
      if (expectState) {
        assert(sent.load === expectState.load, `the request's load is ${sent.load}, the generated state's ${expectState.load}`);
        assert(sent.task?.source === expectState.task?.source, `the request's task source is ${sent.task?.source}, the generated state's ${expectState.task?.source}`);
      }
      const pred = (await resp.json()) as { selected_node: number; model: { name: string }; task: { source: number } };
      const sel = String(pred.selected_node);
      // The graph's own state (cytoscape's .selected-node) must equal the API's answer.
      await page.waitForSelector(`[data-testid="topology"][data-highlighted-node="${sel}"]`);
      const attrs = await page.$eval('[data-testid="topology"]', (el) => ({
        selected: el.getAttribute("data-selected-node"),
        highlighted: el.getAttribute("data-highlighted-node"),
        source: el.getAttribute("data-marked-source"),
      }));
      assert(attrs.highlighted === sel, `highlighted node ${attrs.highlighted} != API's selected_node ${sel}`);
      assert(attrs.selected === sel, `data-selected-node ${attrs.selected} != ${sel}`);
      assert(attrs.source === String(pred.task.source), `marked source ${attrs.source} != API's task.source ${pred.task.source}`);
      const shown = (await page.textContent('[data-testid="selected-node"]'))?.trim();
      assert(shown === sel, `result card shows node ${shown}, API said ${sel}`);
      assert(pred.model.name === model, `API answered with model ${pred.model.name}`);
      // The snippet shows this exact request.
      const snippet = await page.textContent('[data-testid="snippet-text"]');
      assert(snippet?.includes("/predict") && snippet.includes(`"model_type":"${model}"`), "the curl snippet does not show the request just made");
      return pred;
    };

    for (const model of loadedModels) {
      await check(`predict with ${model} on the congested network: the highlighted node is the API's selected_node`, async () => {
        await predictWith(model, congested);
      });
    }

    await check("compare all: every model and baseline on one network", async () => {
      const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/compare") && r.request().method() === "POST"),
        page.click('[data-testid="compare"]'),
      ]);
      assert(resp.status() === 200, `compare: HTTP ${resp.status()} ${await resp.text()}`);
      const sent = JSON.parse(resp.request().postData() ?? "{}") as { load?: number };
      assert(congested === null || sent.load === congested.load, `compare sent load ${sent.load}`);
      const body = (await resp.json()) as { results: { name: string; kind: string; selected_node: number }[]; greedy: { selected_node: number } };
      await page.waitForSelector('[data-testid="compare-table"]');
      const rows = await page.$$eval('[data-testid="compare-table"] tbody tr', (trs) =>
        trs.map((tr) => ({ policy: tr.getAttribute("data-policy"), node: tr.querySelectorAll("td")[2]?.textContent?.trim() })),
      );
      for (const m of loadedModels) assert(rows.some((r) => r.policy === m), `model ${m} missing from the compare table`);
      for (const r of body.results) {
        const row = rows.find((x) => x.policy === r.name);
        assert(row, `${r.kind} ${r.name} missing from the compare table`);
        assert(row.node === String(r.selected_node), `${r.name}: table shows node ${row.node}, API said ${r.selected_node}`);
      }
      assert(body.results.some((r) => r.kind === "baseline"), "the API returned no baselines");
      for (const name of ["greedy", "greedy_static", "jsed"]) assert(rows.some((r) => r.policy === name), `baseline ${name} missing from the compare table`);
      assert(!rows.some((r) => r.policy === "greedy_oracle"), "the compare table still shows greedy_oracle");
      const greedy = await page.textContent('[data-testid="greedy-node"]');
      assert(greedy?.includes(String(body.greedy.selected_node)), `greedy's choice shown as "${greedy}", API said ${body.greedy.selected_node}`);
      await page.waitForSelector('[data-testid="compare-chart"][data-ready="true"]');
    });

    await check("predict page charts render", async () => {
      await page.waitForSelector('[data-testid="resource-chart"][data-ready="true"]');
      await page.waitForSelector('[data-testid="latency-chart"][data-ready="true"]');
      await page.waitForSelector('[data-testid="score-chart"][data-ready="true"]');
      await page.waitForTimeout(300);
      await shot("predict");
    });

    await check("predict: a 200-node network draws and predicts", async () => {
      await page.fill('[data-testid="num-nodes"]', "200");
      await page.fill('[data-testid="seed"]', "11");
      await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/networks/generate")), page.click('[data-testid="generate"]')]);
      await page.waitForSelector('[data-testid="topology"][data-rendered-nodes="200"]');
      await predictWith(loadedModels.includes("hybrid") ? "hybrid" : loadedModels[0]!);
      // Fully in view below the sticky header, so the element capture is not covered by it.
      await page.locator('[data-testid="topology"]').evaluate((el) => el.scrollIntoView({ block: "center" }));
      await page.waitForTimeout(300);
      await page.locator('[data-testid="topology"]').screenshot({ path: join(SHOTS, "topology-200.png") });
    });

    await check("predict: a pasted network is checked, drawn and placed from the chosen source", async () => {
      await page.click('button[role="tab"]:has-text("Paste JSON")');
      const node = (t: number, cpu: number) => ({ cpu_util: cpu, mem_util: 0.3, energy: 300, latency: 5, bandwidth: 50, queue_len: 1, node_type: t });
      const bad = { nodes: [node(0, 0.2), node(1, 0.3)], edges: [[0, 5]] };
      await page.fill('[data-testid="paste-json"]', JSON.stringify(bad));
      await page.click('[data-testid="load-json"]');
      await page.locator(".error-box", { hasText: "names a node that does not exist" }).waitFor();
      const good = {
        network_state: { nodes: [node(0, 0.2), node(0, 0.4), node(1, 0.3), node(1, 0.6), node(2, 0.5)], edges: [[0, 2], [1, 3], [2, 3], [2, 4], [3, 4]] },
        task: { source: 1, deadline_ms: 400 },
      };
      await page.fill('[data-testid="paste-json"]', JSON.stringify(good));
      await page.click('[data-testid="load-json"]');
      await page.waitForSelector('[data-testid="topology"][data-rendered-nodes="5"][data-rendered-edges="5"]');
      const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/predict") && r.request().method() === "POST"),
        page.click('[data-testid="predict"]'),
      ]);
      assert(resp.status() === 200, `predict on the pasted network: HTTP ${resp.status()} ${await resp.text()}`);
      const sent = JSON.parse(resp.request().postData() ?? "{}") as { task?: { source?: number; deadline_ms?: number } };
      assert(sent.task?.source === 1 && sent.task.deadline_ms === 400, `the request's task is ${JSON.stringify(sent.task)}`);
      const pred = (await resp.json()) as { selected_node: number; task: { source: number } };
      assert(pred.task.source === 1, `API placed from source ${pred.task.source}`);
      await page.waitForSelector(`[data-testid="topology"][data-highlighted-node="${pred.selected_node}"][data-marked-source="1"]`);
      await page.click('button[role="tab"]:has-text("Generate")');
    });

    // ---- Analytics
    await check("analytics shows the difference vs greedy with CI error bars, the tables and the ablations", async () => {
      await visit("/analytics");
      await page.waitForSelector('[data-testid="diff-chart"][data-ready="true"]');
      const bars = await page.locator('[data-testid="diff-chart"] g.errorbar').count();
      assert(bars > 0, "no error bars drawn on the difference chart");
      await page.locator('[data-testid="eval-explainer"]', { hasText: "Greedy = 0" }).waitFor();
      if (evaluation) {
        const learned = [...new Set(evaluation.results.filter((r) => r.kind === "learned").map((r) => r.policy))];
        const main = ["greedy", "planner", "greedy_static", "jsed"].filter((p) => evaluation.results.some((r) => r.policy === p));
        const legend = await page.$$eval('[data-testid="diff-chart"] .legendtext', (ts) => ts.map((t) => t.textContent));
        for (const p of [...learned, ...main]) assert(legend.includes(p), `policy ${p} missing from the difference chart's legend`);
        const loads = [...new Set(evaluation.results.map((r) => r.load))];
        const panels = await page.$$eval('[data-testid="diff-chart"] .annotation-text', (ts) => ts.map((t) => t.textContent));
        for (const l of loads) assert(panels.includes(`load ${l}`), `no panel for load ${l} (panels: ${panels.join(", ")})`);
        const sizes = [...new Set(evaluation.results.map((r) => r.num_nodes))];
        const ticks = await page.$$eval('[data-testid="diff-chart"] .xtick text', (ts) => ts.map((t) => t.textContent));
        for (const n of sizes) assert(ticks.includes(String(n)), `size ${n} missing from the x axis`);
        // The table at the first size and the middle load lists every policy the report has there.
        const size = Math.min(...sizes);
        const sorted = [...loads].sort((x, y) => x - y);
        const load = sorted[Math.floor(sorted.length / 2)]!;
        const expected = evaluation.results.filter((r) => r.num_nodes === size && r.load === load);
        await page.waitForSelector('[data-testid="eval-table"] tbody tr');
        const shown = await page.$$eval('[data-testid="eval-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute("data-policy")));
        assert(shown.length === expected.length, `the table shows ${shown.length} policies at ${size} nodes, load ${load}; the report has ${expected.length}`);
        for (const r of expected) assert(shown.includes(r.policy), `${r.policy} missing from the table`);
        if (evaluation.ablations.length) {
          const abl = await page.locator('[data-testid="ablation-table"] tbody tr').count();
          assert(abl === evaluation.ablations.length, `${abl} ablation rows, the report has ${evaluation.ablations.length}`);
        }
        if (evaluation.results.some((r) => r.episodes < evaluation.episodes)) await page.waitForSelector('[data-testid="fewer-episodes"]');
      }
      await page.waitForSelector('[data-testid="deadline-chart"][data-ready="true"]');
      await page.waitForSelector('[data-testid="latency-scaling-chart"][data-ready="true"]');
      await page.waitForSelector('[data-testid="training-chart"][data-ready="true"], .empty:has-text("training curve")');
      await page.waitForSelector('[data-testid="live-latency-chart"][data-ready="true"]');
      await page.waitForTimeout(300);
      await shot("analytics");
    });

    // ---- Models
    await check("models page shows every manifest with sha256 and a reload button", async () => {
      await visit("/models");
      for (const m of modelList.models.map((x) => x.name)) {
        await page.waitForSelector(`[data-testid="model-${m}"]`);
      }
      for (const m of loadedModels) {
        const sha = await page.textContent(`[data-testid="model-${m}"] [data-testid="sha256"]`);
        assert(sha && /^[0-9a-f]{64}$/.test(sha.trim()), `model ${m}: sha256 "${sha}"`);
      }
      const first = loadedModels[0]!;
      const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/models/${first}/load`)),
        page.click(`[data-testid="reload-${first}"]`),
      ]);
      assert(resp.status() === 200, `reload ${first}: HTTP ${resp.status()}`);
      await page.waitForSelector(`[data-testid="model-${first}"] .badge.ok:has-text("Reloaded")`);
      if (evaluation) await page.waitForSelector('[data-testid="manifest-detail"] [data-testid="model-eval-table"] tbody tr');
      await shot("models");
    });

    // ---- About
    await check("about page links the Swagger UI and lists the endpoints", async () => {
      await visit("/about");
      const href = await page.getAttribute('[data-testid="swagger-link"]', "href");
      assert(href === `${apiUrl}/docs`, `Swagger link ${href}`);
      await page.waitForSelector('[data-testid="endpoint-table"] tbody tr');
      const paths = await page.$$eval('[data-testid="endpoint-table"] tbody td.mono', (ts) => ts.map((t) => t.textContent));
      for (const p of ["/predict", "/compare", "/networks/generate", "/stats"]) assert(paths.includes(p), `${p} missing from the endpoint list`);
      await shot("about");
    });

    // Overview again, now that predictions were served: stats show latency.
    await check("overview stats count the predictions just made", async () => {
      await visit("/");
      await page.waitForSelector('[data-testid="overview-latency-chart"][data-ready="true"]');
      const rows = await page.$$eval('[data-testid="stats-table"] tbody tr td:first-child', (ts) => ts.map((t) => t.textContent));
      for (const m of loadedModels) assert(rows.includes(m), `model ${m} missing from the live stats`);
      await page.waitForTimeout(300);
      await shot("overview");
    });

    // ---- Narrow screen
    await check("pages work on a narrow (390 px) screen", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ["/", "/predict", "/analytics"]) {
        await visit(path);
        await page.waitForTimeout(400);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 1, `${path} scrolls sideways by ${overflow}px at 390 px`);
      }
      await visit("/predict");
      await page.fill('[data-testid="num-nodes"]', "30");
      await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/networks/generate")), page.click('[data-testid="generate"]')]);
      await page.waitForSelector('[data-testid="topology"][data-rendered-nodes="30"]');
      await predictWith(loadedModels[0]!);
      await page.waitForTimeout(300);
      await shot("predict-mobile");
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await check("no console errors on any page", async () => {
      assert(consoleErrors.length === 0, `${consoleErrors.length} console error(s):\n${consoleErrors.slice(0, 10).join("\n")}`);
    });

    await check("the dashboard server logged no errors (no SSR or proxy failures)", async () => {
      const dash = serverErrors.filter((l) => l.startsWith("dashboard:"));
      assert(dash.length === 0, `${dash.length} error line(s):\n${dash.slice(0, 10).join("\n")}`);
    });

    // ---- API down: the banner, not a crash
    collectErrors = false;
    await check("a clear banner when the API goes down", async () => {
      const api = children[0]!;
      stopping = true;
      await new Promise<void>((res) => {
        api.once("exit", () => res());
        process.kill(-api.pid!, "SIGTERM");
      });
      stopping = false;
      const uncaught: string[] = [];
      page.on("pageerror", (e) => uncaught.push(e.message));
      await visit("/");
      await page.waitForSelector('[data-testid="api-banner"]');
      const text = await page.textContent('[data-testid="api-banner"]');
      assert(text?.includes("unreachable"), `banner says "${text}"`);
      await page.locator("h1", { hasText: "Overview" }).waitFor();
      assert(uncaught.length === 0, `uncaught errors with the API down: ${uncaught.join("; ")}`);
      await shot("api-down");
    });
  } finally {
    await ctx?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  log(`error: ${(e as Error).message}`);
  results.push({ name: "e2e run", ok: false, detail: (e as Error).message });
  code = 1;
} finally {
  await stopAll();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (failed) for (const r of results.filter((x) => !x.ok)) log(`failed: ${r.name}\n${r.detail ?? ""}`);
log(`screenshots in ${SHOTS}`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(code);
