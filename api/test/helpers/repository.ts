/** Temporary model repositories for tests: copies of the committed models and test-only extra versions. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
 * Copy the committed default version of model `from` into repository `dir` as version `version` of model `name`
 * (the manifest renamed to match), and serve it; config.json's default stays as it was, or is `version` for a new model.
 */
export function addVersion(dir: string, name: string, version: number, from: string): void {
  const src = join(DEFAULT_MODELS_DIR, from, String(repositoryConfig(from).default_version));
  const dst = join(dir, name, String(version));
  mkdirSync(dst, { recursive: true });
  copyFileSync(join(src, "model.onnx"), join(dst, "model.onnx"));
  writeFileSync(join(dst, "manifest.json"), JSON.stringify({ ...readJson(join(src, "manifest.json")), name, version }, null, 2));
  const configPath = join(dir, name, "config.json");
  const config = existsSync(configPath) ? (readJson(configPath) as { versions: number[]; default_version: number }) : { versions: [], default_version: version };
  const versions = [...new Set([...config.versions, version])].sort((a, b) => a - b);
  writeFileSync(configPath, JSON.stringify({ name, versions, default_version: config.default_version }));
}

/**
 * A fresh repository serving each given model's committed default version (the weights models/fixtures/<name>.json
 * were made from) as its only version, numbered `version`: a fixed starting point for tests that add versions of
 * their own, whatever versions the committed repository serves.
 */
export function tempRepositoryAt(models: string[], version: number): string {
  const dir = tempDir("api-repo-");
  for (const name of models) addVersion(dir, name, version, name);
  return dir;
}
