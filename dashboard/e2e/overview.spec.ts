import { apiJson, expect, loadedModels, shot, test } from "./fixtures";

test("overview shows API health, models and live stats", async ({ page }) => {
  const models = await loadedModels();
  await page.goto("/");
  await expect(page.getByTestId("api-status")).toHaveAttribute("data-state", "up");
  for (const m of models) await expect(page.getByTestId("models-table").getByText(m, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("stats-table")).toBeVisible();
  await expect(page.getByTestId("api-banner")).toHaveCount(0);
  // The readiness probe's 503s from start-up (the webServer waited on /ready) are not errors.
  await expect(page.getByTestId("kpi-status")).toContainText("ready: models loaded");
  const stats = await apiJson<{ routes: Record<string, { requests: number; errors: number }> }>("/stats");
  const readyRow = page.getByTestId("routes-table").locator("tr", { hasText: "GET /ready" });
  await expect(readyRow).toBeVisible();
  const notReady = stats.routes["GET /ready"]?.errors ?? 0;
  await expect(readyRow.locator("td").nth(2)).toHaveText(notReady > 0 ? `0 (${notReady} not ready)` : "0");
});
