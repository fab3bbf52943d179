import { API_URL, expect, shot, test } from "./fixtures";

test("about page links the Swagger UI and lists the endpoints", async ({ page }) => {
  await page.goto("/about");
  await expect(page.getByTestId("swagger-link")).toHaveAttribute("href", `${API_URL}/docs`);
  const paths = page.getByTestId("endpoint-table").locator("tbody td.mono");
  await expect(paths.first()).toBeVisible();
  const shown = await paths.allTextContents();
  for (const p of ["/predict", "/compare", "/networks/generate", "/stats"]) expect(shown).toContain(p);
  await shot(page, "about");
});
