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
  // each card says where its model stands against greedy: cells of its evaluation by the interval of the difference
  for (const m of loaded) {
    const rows = (await apiJson<{ manifest: { evaluation?: { results?: { policy: string; diff_vs_greedy: number[] }[] } } }>(`/models/${m}`)).manifest.evaluation?.results ?? [];
    const own = rows.filter((r) => r.policy === m);
    const counts = { better: own.filter((r) => r.diff_vs_greedy[1]! > 0).length, worse: own.filter((r) => r.diff_vs_greedy[2]! < 0).length };
    const tie = own.length - counts.better - counts.worse;
    const standing = page.getByTestId(`model-${m}`).getByTestId(`standing-${m}`);
    await expect(standing).toContainText(`of ${own.length} cells`);
    for (const [kind, k] of [...Object.entries(counts), ["indistinct", tie] as const]) {
      if (k > 0) await expect(standing).toContainText(new RegExp(`${kind}( than greedy| from greedy)? in ${k}\\b`));
    }
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
