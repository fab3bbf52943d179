/**
 * The node:cluster primary (WORKERS > 1): forks the workers, which share one port (the primary
 * accepts connections and hands them out round-robin, to workers that listen: each loads its models
 * first), replaces a worker that dies, answers the workers' /metrics and /stats aggregation requests,
 * runs model loads and rollbacks on every worker (cluster-models.ts), and on SIGTERM/SIGINT has every
 * worker drain, then exits 0 if all of them exited 0.
 */
import cluster, { type Worker } from "node:cluster";
import type { Config } from "../config/env.js";
import type { Logger } from "../observability/logger.js";
import { servePrimaryModels } from "./cluster-models.js";
import { servePrimaryViews } from "./cluster-view.js";

/** Deaths within this window slow down replacements, so a crash loop does not spin the CPU. */
const CRASH_WINDOW_MS = 60_000;
const CRASH_BACKOFF_MS = 1_000;
/** Beyond the workers' own bound, how long the primary waits before killing them. */
const STOP_MARGIN_MS = 5_000;

export function runPrimary(config: Config, logger: Logger): void {
  servePrimaryViews();
  servePrimaryModels(logger);
  const live = new Set<Worker>();
  const deaths: number[] = [];
  let announced = false;
  let stopping = false;
  let failed = false;

  const fork = () => {
    const w = cluster.fork();
    live.add(w);
    logger.info({ worker: w.id, pid: w.process.pid }, "worker started");
  };

  const exit = (code: number) => logger.flush(() => process.exit(code));

  cluster.on("listening", (_w, address) => {
    if (!announced) {
      announced = true;
      logger.info(
        { host: config.HOST, port: address.port, workers: config.WORKERS, modelsDir: config.MODELS_DIR, maxNodes: config.MAX_NODES, maxBatch: config.MAX_BATCH },
        `listening on http://${config.HOST}:${address.port}`,
      );
    }
  });

  cluster.on("exit", (w, code, signal) => {
    live.delete(w);
    if (stopping) {
      if (code !== 0) failed = true;
      logger.info({ worker: w.id, pid: w.process.pid, code, signal }, "worker stopped");
      if (live.size === 0) {
        logger.info({ clean: !failed }, "bye");
        exit(failed ? 1 : 0);
      }
      return;
    }
    if (!announced) {
      // No worker ever listened: a replacement would fail the same way (port taken, bad models dir...).
      logger.fatal({ worker: w.id, pid: w.process.pid, code, signal }, "a worker exited before any worker served; stopping");
      stop("worker start-up failed", true);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - CRASH_WINDOW_MS) deaths.shift();
    const delay = deaths.length > config.WORKERS ? CRASH_BACKOFF_MS : 0;
    logger.warn({ worker: w.id, pid: w.process.pid, code, signal, restartInMs: delay }, "worker died; starting a replacement");
    setTimeout(fork, delay);
  });

  const stop = (reason: string, asFailure = false) => {
    if (stopping) return;
    stopping = true;
    failed = asFailure;
    logger.info({ reason, workers: live.size }, "shutting down: every worker drains");
    if (live.size === 0) exit(failed ? 1 : 0);
    for (const w of live) w.process.kill("SIGTERM");
    setTimeout(() => {
      logger.warn({ workers: live.size }, "workers did not stop in time; killing them");
      for (const w of live) w.process.kill("SIGKILL");
      exit(1);
    }, config.SHUTDOWN_GRACE_MS + config.SHUTDOWN_TIMEOUT_MS + STOP_MARGIN_MS).unref();
  };

  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  for (let i = 0; i < config.WORKERS; i++) fork();
}
