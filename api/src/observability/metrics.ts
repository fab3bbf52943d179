/**
 * Prometheus metrics (prom-client) on a registry owned by the app instance, so several apps
 * (tests) never collide on the global registry.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status" | "model">;
  httpDuration: Histogram<"method" | "route" | "status">;
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
}

export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "edge-placement-api" });
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const ms = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 250, 1000];
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests by route template, method, status and model",
      labelNames: ["method", "route", "status", "model"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_ms",
      help: "HTTP request duration in milliseconds",
      labelNames: ["method", "route", "status"],
      buckets: ms,
      registers: [registry],
    }),
    inferenceDuration: new Histogram({
      name: "inference_duration_ms",
      help: "ONNX session run duration in milliseconds (one run may serve many networks)",
      labelNames: ["model", "kind"],
      buckets: ms,
      registers: [registry],
    }),
    inferenceNetworks: new Counter({
      name: "inference_networks_total",
      help: "Networks scored, by model",
      labelNames: ["model"],
      registers: [registry],
    }),
    inferenceBatchSize: new Histogram({
      name: "inference_batch_size",
      help: "Networks per ONNX run",
      labelNames: ["model"],
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers: [registry],
    }),
    modelsLoaded: new Gauge({ name: "models_loaded", help: "Models currently loaded", registers: [registry] }),
    modelReloads: new Counter({
      name: "model_reloads_total",
      help: "Model (re)load attempts by result",
      labelNames: ["model", "result"],
      registers: [registry],
    }),
    inferenceRejected: new Counter({
      name: "inference_rejected_total",
      help: "Inference requests answered 503 by admission control: queue_full (MAX_QUEUE) or deadline (REQUEST_DEADLINE_MS)",
      labelNames: ["reason"],
      registers: [registry],
    }),
    inferenceAdmitted: new Gauge({
      name: "inference_admitted",
      help: "Inference requests admitted and not finished (queued or running), at most MAX_QUEUE per worker",
      registers: [registry],
      collect() {
        if (opts.admitted) this.set(opts.admitted());
      },
    }),
  };
}
