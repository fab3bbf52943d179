/**
 * Entry point: validate the environment, then serve. With WORKERS > 1 this process becomes a
 * node:cluster primary that runs WORKERS serving processes behind one port (runtime/cluster-primary.ts);
 * otherwise, and in each worker, it serves (runtime/serve.ts).
 */
import cluster from "node:cluster";
import { ConfigError, loadConfig, type Config } from "./config/env.js";
import { createLogger } from "./observability/logger.js";
import { runPrimary } from "./runtime/cluster-primary.js";
import { serveProcess } from "./runtime/serve.js";

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
if (config.WORKERS > 1 && cluster.isPrimary) runPrimary(config, logger);
else serveProcess(config, logger);
