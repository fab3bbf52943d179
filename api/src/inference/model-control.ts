/**
 * Which versions a process serves: its start-up load, and the loads and rollbacks the model routes ask
 * for. A single process applies them to its registry (localControl). In a cluster every worker has its own
 * registry and all must serve the same versions: runtime/cluster-models.ts applies an operation on the
 * worker that got the request, then has every other worker converge() to the state that worker reached.
 */
import type { Logger } from "pino";
import { ModelLoadFailedError } from "./errors.js";
import type { LoadedModel } from "./loaded-model.js";
import type { ModelRegistry } from "./registry.js";

export interface ModelControl {
  /** Start-up: every model's default version, then (in a cluster) whatever the other workers serve. */
  loadServed(): Promise<void>;
  /** Load a version (default: config.json's default_version) and make it active. */
  load(name: string, version?: number): Promise<LoadedModel>;
  /** Swap the active and the previous version. */
  rollback(name: string): Promise<{ active: LoadedModel; previous: LoadedModel }>;
}

/** One loaded version, as another process can check it: the same version number and the same graph bytes. */
export interface VersionRef {
  version: number;
  sha256: string;
}

/** What serves one model: the active version and the previous one kept for a rollback. */
export interface ServedState {
  name: string;
  active: VersionRef;
  previous: VersionRef | null;
}

const ref = (m: LoadedModel | undefined): VersionRef | null => (m ? { version: m.version, sha256: m.sha256 } : null);
const same = (m: LoadedModel | undefined, r: VersionRef): boolean => m?.version === r.version && m.sha256 === r.sha256;

export function servedState(registry: ModelRegistry, name: string): ServedState | undefined {
  const active = ref(registry.get(name));
  return active ? { name, active, previous: ref(registry.previous(name)) } : undefined;
}

/** Load every model's default version; failures are logged and remembered by the registry. */
export async function loadDefaults(registry: ModelRegistry, logger: Logger): Promise<void> {
  const { loaded, failed } = await registry.loadAll();
  if (loaded.length === 0) {
    logger.warn({ dir: registry.repository.dir, failed }, "no model loaded: /ready answers 503 and inference routes 404/503");
  } else {
    logger.info({ loaded, failed }, "models loaded");
  }
}

export function localControl(registry: ModelRegistry, logger: Logger): ModelControl {
  return {
    loadServed: () => loadDefaults(registry, logger),
    load: (name, version) => registry.load(name, version),
    rollback: (name) => registry.rollback(name),
  };
}

/**
 * Bring the registry's model to `target` with the registry's own operations: a rollback when the two
 * versions are swapped, else a load of the previous version (if it is not already active) and then of the
 * active one, which leaves exactly `target` (a load keeps the version it replaces as the previous one).
 * Throws when the files on disk are not the ones `target` names.
 */
export async function converge(registry: ModelRegistry, target: ServedState): Promise<void> {
  const { name, active, previous } = target;
  // Without a previous version in `target` (its first load failed on the worker that set it), any will do.
  const at = () => same(registry.get(name), active) && (previous === null || same(registry.previous(name), previous));
  if (at()) return;
  if (previous && same(registry.get(name), previous) && same(registry.previous(name), active)) {
    await registry.rollback(name);
    return;
  }
  if (previous && !same(registry.get(name), previous)) await registry.load(name, previous.version);
  await registry.load(name, active.version);
  if (at()) return;
  const serving = registry.get(name)?.version ?? null;
  throw new ModelLoadFailedError(name, active.version, `the files on disk are not the ones the other workers loaded (sha256 ${active.sha256.slice(0, 12)}...)`, serving);
}
