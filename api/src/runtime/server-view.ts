/**
 * The whole server's metrics and statistics, as GET /metrics and GET /stats show them: this
 * process's own when it serves alone, every worker's together in a cluster (cluster-view.ts).
 */
import type { Metrics } from "../observability/metrics.js";
import type { StatsCollector, StatsSnapshot } from "../observability/stats.js";

export interface ServerView {
  /** Prometheus text of every process serving the port */
  metrics(): Promise<string>;
  stats(): Promise<StatsSnapshot>;
}

export function localView(metrics: Metrics, stats: StatsCollector): ServerView {
  return {
    metrics: () => metrics.registry.metrics(),
    stats: async () => stats.snapshot(),
  };
}
