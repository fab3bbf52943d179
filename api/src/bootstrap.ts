/** Wires the services an app needs from a validated config. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { API_ROOT, type Config } from "./config/env.js";
import type { AppDeps } from "./context.js";
import { localControl, type ModelControl } from "./inference/model-control.js";
import { Predictor } from "./inference/predictor.js";
import { ModelRegistry } from "./inference/registry.js";
import type { Logger } from "./observability/logger.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { Admission } from "./runtime/admission.js";
import { Lifecycle } from "./runtime/lifecycle.js";
import { localView, type ServerView } from "./runtime/server-view.js";

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(API_ROOT, "package.json"), "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export interface DepsOptions {
  defaultMetrics?: boolean;
  /** how /metrics and /stats see the whole server; default: this process alone */
  view?: (metrics: Metrics) => ServerView;
  /** how model loads and rollbacks apply; default: to this process alone */
  control?: (registry: ModelRegistry, logger: Logger) => ModelControl;
}

export function createDeps(config: Config, logger: Logger, opts: DepsOptions = {}): AppDeps {
  const admission: Admission = new Admission({
    maxQueue: config.MAX_QUEUE,
    deadlineMs: config.REQUEST_DEADLINE_MS,
    onReject: (reason) => metrics.inferenceRejected.inc({ reason }),
  });
  const registry = new ModelRegistry({
    dir: config.MODELS_DIR,
    intraOpThreads: config.ORT_INTRA_OP_THREADS,
    batchThreads: config.ORT_BATCH_THREADS,
    logger,
  });
  const metrics = createMetrics({
    defaultMetrics: opts.defaultMetrics ?? true,
    admitted: () => admission.size,
    loaded: () => registry.loadedNames().length,
  });
  const predictor = new Predictor({
    registry,
    microbatch: config.MICROBATCH,
    maxRunBatch: config.MAX_RUN_BATCH,
    admission,
    onRun: (model, ms, batch) => {
      metrics.inferenceDuration.observe({ model, kind: "onnx_run" }, ms / 1000);
      metrics.inferenceBatchSize.observe({ model }, batch);
      metrics.inferenceNetworks.inc({ model }, batch);
    },
  });
  return {
    config,
    logger,
    metrics,
    registry,
    models: (opts.control ?? localControl)(registry, logger),
    predictor,
    lifecycle: new Lifecycle(),
    server: (opts.view ?? localView)(metrics),
    version: packageVersion(),
    startedAt: Date.now(),
  };
}
