import type { Page, Response } from "@playwright/test";
import { elementShot, expect, loadedModels, shot, test } from "./fixtures";

interface Generated {
  network_state: { nodes: { backlog_ms?: number }[]; edges: unknown[] };
  task?: { source: number; deadline_ms: number };
  load?: number;
  episode?: { placed: number };
}

const topology = '[data-testid="topology"]';

async function clickAndAnswer(page: Page, testId: string, path: string): Promise<Response> {
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api${path}`) && r.request().method() === "POST"),
    page.getByTestId(testId).click(),
  ]);
  expect(resp.status(), `${path}: ${await resp.text()}`).toBe(200);
  return resp;
}

/** Predicts with `model` and checks that the page shows exactly the API's answer. */
async function predictWith(page: Page, model: string, state: Generated | null = null) {
  await page.getByTestId("model-select").selectOption(model);
  // the picker says where the chosen model stands against greedy in its evaluation
  await expect(page.getByTestId("model-standing")).toContainText(new RegExp(`^${model} in its evaluation \\(Analytics\\): (better|worse|indistinct)`));
  const resp = await clickAndAnswer(page, "predict", "/predict");
  const sent = JSON.parse(resp.request().postData() ?? "{}") as { model_type?: string; load?: number; task?: { source?: number } };
  expect(sent.model_type).toBe(model);
  if (state) {
    expect(sent.load, "the request carries the generated state's load").toBe(state.load);
    expect(sent.task?.source, "the request carries the generated state's next task").toBe(state.task?.source);
  }
  const pred = (await resp.json()) as { selected_node: number; model: { name: string }; task: { source: number } };
  const sel = String(pred.selected_node);
  // The graph's own state (cytoscape's .selected-node) must equal the API's answer.
  await expect(page.locator(topology)).toHaveAttribute("data-highlighted-node", sel);
  await expect(page.locator(topology)).toHaveAttribute("data-selected-node", sel);
  await expect(page.locator(topology)).toHaveAttribute("data-marked-source", String(pred.task.source));
  await expect(page.getByTestId("selected-node")).toHaveText(sel);
  expect(pred.model.name).toBe(model);
  // The snippet shows this exact request.
  await expect(page.getByTestId("snippet-text")).toContainText("/predict");
  await expect(page.getByTestId("snippet-text")).toContainText(`"model_type":"${model}"`);
}

const busyLinks = (edges: unknown[]) =>
  edges.filter((e) => typeof e === "object" && e !== null && !Array.isArray(e) && ((e as { backlog_ms?: number }).backlog_ms ?? 0) > 0).length;

test("predict: generate, a congested network, every model, compare all, charts, a 200-node and a pasted network; the overview counts it", async ({ page }) => {
  const models = await loadedModels();
  await page.goto("/predict");
  await expect(page.getByTestId("model-select")).not.toHaveValue("");

  // An idle network, drawn by tier.
  await page.getByTestId("num-nodes").fill("20");
  await page.getByTestId("seed").fill("7");
  const idle = (await (await clickAndAnswer(page, "generate", "/networks/generate")).json()) as Generated;
  expect(idle.network_state.nodes).toHaveLength(20);
  await expect(page.locator(topology)).toHaveAttribute("data-rendered-nodes", "20");
  expect(Number(await page.locator(topology).getAttribute("data-rendered-edges"))).toBeGreaterThan(0);

  // Mid-episode: backlogs, the next task and its load, which fill the form.
  await page.getByTestId("gen-episode").click();
  await page.getByTestId("warmup-load").fill("0.9");
  await page.getByTestId("seed").fill("7");
  const resp = await clickAndAnswer(page, "generate", "/networks/generate");
  expect(JSON.parse(resp.request().postData() ?? "{}")).toMatchObject({ load: 0.9, num_nodes: 20 });
  const congested = (await resp.json()) as Generated;
  expect(congested.episode && congested.task && congested.load !== undefined, "episode, task and load of a mid-episode network").toBeTruthy();
  expect(congested.network_state.nodes.every((n) => typeof n.backlog_ms === "number")).toBe(true);
  await expect(page.getByTestId("episode-info")).toBeVisible();
  await expect(page.getByTestId("task-source")).toHaveValue(String(congested.task!.source));
  expect(Number(await page.getByTestId("task-load").inputValue())).toBe(congested.load);
  await expect(page.locator(topology)).toHaveAttribute("data-busy-edges", String(busyLinks(congested.network_state.edges)));
  await expect(page.getByTestId("latency-chart")).toHaveAttribute("data-ready", "true");
  await expect(page.locator("h2", { hasText: "Latency and backlog by node" })).toHaveCount(1);

  for (const m of models) await predictWith(page, m, congested);

  // Compare all: every model and baseline by the API's names, with the API's nodes.
  const cmp = await clickAndAnswer(page, "compare", "/compare");
  expect(JSON.parse(cmp.request().postData() ?? "{}").load).toBe(congested.load);
  const body = (await cmp.json()) as { results: { name: string; kind: string; selected_node: number }[]; greedy: { selected_node: number } };
  const table = page.getByTestId("compare-table");
  await expect(table).toBeVisible();
  for (const r of body.results) await expect(table.locator(`tr[data-policy="${r.name}"] td`).nth(2)).toHaveText(String(r.selected_node));
  for (const m of models) await expect(table.locator(`tr[data-policy="${m}"]`)).toHaveCount(1);
  for (const b of ["greedy", "greedy_static", "jsed"]) await expect(table.locator(`tr[data-policy="${b}"]`)).toHaveCount(1);
  await expect(table.locator('tr[data-policy="greedy_oracle"]')).toHaveCount(0);
  await expect(page.getByTestId("greedy-node")).toContainText(String(body.greedy.selected_node));
  await expect(page.getByTestId("compare-chart")).toHaveAttribute("data-ready", "true");

  for (const chart of ["resource-chart", "latency-chart", "score-chart"]) await expect(page.getByTestId(chart)).toHaveAttribute("data-ready", "true");
  await page.waitForTimeout(300);
  await shot(page, "predict");

  // 200 nodes.
  await page.getByTestId("num-nodes").fill("200");
  await page.getByTestId("seed").fill("11");
  await clickAndAnswer(page, "generate", "/networks/generate");
  await expect(page.locator(topology)).toHaveAttribute("data-rendered-nodes", "200");
  await predictWith(page, models.includes("hybrid") ? "hybrid" : models[0]!);
  await elementShot(page, topology, "topology-200");

  // A pasted network: a bad one is refused with its message, a good one is drawn and placed from its source.
  await page.getByRole("tab", { name: "Paste JSON" }).click();
  const node = (t: number, cpu: number) => ({ cpu_util: cpu, mem_util: 0.3, energy: 300, latency: 5, bandwidth: 50, queue_len: 1, node_type: t });
  await page.getByTestId("paste-json").fill(JSON.stringify({ nodes: [node(0, 0.2), node(1, 0.3)], edges: [[0, 5]] }));
  await page.getByTestId("load-json").click();
  await expect(page.locator(".error-box", { hasText: "names a node that does not exist" })).toBeVisible();
  const good = {
    network_state: { nodes: [node(0, 0.2), node(0, 0.4), node(1, 0.3), node(1, 0.6), node(2, 0.5)], edges: [[0, 2], [1, 3], [2, 3], [2, 4], [3, 4]] },
    task: { source: 1, deadline_ms: 400 },
  };
  await page.getByTestId("paste-json").fill(JSON.stringify(good));
  await page.getByTestId("load-json").click();
  await expect(page.locator(topology)).toHaveAttribute("data-rendered-nodes", "5");
  await expect(page.locator(topology)).toHaveAttribute("data-rendered-edges", "5");
  const pasted = await clickAndAnswer(page, "predict", "/predict");
  expect(JSON.parse(pasted.request().postData() ?? "{}").task).toMatchObject({ source: 1, deadline_ms: 400 });
  const pred = (await pasted.json()) as { selected_node: number; task: { source: number } };
  expect(pred.task.source).toBe(1);
  await expect(page.locator(topology)).toHaveAttribute("data-highlighted-node", String(pred.selected_node));
  await expect(page.locator(topology)).toHaveAttribute("data-marked-source", "1");

  // The overview now counts these predictions, with latency.
  await page.goto("/");
  await expect(page.getByTestId("overview-latency-chart")).toHaveAttribute("data-ready", "true");
  const rows = page.getByTestId("stats-table").locator("tbody tr td:first-child");
  for (const m of models) await expect(rows.getByText(m, { exact: true })).toHaveCount(1);
  await page.waitForTimeout(300);
  await shot(page, "overview");
});
