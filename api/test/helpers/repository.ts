/** Temporary model repositories for tests: copies of the committed models and test-only extra versions. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { copyModel } from "./fixtures.js";

/** A fresh repository directory holding copies of the given models. */
export function tempRepository(models: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "api-repo-"));
  for (const m of models) copyModel(m, dir);
  return dir;
}

export const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

/**
 * Add `version` to model `name` of repository `dir`: the graph of `from`'s version 1 with a manifest
 * renamed to `name`/`version`, and serve it (config.json's default stays as it was).
 */
export function addVersion(dir: string, name: string, version: number, from: string): void {
  const src = join(DEFAULT_MODELS_DIR, from, "1");
  const dst = join(dir, name, String(version));
  mkdirSync(dst, { recursive: true });
  copyFileSync(join(src, "model.onnx"), join(dst, "model.onnx"));
  writeFileSync(join(dst, "manifest.json"), JSON.stringify({ ...readJson(join(src, "manifest.json")), name, version }, null, 2));
  const configPath = join(dir, name, "config.json");
  const config = readJson(configPath) as { versions: number[] };
  writeFileSync(configPath, JSON.stringify({ ...config, versions: [...new Set([...config.versions, version])].sort((a, b) => a - b) }));
}
