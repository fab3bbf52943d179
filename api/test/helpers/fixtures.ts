/** Access to the models engineer's artefacts: the model repository (models/repository) and models/fixtures cases. */
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MODELS_DIR, REPO_ROOT } from "../../src/config/env.js";
import type { NetworkState } from "../../src/simulation/types.js";

export const FIXTURES_DIR = join(REPO_ROOT, "models", "fixtures");

export interface FixtureCase {
  description?: string;
  request: { network_state: NetworkState; task?: Record<string, number>; load?: number };
  /** the exact inputs fed to the graph, batch of 1 */
  tensors: {
    x: number[][][];
    parent: number[][];
    edge_attr: number[][][];
    mask: number[][];
    link_index: number[][];
    link_attr: number[][];
  };
  expected: {
    scores: number[][];
    probs: number[][];
    value?: number[] | null;
    selected_node: number;
  };
}

export interface Fixture {
  model: string;
  cases: FixtureCase[];
}

/** Model names of the repository: directories with a config.json. */
export function exportedModels(dir = DEFAULT_MODELS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "config.json")))
    .sort();
}

/** Copy a model of the repository (config.json and every version) into another repository directory. */
export function copyModel(name: string, to: string): void {
  cpSync(join(DEFAULT_MODELS_DIR, name), join(to, name), { recursive: true });
}

/** Model fixture files: models/fixtures/<model>.json shaped {model, cases} (networks.json, simulation.json and episodes.json are not). */
export function fixtureNames(): string[] {
  if (!existsSync(FIXTURES_DIR)) return [];
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".json") && f !== "networks.json")
    .map((f) => f.replace(/\.json$/, ""))
    .filter((name) => {
      try {
        const doc = JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), "utf8")) as Partial<Fixture>;
        return typeof doc.model === "string" && Array.isArray(doc.cases);
      } catch {
        return false;
      }
    })
    .sort();
}

/** models/fixtures/networks.json: networks drawn by the Python generator, [{num_nodes, seed, network_state}]. */
export function networkFixture(): { num_nodes: number; seed: number; network_state: NetworkState }[] {
  const p = join(FIXTURES_DIR, "networks.json");
  if (!existsSync(p)) return [];
  const doc = JSON.parse(readFileSync(p, "utf8")) as unknown;
  const list = Array.isArray(doc) ? doc : ((doc as { networks?: unknown[]; cases?: unknown[] }).networks ?? (doc as { cases?: unknown[] }).cases ?? []);
  return list as { num_nodes: number; seed: number; network_state: NetworkState }[];
}

export function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), "utf8")) as Fixture;
}

/** Strip a leading batch dimension of 1 if the fixture stores [1, N, ...]. */
export function unbatch<T>(v: T[] | T[][]): T[] {
  return Array.isArray(v[0]) && (v as T[][]).length === 1 && Array.isArray((v as T[][])[0]) ? ((v as T[][])[0] as T[]) : (v as T[]);
}

export function flat(v: unknown): number[] {
  const out: number[] = [];
  const walk = (a: unknown) => {
    if (Array.isArray(a)) a.forEach(walk);
    else out.push(a as number);
  };
  walk(v);
  return out;
}

export const HAS_MODELS = exportedModels().length > 0;
export const HAS_FIXTURES = fixtureNames().length > 0;
