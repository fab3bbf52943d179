import { expect, horizontalOverflow, loadedModels, shot, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

test("pages work on a narrow (390 px) screen", async ({ page }) => {
  for (const path of ["/", "/predict", "/simulate", "/analytics", "/models", "/about"]) {
    await page.goto(path);
    await page.waitForTimeout(400);
    expect(await horizontalOverflow(page), `${path} scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
  }
  await page.goto("/predict");
  await page.getByTestId("num-nodes").fill("30");
  await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/networks/generate")), page.getByTestId("generate").click()]);
  await expect(page.getByTestId("topology")).toHaveAttribute("data-rendered-nodes", "30");
  const model = (await loadedModels())[0]!;
  await page.getByTestId("model-select").selectOption(model);
  const [resp] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/predict")), page.getByTestId("predict").click()]);
  const pred = (await resp.json()) as { selected_node: number };
  await expect(page.getByTestId("topology")).toHaveAttribute("data-highlighted-node", String(pred.selected_node));
  await page.waitForTimeout(300);
  await shot(page, "predict-mobile");
});

test("the mobile nav shows that it scrolls, and every link can be reached", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByTestId("nav");
  // More links to the right than fit: a fade with a chevron says so.
  await expect(nav).toHaveAttribute("data-more-right", "true");
  await expect(nav.locator(".nav-more.right")).toBeVisible();
  // Scrolled to the end, the last link is fully visible and the hint moves to the left.
  await nav.locator("nav").evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: "instant" }));
  await expect(nav).toHaveAttribute("data-more-right", "false");
  await expect(nav).toHaveAttribute("data-more-left", "true");
  const last = nav.getByRole("link", { name: "About / API" });
  const [box, navBox] = [await last.boundingBox(), await nav.boundingBox()];
  expect(box!.x + box!.width).toBeLessThanOrEqual(navBox!.x + navBox!.width + 1);
  // The current page's link is scrolled into view.
  await last.click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(nav.getByRole("link", { name: "About / API" })).toBeInViewport({ ratio: 0.95 });
});
