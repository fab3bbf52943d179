/** Node's http.Server limits, set from the configuration rather than left at node's defaults. */
import type { ServerOptions } from "node:http";
import type { Config } from "../config/env.js";

export type ServerSettings = Pick<Config, "HEADERS_TIMEOUT_MS" | "REQUEST_TIMEOUT_MS" | "KEEP_ALIVE_TIMEOUT_MS">;

/** How often node looks for connections past headersTimeout / requestTimeout (node's default: 30 s). */
const TIMEOUT_CHECK_MS = 1_000;

/** Options for http.createServer (node validates them together there). */
export function serverOptions(config: ServerSettings): ServerOptions {
  return {
    connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    headersTimeout: config.HEADERS_TIMEOUT_MS,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
  };
}
