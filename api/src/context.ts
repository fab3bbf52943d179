/** What every route module receives, and the Hono environment (per-request variables). */
import type { Config } from "./config/env.js";
import type { ModelControl } from "./inference/model-control.js";
import type { ModelRegistry } from "./inference/registry.js";
import type { Predictor } from "./inference/predictor.js";
import type { Logger } from "./observability/logger.js";
import type { Metrics } from "./observability/metrics.js";
import type { Lifecycle } from "./runtime/lifecycle.js";
import type { ServerView } from "./runtime/server-view.js";

export interface AppDeps {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  registry: ModelRegistry;
  /** what this process serves: its start-up load, and the loads and rollbacks of the model routes */
  models: ModelControl;
  predictor: Predictor;
  /** draining or serving (GET /ready) */
  lifecycle: Lifecycle;
  /** metrics and stats of the whole server: every cluster worker (GET /metrics, GET /stats) */
  server: ServerView;
  version: string;
  startedAt: number;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    /** model label for metrics/stats, set by inference routes */
    model?: string;
  };
};

export const DEFAULT_MODEL = "hybrid";
