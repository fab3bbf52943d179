/**
 * Which version of each model serves: the active one, and the previous one kept loaded so a rollback is
 * one swap without touching the disk. Loads and rollbacks of a model run one at a time; a failed load
 * leaves the serving versions in place. Files come from ModelRepository, sessions from openModel.
 */
import type { Logger } from "pino";
import { ModelLoadFailedError, ModelNotFoundError, NoPreviousVersionError, VersionNotServedError } from "./errors.js";
import type { LoadedModel } from "./loaded-model.js";
import { ModelRepository, type ModelConfig } from "./repository.js";
import { openModel, type SessionOptions } from "./session.js";

export interface ModelStatus {
  name: string;
  loaded: boolean;
  active_version: number | null;
  previous_version: number | null;
  /** the versions config.json serves (empty if it cannot be read) */
  versions: number[];
  default_version: number | null;
  last_error?: string;
}

export interface RegistryOptions {
  dir: string;
  intraOpThreads: number;
  /** intra-op threads for large runs (batches); <= intraOpThreads disables the second session */
  batchThreads?: number;
  logger: Logger;
}

interface Slot {
  active: LoadedModel;
  previous?: LoadedModel;
}

export class ModelRegistry {
  readonly repository: ModelRepository;
  private readonly slots = new Map<string, Slot>();
  private readonly configs = new Map<string, ModelConfig>();
  private readonly errors = new Map<string, string>();
  /** the tail of each model's queue of loads and rollbacks */
  private readonly queues = new Map<string, Promise<unknown>>();
  private known: string[] = [];
  /** true once the start-up loadAll() has finished (successfully or not) */
  initialLoadDone = false;
  private readonly log: Logger;
  private readonly sessionOptions: SessionOptions;

  constructor(opts: RegistryOptions) {
    this.repository = new ModelRepository(opts.dir);
    this.log = opts.logger;
    this.sessionOptions = { intraOpThreads: opts.intraOpThreads, batchThreads: opts.batchThreads ?? 0 };
  }

  /** Re-read the repository: model names and their config.json (a broken one is remembered as the error). */
  async scan(): Promise<string[]> {
    this.known = await this.repository.names();
    for (const name of this.configs.keys()) if (!this.known.includes(name)) this.configs.delete(name);
    for (const name of this.known) {
      try {
        this.configs.set(name, await this.repository.config(name));
      } catch (e) {
        this.configs.delete(name);
        this.errors.set(name, (e as Error).message);
      }
    }
    return this.known;
  }

  /** Every known model name: in the repository or loaded. */
  names(): string[] {
    return [...new Set([...this.known, ...this.slots.keys()])].sort();
  }

  loadedNames(): string[] {
    return [...this.slots.keys()].sort();
  }

  isKnown(name: string): boolean {
    return this.slots.has(name) || this.known.includes(name);
  }

  /** The active version of a model. */
  get(name: string): LoadedModel | undefined {
    return this.slots.get(name)?.active;
  }

  /** The previous version, kept loaded for a rollback. */
  previous(name: string): LoadedModel | undefined {
    return this.slots.get(name)?.previous;
  }

  /** A loaded version (active or previous). */
  getVersion(name: string, version: number): LoadedModel | undefined {
    const slot = this.slots.get(name);
    if (slot?.active.version === version) return slot.active;
    if (slot?.previous?.version === version) return slot.previous;
    return undefined;
  }

  /** The versions a model's config.json serves, or why none is known. */
  served(name: string): number[] {
    return this.configs.get(name)?.versions ?? [];
  }

  status(name: string): ModelStatus {
    const slot = this.slots.get(name);
    const config = this.configs.get(name);
    const err = this.errors.get(name);
    return {
      name,
      loaded: !!slot,
      active_version: slot?.active.version ?? null,
      previous_version: slot?.previous?.version ?? null,
      versions: config?.versions ?? [],
      default_version: config?.default_version ?? null,
      ...(err ? { last_error: err } : {}),
    };
  }

  /** Load the default version of every model; failures are logged and remembered, never thrown. */
  async loadAll(): Promise<{ loaded: string[]; failed: Record<string, string> }> {
    await this.scan();
    const failed: Record<string, string> = {};
    for (const name of this.known) {
      try {
        await this.load(name);
      } catch (e) {
        failed[name] = e instanceof ModelLoadFailedError ? e.reason : (e as Error).message;
      }
    }
    this.initialLoadDone = true;
    return { loaded: this.loadedNames(), failed };
  }

  /** Run fn after every earlier load or rollback of the same model. */
  private serial<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(name) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(name, tail);
    void tail.then(() => {
      if (this.queues.get(name) === tail) this.queues.delete(name);
    });
    return run;
  }

  /**
   * Load a version (default: config.json's default_version) from disk and make it the active one; the
   * version it replaces becomes the previous one. Reloading the active version keeps the previous one.
   */
  load(name: string, version?: number): Promise<LoadedModel> {
    return this.serial(name, () => this.doLoad(name, version));
  }

  private async doLoad(name: string, requested?: number): Promise<LoadedModel> {
    const started = performance.now();
    await this.scan();
    if (!this.known.includes(name)) throw new ModelNotFoundError(name, this.names());
    const config = this.configs.get(name);
    const version = requested ?? config?.default_version;
    const serving = this.slots.get(name)?.active.version ?? null;
    if (!config || version === undefined) {
      throw new ModelLoadFailedError(name, requested ?? null, this.errors.get(name) ?? "no config.json", serving);
    }
    if (!config.versions.includes(version)) throw new VersionNotServedError(name, String(version), config.versions);
    let model: LoadedModel;
    try {
      model = await openModel(name, version, await this.repository.read(name, version), this.sessionOptions);
    } catch (e) {
      const reason = (e as Error).message;
      this.errors.set(name, reason);
      this.log.warn({ model: name, version, reason, serving }, "model load failed");
      throw new ModelLoadFailedError(name, version, reason, serving);
    }
    const old = this.slots.get(name);
    if (!old) {
      this.slots.set(name, { active: model });
    } else if (old.active.version === version) {
      old.active.retire();
      this.slots.set(name, { active: model, ...(old.previous ? { previous: old.previous } : {}) });
    } else {
      old.previous?.retire();
      this.slots.set(name, { active: model, previous: old.active });
    }
    this.errors.delete(name);
    this.log.info(
      { model: name, version, previous: this.slots.get(name)?.previous?.version ?? null, sha256: model.sha256, ms: Math.round(performance.now() - started) },
      "model version loaded",
    );
    return model;
  }

  /** Swap the active and the previous version: no disk access, so it cannot fail half-way. */
  rollback(name: string): Promise<{ active: LoadedModel; previous: LoadedModel }> {
    return this.serial(name, async () => {
      const slot = this.slots.get(name);
      if (!slot) {
        if (!this.isKnown(name)) throw new ModelNotFoundError(name, this.names());
        throw new NoPreviousVersionError(name);
      }
      if (!slot.previous) throw new NoPreviousVersionError(name);
      const swapped = { active: slot.previous, previous: slot.active };
      this.slots.set(name, swapped);
      this.log.info({ model: name, version: swapped.active.version, from: swapped.previous.version }, "model rolled back");
      return swapped;
    });
  }

  async close(): Promise<void> {
    const all = [...this.slots.values()].flatMap((s) => (s.previous ? [s.active, s.previous] : [s.active]));
    this.slots.clear();
    await Promise.all(all.map((m) => m.release()));
  }
}
