/**
 * Per-request id (x-request-id in and out), one structured log line per request, and the
 * edge_placement_http_requests_total / _http_request_duration_seconds metrics labelled by route template.
 */
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppDeps, AppEnv } from "../context.js";

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestContext(deps: Pick<AppDeps, "logger" | "metrics">): MiddlewareHandler<AppEnv> {
  let counter = 0;
  const prefix = randomUUID().slice(0, 8);
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming && INCOMING_ID.test(incoming) ? incoming : `${prefix}-${(++counter).toString(36)}`;
    c.set("requestId", id);
    // Before next(): prepared headers are merged when the response is created (no second Response).
    c.header("x-request-id", id);
    const t0 = performance.now();
    await next();
    const ms = performance.now() - t0;
    const status = c.res.status;
    let route = routePath(c, -1);
    if (!route || route === "/*" || route === "*") route = status === 404 ? "(unmatched)" : c.req.path;
    const method = c.req.method;
    const model = c.get("model") ?? "";
    deps.metrics.httpRequests.inc({ method, route, status: String(status), model });
    deps.metrics.httpDuration.observe({ method, route, status: String(status), model }, ms / 1000);
    const line = { reqId: id, method, path: c.req.path, route, status, ms: Math.round(ms * 1000) / 1000, ...(model ? { model } : {}) };
    if (status >= 500 && status !== 503) deps.logger.error(line, "request failed");
    else if (status >= 500) deps.logger.warn(line, "request refused: unavailable");
    else if (status >= 400) deps.logger.info(line, "request rejected");
    else deps.logger.info(line, "request");
  };
}
