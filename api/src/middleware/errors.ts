/** app.onError / app.notFound: every failure leaves as {error, message, issues?}; no stack traces. */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { AppEnv } from "../context.js";
import { ApiError, type ErrorBody } from "../lib/errors.js";
import { refusal } from "../runtime/refusal.js";

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_error",
  503: "unavailable",
};

function messageFor(e: HTTPException, c: Context): string {
  switch (e.status) {
    case 400:
      return e.message && e.message !== "Bad Request" ? `${e.message}: the body must be a valid JSON document` : "the request body is not valid JSON";
    case 413:
      return "the request body is larger than the configured limit (BODY_LIMIT)";
    case 415:
      return `unsupported Content-Type '${c.req.header("content-type") ?? "(none)"}': send application/json`;
    default:
      return e.message || "request failed";
  }
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    const refused = refusal(err, c, logger);
    if (refused) return refused;
    if (err instanceof ApiError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException) {
      const status = err.status;
      const body: ErrorBody = { error: CODES[status] ?? (status >= 500 ? "internal_error" : "bad_request"), message: messageFor(err, c) };
      return c.json(body, status);
    }
    logger.error({ reqId: c.get("requestId"), err }, "unhandled error");
    return c.json({ error: "internal_error", message: "internal error; the request id is in the x-request-id header" }, 500);
  };
}

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  c.json({ error: "not_found", message: `no route ${c.req.method} ${c.req.path}; see /docs` }, 404);
