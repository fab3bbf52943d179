/**
 * A route's body size limit. With a Content-Length header (what every ordinary client sends) the
 * check reads only the header, before any byte of the body; chunked bodies go through hono's
 * bodyLimit, which counts the stream as it is read.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";

/** The declared body length, undefined when the body is chunked; 400 for a malformed header. */
export function declaredLength(header: (name: string) => string | undefined): number | undefined {
  const length = header("content-length");
  if (length === undefined || header("transfer-encoding") !== undefined) return undefined;
  if (!/^\d{1,15}$/.test(length)) throw new ApiError(400, "bad_request", "invalid Content-Length header");
  return Number(length);
}

export function bodyLimit(maxSize: number, why: string): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new ApiError(413, "payload_too_large", `the request body is larger than ${maxSize} bytes, this route's limit (${why})`);
  };
  const streaming = honoBodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const length = declaredLength((h) => c.req.header(h));
    if (length === undefined) return streaming(c, next);
    if (length > maxSize) tooLarge();
    return next();
  };
}
