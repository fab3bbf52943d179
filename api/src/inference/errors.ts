/**
 * Domain errors of inference. They name what went wrong in the domain's terms; middleware/errors.ts
 * is the one place that turns them into HTTP statuses and problem bodies.
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

/** The model exists on disk but is not loaded (never loaded, failed to load, or unloaded meanwhile). */
export class ModelUnavailableError extends Error {
  constructor(
    readonly model: string,
    detail: string,
  ) {
    super(detail);
    this.name = "ModelUnavailableError";
  }
}

/** Reloading a model failed; `serving` is the version that keeps answering, if any. */
export class ModelLoadFailedError extends Error {
  constructor(
    readonly model: string,
    readonly reason: string,
    readonly serving: string | null,
  ) {
    super(`model '${model}' could not be loaded: ${reason}. ${serving ? `Version ${serving} keeps serving.` : "The model is not loaded."}`);
    this.name = "ModelLoadFailedError";
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
