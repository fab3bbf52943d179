/**
 * One serving process (the only one, or a cluster worker): builds the app, loads the models, listens
 * with the configured server limits, and drains on SIGTERM/SIGINT (drain.ts) before releasing the
 * sessions and exiting: 0 when every connection finished, 1 when SHUTDOWN_TIMEOUT_MS forced it.
 *
 * A single process listens first, so that /health answers and /ready says "loading models" meanwhile. A
 * cluster worker listens only once it serves what the other workers serve (cluster-models.ts): the
 * primary hands connections to every worker that listens, and the others are already answering.
 */
import cluster from "node:cluster";
import type { Server as HttpServer } from "node:http";
import { serve } from "@hono/node-server";
import { createApp } from "../app.js";
import { createDeps } from "../bootstrap.js";
import type { AppDeps } from "../context.js";
import type { Config } from "../config/env.js";
import type { Logger } from "../observability/logger.js";
import { workerControl } from "./cluster-models.js";
import { workerView } from "./cluster-view.js";
import { HttpDrain } from "./drain.js";
import { serverOptions } from "./server-settings.js";
import { PROBLEM_CONTENT_TYPE, problem } from "../lib/errors.js";

export function serveProcess(config: Config, baseLogger: Logger): void {
  const worker = cluster.isWorker ? cluster.worker : undefined;
  const logger = worker ? baseLogger.child({ worker: worker.id, pid: process.pid }) : baseLogger;
  const deps = createDeps(config, logger, worker ? { view: workerView, control: workerControl } : {});
  let drain: HttpDrain | undefined;

  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    if (!drain) {
      logger.info({ reason }, "shutting down before listening");
      void deps.registry.close().catch(() => undefined).then(() => logger.flush(() => process.exit(0)));
      return;
    }
    const listening = drain;
    logger.info(
      { reason, inflight: listening.inflight, graceMs: config.SHUTDOWN_GRACE_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
      "shutting down: /ready answers 503, still accepting during the grace period, then finishing in-flight requests",
    );
    void listening.drain({ graceMs: config.SHUTDOWN_GRACE_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }).then(async (clean) => {
      if (!clean) logger.warn({ inflight: listening.inflight }, "in-flight requests did not finish within SHUTDOWN_TIMEOUT_MS; closed them");
      await deps.registry.close().catch(() => undefined);
      logger.info({ clean }, "bye");
      logger.flush(() => process.exit(clean ? 0 : 1));
    });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  if (worker) {
    // The primary coordinates a cluster's shutdown (it sends SIGTERM); a terminal's Ctrl-C also reaches
    // every worker, which must not start a drain of its own. Without a primary, nothing is left to serve.
    process.on("SIGINT", () => undefined);
    worker.on("disconnect", () => shutdown("primary gone"));
  } else {
    process.on("SIGINT", () => shutdown("SIGINT"));
  }
  process.on("unhandledRejection", (reason) => logger.error({ reason: String(reason) }, "unhandled rejection"));

  if (worker) {
    deps.models.loadServed().then(
      () => {
        if (!stopping) drain = listen(config, deps, logger, String(worker.id));
      },
      (err: unknown) => {
        logger.fatal({ err }, "cannot load the models");
        logger.flush(() => process.exit(1));
      },
    );
  } else {
    drain = listen(config, deps, logger);
    void deps.models.loadServed();
  }
}

/** Serve the app on the configured address; `workerId` in a cluster. */
function listen(config: Config, deps: AppDeps, logger: Logger, workerId?: string): HttpDrain {
  const app = createApp(deps);
  const server = serve(
    { fetch: app.fetch, port: config.PORT, hostname: config.HOST, serverOptions: serverOptions(config) },
    (info) => {
      const where = { host: info.address, port: info.port, modelsDir: config.MODELS_DIR, maxNodes: config.MAX_NODES, maxBatch: config.MAX_BATCH };
      // In a cluster the primary announces the address once; each worker says it joined.
      if (workerId) logger.info(where, "worker listening");
      else logger.info(where, `listening on http://${info.address}:${info.port}`);
    },
  ) as HttpServer;
  server.maxConnections = config.MAX_CONNECTIONS;
  const drain = new HttpDrain(server, deps.lifecycle);
  // Which worker answered (the primary's "worker started" log line gives its pid).
  if (workerId) server.prependListener("request", (_req, res) => res.setHeader("x-worker-id", workerId));
  // Requests node's parser refuses never reach the app: answer them as problems too (JSON, no detail
  // from the parser), 431 for headers over node's limit. https://nodejs.org/api/http.html#event-clienterror
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
    const [status, title, code, message] =
      err.code === "HPE_HEADER_OVERFLOW"
        ? [431, "Request Header Fields Too Large", "headers_too_large", "the request headers are larger than the server accepts (16 KiB)"]
        : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, "Request Timeout", "request_timeout", "the request did not arrive within HEADERS_TIMEOUT_MS / REQUEST_TIMEOUT_MS"]
          : [400, "Bad Request", "bad_request", "the request is not valid HTTP"];
    const body = JSON.stringify(problem(status, code, message));
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.on("error", (err: NodeJS.ErrnoException) => {
    logger.fatal({ err: { code: err.code, message: err.message } }, "cannot listen");
    logger.flush(() => process.exit(1));
  });
  return drain;
}
