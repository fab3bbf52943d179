// Shared pieces of the e2e specs: where the servers started by playwright.config.ts listen, a
// check that no page logs a console error, screenshots, and direct calls to the API.
import { test as base, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT}`;
/** The dashboard whose API_URL points at a port where nothing listens. */
export const DOWN_DASHBOARD_URL = `http://127.0.0.1:${process.env.E2E_DOWN_DASHBOARD_PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS ? resolve(process.env.E2E_SCREENSHOTS) : join(ROOT, "docs", "screenshots");

export const test = base.extend<{ allowConsoleErrors: boolean; consoleErrors: string[] }>({
  allowConsoleErrors: [false, { option: true }],
  // Every test fails on a console error or an uncaught exception in the page.
  consoleErrors: [
    async ({ page, allowConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !allowConsoleErrors) errors.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`${page.url()}: uncaught ${e.message}`));
      await use(errors);
      expect(errors, "console errors or uncaught exceptions").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** A full-page screenshot into docs/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // From the top, so the sticky header is drawn where it belongs in the full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A screenshot of one element into docs/screenshots/<name>.png. */
export async function elementShot(page: Page, selector: string, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const el = page.locator(selector);
  // Fully in view below the sticky header, so the capture is not covered by it.
  await el.evaluate((e) => e.scrollIntoView({ block: "center" }));
  await page.waitForTimeout(300);
  await el.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The API's JSON answer to a request sent to it directly (not through the dashboard). */
export async function apiJson<T>(path: string, init?: RequestInit): Promise<T> {
  const r = await fetch(`${API_URL}${path}`, init);
  if (!r.ok) throw new Error(`${init?.method ?? "GET"} ${path}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Names of the models the API has loaded. */
export async function loadedModels(): Promise<string[]> {
  const list = await apiJson<{ models: { name: string; loaded: boolean }[] }>("/models");
  return list.models.filter((m) => m.loaded).map((m) => m.name);
}

/** The sideways overflow of the page in px (0 when nothing scrolls horizontally). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
