/**
 * Domain errors of inference and of the model repository. They name what went wrong in the domain's
 * terms; middleware/errors.ts is the one place that turns them into HTTP statuses and problem bodies
 * (and routes/v2/errors.ts into the Open Inference Protocol's error JSON).
 */
import type { PreparedNetwork } from "./tensors.js";

export class ModelNotFoundError extends Error {
  constructor(
    readonly model: string,
    readonly available: string[],
  ) {
    super(`unknown model '${model}'; available: ${available.join(", ") || "(none)"}`);
    this.name = "ModelNotFoundError";
  }
}

/** The model's config.json does not serve that version. */
export class VersionNotServedError extends Error {
  constructor(
    readonly model: string,
    readonly version: string,
    readonly served: number[],
  ) {
    super(`model '${model}' has no served version '${version}'; its config.json serves ${served.join(", ")}`);
    this.name = "VersionNotServedError";
  }
}

/** The model (or the version asked for) exists but is not loaded: never loaded, failed to load, or unloaded meanwhile. */
export class ModelUnavailableError extends Error {
  constructor(
    readonly model: string,
    detail: string,
  ) {
    super(detail);
    this.name = "ModelUnavailableError";
  }

  static notLoaded(model: string, version: number | null, lastError?: string): ModelUnavailableError {
    const which = version === null ? `model '${model}' is not loaded` : `version ${version} of model '${model}' is not loaded`;
    const how = version === null ? `POST /models/${model}/load` : `POST /models/${model}/versions/${version}/load`;
    return new ModelUnavailableError(model, `${which}${lastError ? ` (last load error: ${lastError})` : ""}; ${how} to load it`);
  }
}

/** A rollback with no previous version loaded. */
export class NoPreviousVersionError extends Error {
  constructor(readonly model: string) {
    super(`model '${model}' has no previous version to roll back to: load another version first`);
    this.name = "NoPreviousVersionError";
  }
}

/** Loading a model version failed; `serving` is the version that keeps answering, if any. */
export class ModelLoadFailedError extends Error {
  constructor(
    readonly model: string,
    readonly version: number | null,
    readonly reason: string,
    readonly serving: number | string | null,
  ) {
    super(
      `cannot load ${version === null ? "" : `version ${version} of `}model '${model}': ${reason}. ${serving === null ? "The model is not loaded." : `Version ${serving} keeps serving.`}`,
    );
    this.name = "ModelLoadFailedError";
  }
}

/**
 * In a cluster: the worker that got the request loaded or rolled back a model, and some other workers
 * could not follow; they keep serving what they served, until the request is repeated.
 */
export class ModelReplicationError extends Error {
  constructor(
    readonly model: string,
    readonly version: number,
    readonly failures: { worker: number; reason: string }[],
  ) {
    super(
      `model '${model}' version ${version} is active on the worker that answered, but ${failures.length} other worker(s) could not switch to it and keep serving their version: send the request again to retry`,
    );
    this.name = "ModelReplicationError";
  }
}

/** No node can take the task (every mask entry is 0). `path` locates the network in the request. */
export class NoValidNodeError extends Error {
  constructor(
    readonly path: string,
    readonly source: number,
  ) {
    super(
      `no node can take the task${path === "network_state" ? "" : ` in ${path}`}: every node is unreachable from source ${source}, overloaded (cpu_util > 0.95, backlog_ms >= 5000), short of memory or short of energy (for the compute, or at the source for the transmission)`,
    );
    this.name = "NoValidNodeError";
  }
}

/** Throws NoValidNodeError when no node of the prepared network can take its task. */
export function ensurePlaceable(prep: PreparedNetwork, path = "network_state"): void {
  if (prep.out.validCount === 0) throw new NoValidNodeError(path, prep.task.source);
}
