/**
 * The answers of the runtime's own refusals, for the error middleware: an OverloadedError is a 503
 * with Retry-After; a request whose client went away before its body arrived is a client abort,
 * answered 499 (nginx's "client closed request", which nobody reads) and logged as such, not as a
 * server error.
 */
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { Logger } from "pino";
import type { AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";
import { OverloadedError } from "./admission.js";

export const CLIENT_CLOSED_REQUEST = 499;

/** True when the client closed the connection before its request had fully arrived. */
export function clientAborted(c: Context<AppEnv>): boolean {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return !!incoming && !incoming.complete && incoming.destroyed;
}

export function refusal(err: unknown, c: Context<AppEnv>, logger: Logger): Response | undefined {
  if (err instanceof OverloadedError) {
    c.header("retry-after", String(err.retryAfterSeconds));
    return c.json(new ApiError(503, "overloaded", err.message).toBody(), 503);
  }
  if (clientAborted(c)) {
    logger.info({ reqId: c.get("requestId"), method: c.req.method, path: c.req.path }, "client aborted the request");
    return new Response(null, { status: CLIENT_CLOSED_REQUEST });
  }
  return undefined;
}
