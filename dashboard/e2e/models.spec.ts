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
});
