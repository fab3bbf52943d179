/**
 * The whole server's metrics, as GET /metrics and GET /stats show them: this process's own when it
 * serves alone, every worker's together in a cluster (cluster-view.ts).
 */
import type { MetricObjectWithValues, MetricValue } from "prom-client";
import type { Metrics } from "../observability/metrics.js";

export type MetricsJSON = MetricObjectWithValues<MetricValue<string>>[];

export interface ServerView {
  /** Prometheus text of every process serving the port */
  metrics(): Promise<string>;
  /** the same metrics as prom-client JSON (GET /stats summarises them) */
  metricsJSON(): Promise<MetricsJSON>;
}

export function localView(metrics: Metrics): ServerView {
  return {
    metrics: () => metrics.registry.metrics(),
    metricsJSON: async () => (await metrics.registry.getMetricsAsJSON()) as MetricsJSON,
  };
}
