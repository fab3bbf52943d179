/** Temporary model repositories for tests: copies of the committed models and test-only extra versions. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { copyModel } from "./fixtures.js";
import { tempDir } from "./temp.js";

/** A fresh repository directory holding copies of the given models. */
export function tempRepository(models: string[] = []): string {
  const dir = tempDir("api-repo-");
  for (const m of models) copyModel(m, dir);
  return dir;
}

export const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

/** What config.json of model `name` says: the served versions and the default one (the committed repository's by default). */
export function repositoryConfig(name: string, dir = DEFAULT_MODELS_DIR): { versions: number[]; default_version: number } {
  return readJson(join(dir, name, "config.json")) as { versions: number[]; default_version: number };
}

/**
 * A fresh repository serving only `version` of each given model, as its default: a fixed starting point for tests that
 * add versions of their own, whatever versions the committed repository serves.
 */
export function tempRepositoryAt(models: string[], version: number): string {
  const dir = tempDir("api-repo-");
  for (const name of models) {
    mkdirSync(join(dir, name, String(version)), { recursive: true });
    for (const file of ["model.onnx", "manifest.json"]) {
      copyFileSync(join(DEFAULT_MODELS_DIR, name, String(version), file), join(dir, name, String(version), file));
    }
    writeFileSync(join(dir, name, "config.json"), JSON.stringify({ name, versions: [version], default_version: version }));
  }
  return dir;
}

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
