/**
 * GET /metrics and GET /stats in a cluster: the worker that gets the request asks the primary, which
 * gathers every worker's metrics over IPC and answers with their aggregate, made by prom-client's
 * AggregatorRegistry (counters and histograms summed per label set): as Prometheus text for /metrics,
 * as JSON for /stats (which summarises it).
 */
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry } from "prom-client";
import type { Metrics } from "../observability/metrics.js";
import type { MetricsJSON, ServerView } from "./server-view.js";

type Kind = "metrics" | "json";
const VIEW_REQ = "edge:view-req";
const VIEW_RES = "edge:view-res";
const STATS_REQ = "edge:stats-req";
const STATS_RES = "edge:stats-res";
/** A worker that does not answer in this time (it died) is left out of the aggregate. */
const GATHER_TIMEOUT_MS = 2_000;

interface ViewRequest {
  type: typeof VIEW_REQ;
  id: number;
  kind: Kind;
}
interface ViewResponse {
  type: typeof VIEW_RES;
  id: number;
  value?: unknown;
  error?: string;
}
interface StatsRequest {
  type: typeof STATS_REQ;
  id: number;
}
interface StatsResponse {
  type: typeof STATS_RES;
  id: number;
  state: MetricsJSON;
}

const isMessage = <T extends { type: string }>(m: unknown, type: T["type"]): m is T =>
  typeof m === "object" && m !== null && (m as { type?: unknown }).type === type;

/** In the primary: answer workers' view requests with the cluster's aggregate. */
export function servePrimaryViews(): void {
  const aggregator = new AggregatorRegistry();
  let nextStats = 0;
  const pendingStats = new Map<number, (state: MetricsJSON) => void>();

  const gatherJSON = async (): Promise<MetricsJSON[]> => {
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w.isConnected());
    return Promise.all(
      workers.map(
        (w) =>
          new Promise<MetricsJSON | undefined>((resolve) => {
            const id = nextStats++;
            const timer = setTimeout(() => {
              pendingStats.delete(id);
              resolve(undefined);
            }, GATHER_TIMEOUT_MS);
            pendingStats.set(id, (state) => {
              clearTimeout(timer);
              pendingStats.delete(id);
              resolve(state);
            });
            w.send({ type: STATS_REQ, id } satisfies StatsRequest);
          }),
      ),
    ).then((states) => states.filter((s): s is MetricsJSON => !!s));
  };

  cluster.on("message", (worker: Worker, m: unknown) => {
    if (isMessage<StatsResponse>(m, STATS_RES)) {
      pendingStats.get(m.id)?.(m.state);
      return;
    }
    if (!isMessage<ViewRequest>(m, VIEW_REQ)) return;
    const value =
      m.kind === "metrics"
        ? aggregator.clusterMetrics()
        : gatherJSON().then((all) => AggregatorRegistry.aggregate(all).getMetricsAsJSON());
    value.then(
      (v) => reply(worker, { type: VIEW_RES, id: m.id, value: v }),
      (e: unknown) => reply(worker, { type: VIEW_RES, id: m.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}

function reply(worker: Worker, msg: ViewResponse): void {
  // The asking worker may have died meanwhile.
  if (worker.isConnected()) worker.send(msg);
}

/** In a worker: the server view read through the primary, and this worker's part of it. */
export function workerView(metrics: Metrics): ServerView {
  // Constructing an AggregatorRegistry installs prom-client's answer to the primary's requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([metrics.registry]);
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  process.on("message", (m: unknown) => {
    if (isMessage<StatsRequest>(m, STATS_REQ)) {
      void metrics.registry.getMetricsAsJSON().then((state) => process.send?.({ type: STATS_RES, id: m.id, state: state as MetricsJSON } satisfies StatsResponse));
    } else if (isMessage<ViewResponse>(m, VIEW_RES)) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(`cluster aggregation failed: ${m.error}`));
      else p?.resolve(m.value);
    }
  });
  const ask = (kind: Kind) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      process.send?.({ type: VIEW_REQ, id, kind } satisfies ViewRequest);
    });
  return {
    metrics: () => ask("metrics") as Promise<string>,
    metricsJSON: () => ask("json") as Promise<MetricsJSON>,
  };
}
