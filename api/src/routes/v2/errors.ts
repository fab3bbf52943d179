/**
 * The protocol's error JSON: every failure under /v2 answers `{"error": message}` (Open Inference
 * Protocol, "Inference Response JSON Error Object"). Validation failures are 400, as the protocol asks.
 */
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { AppEnv } from "../../context.js";
import { toApiError } from "../../middleware/errors.js";

export function oipErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof HTTPException) {
      const message =
        err.status === 400
          ? "the request body is not valid JSON"
          : err.status === 415
            ? `unsupported Content-Type '${(c.req.header("content-type") ?? "(none)").slice(0, 100)}': send application/json, or application/octet-stream with an Inference-Header-Content-Length header`
            : err.message || "request failed";
      return c.json({ error: message }, err.status);
    }
    // Domain errors (unknown model or version, not loaded, overloaded) with the product's statuses.
    const api = toApiError(err, c);
    if (api) {
      for (const [k, v] of Object.entries(api.headers ?? {})) c.header(k, v);
      return c.json({ error: api.message }, api.status === 422 ? 400 : api.status);
    }
    logger.error({ reqId: c.get("requestId"), err }, "unhandled error");
    return c.json({ error: "internal error; the request id is in the x-request-id header" }, 500);
  };
}
