import { apiJson, expect, loadedModels, shot, test } from "./fixtures";

test("models page shows every manifest with sha256, its evaluation table and a working reload", async ({ page }) => {
  const all = (await apiJson<{ models: { name: string }[] }>("/models")).models.map((m) => m.name);
  const loaded = await loadedModels();
  await page.goto("/models");
  for (const m of all) await expect(page.getByTestId(`model-${m}`)).toBeVisible();
  for (const m of loaded) {
    const detail = await apiJson<{ sha256: string }>(`/models/${m}`);
    await expect(page.getByTestId(`model-${m}`).getByTestId("sha256")).toHaveText(detail.sha256);
  }
  const first = loaded[0]!;
  const [resp] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/api/models/${first}/load`)), page.getByTestId(`reload-${first}`).click()]);
  expect(resp.status()).toBe(200);
  const reloaded = (await resp.json()) as { model: { version: string } };
  await expect(page.getByTestId(`model-${first}`).locator(".badge.ok", { hasText: "Reloaded" })).toHaveText(`Reloaded from disk: version ${reloaded.model.version}.`);
  await expect(page.getByTestId("manifest-detail").getByTestId("model-eval-table").locator("tbody tr").first()).toBeVisible();
  await shot(page, "models");

  // a distilled model's manifest says which of its candidate training seeds validation published
  const selected = [];
  for (const m of loaded) {
    const sel = (await apiJson<{ manifest: { training?: { seed_selection?: { seeds: number[]; chosen: number } } } }>(`/models/${m}`)).manifest.training?.seed_selection;
    if (sel) selected.push({ m, sel });
  }
  expect(selected.length).toBeGreaterThan(0);
  for (const { m, sel } of selected) {
    await page.getByTestId(`details-${m}`).click();
    await expect(page.getByTestId("manifest-detail")).toContainText(`seed ${sel.chosen} of ${sel.seeds.join(", ")}, chosen on validation networks`);
  }
});
