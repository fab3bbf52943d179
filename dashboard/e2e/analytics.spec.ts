import { apiJson, expect, shot, test } from "./fixtures";

interface Report {
  episodes: number;
  results: { policy: string; kind: string; num_nodes: number; load: number; episodes: number }[];
  ablations: { policy: string; variant: string }[];
}

test("analytics shows the difference vs greedy with CI error bars, the tables, the ablations and distinct training curves", async ({ page }) => {
  const report = await apiJson<Report>("/evaluation");
  // One served prediction, so the live latency chart has something to show.
  const { network_state } = await apiJson<{ network_state: unknown }>("/networks/generate", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ num_nodes: 10, seed: 1 }),
  });
  await apiJson("/predict", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ network_state }) });
  await page.goto("/analytics");
  const diff = page.getByTestId("diff-chart");
  await expect(diff).toHaveAttribute("data-ready", "true");
  expect(await diff.locator("g.errorbar").count(), "error bars on the difference chart").toBeGreaterThan(0);
  await expect(page.getByTestId("eval-explainer")).toContainText("Greedy = 0");

  const learned = [...new Set(report.results.filter((r) => r.kind === "learned").map((r) => r.policy))];
  const main = ["greedy", "planner", "greedy_static", "jsed"].filter((p) => report.results.some((r) => r.policy === p));
  const legend = await diff.locator(".legendtext").allTextContents();
  for (const p of [...learned, ...main]) expect(legend, `${p} in the legend`).toContain(p);
  const loads = [...new Set(report.results.map((r) => r.load))];
  const panels = await diff.locator(".annotation-text").allTextContents();
  for (const l of loads) expect(panels).toContain(`load ${l}`);
  const sizes = [...new Set(report.results.map((r) => r.num_nodes))];
  const ticks = await diff.locator(".xtick text").allTextContents();
  for (const n of sizes) expect(ticks).toContain(String(n));

  // The table at the first size and the middle load lists exactly the report's policies there.
  const size = Math.min(...sizes);
  const load = [...loads].sort((a, b) => a - b)[Math.floor(loads.length / 2)]!;
  const expected = report.results.filter((r) => r.num_nodes === size && r.load === load).map((r) => r.policy);
  const rows = page.getByTestId("eval-table").locator("tbody tr");
  await expect(rows).toHaveCount(expected.length);
  expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-policy")))).sort()).toEqual([...expected].sort());
  if (report.ablations.length) await expect(page.getByTestId("ablation-table").locator("tbody tr")).toHaveCount(report.ablations.length);
  if (report.results.some((r) => r.episodes < report.episodes)) await expect(page.getByTestId("fewer-episodes")).toBeVisible();

  for (const chart of ["deadline-chart", "latency-scaling-chart", "live-latency-chart"]) await expect(page.getByTestId(chart)).toHaveAttribute("data-ready", "true");
  // Training curves: one panel per model with a curve, each line in its own dash.
  const training = page.getByTestId("training-chart");
  await expect(training).toHaveAttribute("data-ready", "true");
  const titles = await training.locator(".annotation-text").allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const m of titles) expect(learned).toContain(m);
  const dashes = await training.locator(".scatterlayer .trace .js-line").evaluateAll((ls) => ls.map((l) => l.getAttribute("style")?.match(/stroke-dasharray: ([^;]*)/)?.[1] ?? "solid"));
  expect(new Set(dashes).size, `dash styles ${dashes.join(" | ")}`).toBe(titles.length);
  await page.waitForTimeout(300);
  await shot(page, "analytics");
});
