// Global teardown: the dashboard server must have logged no error (no SSR or proxy failure)
// while the specs ran; playwright.config.ts sends its stderr to this file.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const LOG = join(dirname(fileURLToPath(import.meta.url)), ".tmp", "dashboard.stderr.log");

export default function checkServerLog(): void {
  if (!existsSync(LOG)) return;
  const lines = readFileSync(LOG, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  if (lines.length) throw new Error(`the dashboard server logged ${lines.length} error line(s):\n${lines.slice(0, 10).join("\n")}`);
}
