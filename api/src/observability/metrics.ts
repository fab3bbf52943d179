/**
 * Prometheus metrics (prom-client) on a registry owned by the app instance, so several apps
 * (tests) never collide on the global registry. Names follow Prometheus conventions: the
 * `edge_placement_` namespace, base units (seconds), `_total` on counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Namespace of the service's own metrics (Node's process metrics keep their standard names). */
export const METRIC_PREFIX = "edge_placement_";

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status" | "model">;
  httpDuration: Histogram<"method" | "route" | "status" | "model">;
  inferenceDuration: Histogram<"model" | "kind">;
  inferenceNetworks: Counter<"model">;
  inferenceBatchSize: Histogram<"model">;
  modelsLoaded: Gauge;
  modelReloads: Counter<"model" | "result">;
  inferenceRejected: Counter<"reason">;
  inferenceAdmitted: Gauge;
}

export interface MetricsOptions {
  defaultMetrics?: boolean;
  /** inference requests admitted right now, read at each scrape */
  admitted?: () => number;
  /** models with a version loaded, read at each scrape */
  loaded?: () => number;
}

export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "edge-placement-api" });
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const seconds = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1];
  return {
    registry,
    httpRequests: new Counter({
      name: `${METRIC_PREFIX}http_requests_total`,
      help: "HTTP requests by route template, method, status and model",
      labelNames: ["method", "route", "status", "model"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: "HTTP request duration in seconds",
      labelNames: ["method", "route", "status", "model"],
      buckets: seconds,
      registers: [registry],
    }),
    inferenceDuration: new Histogram({
      name: `${METRIC_PREFIX}inference_duration_seconds`,
      help: "ONNX session run duration in seconds (one run may serve many networks)",
      labelNames: ["model", "kind"],
      buckets: seconds,
      registers: [registry],
    }),
    inferenceNetworks: new Counter({
      name: `${METRIC_PREFIX}inference_networks_total`,
      help: "Networks scored, by model",
      labelNames: ["model"],
      registers: [registry],
    }),
    inferenceBatchSize: new Histogram({
      name: `${METRIC_PREFIX}inference_batch_size`,
      help: "Networks per ONNX run",
      labelNames: ["model"],
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers: [registry],
    }),
    modelsLoaded: new Gauge({
      name: `${METRIC_PREFIX}models_loaded`,
      help: "Models currently loaded (in a cluster: the fewest any worker has)",
      registers: [registry],
      aggregator: "min",
      collect() {
        if (opts.loaded) this.set(opts.loaded());
      },
    }),
    modelReloads: new Counter({
      name: `${METRIC_PREFIX}model_reloads_total`,
      help: "Model (re)load attempts by result",
      labelNames: ["model", "result"],
      registers: [registry],
    }),
    inferenceRejected: new Counter({
      name: `${METRIC_PREFIX}inference_rejected_total`,
      help: "Inference requests answered 503 by admission control: queue_full (MAX_QUEUE) or deadline (REQUEST_DEADLINE_MS)",
      labelNames: ["reason"],
      registers: [registry],
    }),
    inferenceAdmitted: new Gauge({
      name: `${METRIC_PREFIX}inference_admitted`,
      help: "Inference requests admitted and not finished (queued or running), at most MAX_QUEUE per worker",
      registers: [registry],
      collect() {
        if (opts.admitted) this.set(opts.admitted());
      },
    }),
  };
}
