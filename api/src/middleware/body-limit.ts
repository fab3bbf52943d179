/**
 * Body size limit. With a Content-Length header (what every ordinary client sends) the check reads
 * only the header, which keeps @hono/node-server's fast body path (reading `req.body` would build
 * a web-stream Request). Chunked bodies go through hono's bodyLimit, which counts the stream.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";

export function bodyLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new ApiError(413, "payload_too_large", `the request body is larger than ${maxSize} bytes (BODY_LIMIT)`);
  };
  const streaming = honoBodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (!/^\d+$/.test(length)) throw new ApiError(400, "bad_request", "invalid Content-Length header");
      if (Number(length) > maxSize) tooLarge();
      return next();
    }
    return streaming(c, next);
  };
}
