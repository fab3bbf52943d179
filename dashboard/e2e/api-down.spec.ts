import { DOWN_DASHBOARD_URL, expect, shot, test } from "./fixtures";

// The browser logs the proxy's 502 answers as failed resources: expected here. Uncaught
// exceptions still fail the test.
test.use({ allowConsoleErrors: true });

test("a clear banner when the API is down, and the page still renders", async ({ page }) => {
  await page.goto(`${DOWN_DASHBOARD_URL}/`);
  await expect(page.getByTestId("api-banner")).toContainText("unreachable");
  await expect(page.locator("h1", { hasText: "Overview" })).toBeVisible();
  await expect(page.getByTestId("api-status")).toHaveAttribute("data-state", "down");
  await shot(page, "api-down");
});
