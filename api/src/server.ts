/**
 * Entry point: validate the environment, load the models, serve; on SIGTERM/SIGINT stop accepting,
 * let in-flight requests finish, release the sessions and exit 0.
 */
import type { Server as HttpServer } from "node:http";
import { Server as NetServer } from "node:net";
import { serve, type Http2Bindings, type HttpBindings } from "@hono/node-server";
import { createApp } from "./app.js";
import { createDeps, loadModels } from "./bootstrap.js";
import { ConfigError, loadConfig, type Config } from "./config/env.js";
import { createLogger } from "./observability/logger.js";

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
  throw e;
}

const logger = createLogger(config);
const deps = createDeps(config, logger);
const app = createApp(deps);

let stopping = false;
let inflight = 0;
let lastActivity = 0;

const server = serve(
  {
    // Count in-flight requests; while stopping, every response closes its connection.
    fetch: async (req: Request, env: HttpBindings | Http2Bindings) => {
      inflight++;
      lastActivity = performance.now();
      if (stopping && "shouldKeepAlive" in env.outgoing) env.outgoing.shouldKeepAlive = false;
      try {
        return await app.fetch(req, env);
      } finally {
        inflight--;
        lastActivity = performance.now();
      }
    },
    port: config.PORT,
    hostname: config.HOST,
  },
  (info) => {
    logger.info(
      { host: info.address, port: info.port, modelsDir: config.MODELS_DIR, maxNodes: config.MAX_NODES, maxBatch: config.MAX_BATCH },
      `listening on http://${info.address}:${info.port}`,
    );
  },
) as HttpServer;
server.on("error", (err: NodeJS.ErrnoException) => {
  logger.fatal({ err: { code: err.code, message: err.message } }, "cannot listen");
  logger.flush(() => process.exit(1));
});

void loadModels(deps);

/**
 * Graceful stop: stop accepting connections, keep serving requests already sent on open
 * connections (each answered with Connection: close), close idle connections once no request has
 * started or ended for 100 ms, release the sessions, exit 0. SHUTDOWN_TIMEOUT_MS bounds the wait.
 */
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, inflight }, "shutting down: no new connections, finishing in-flight requests");
  const force = setTimeout(() => {
    logger.warn({ inflight }, "in-flight requests did not finish in time; exiting");
    logger.flush(() => process.exit(0));
  }, config.SHUTDOWN_TIMEOUT_MS);
  force.unref();
  // net.Server#close stops listening without http.Server#close's immediate closeIdleConnections(),
  // which would reset keep-alive sockets whose request bytes are still unread. setImmediate lets
  // connections the kernel already completed be accepted first rather than reset.
  setImmediate(() =>
    NetServer.prototype.close.call(server, () => {
      clearInterval(sweep);
      void deps.registry.close().finally(() => {
        logger.info("bye");
        logger.flush(() => process.exit(0));
      });
    }),
  );
  lastActivity = performance.now();
  const sweep = setInterval(() => {
    if (inflight === 0 && performance.now() - lastActivity >= 100) server.closeIdleConnections();
  }, 25);
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("unhandledRejection", (reason) => logger.error({ reason: String(reason) }, "unhandled rejection"));
