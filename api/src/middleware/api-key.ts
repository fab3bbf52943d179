/**
 * API keys. When API_KEYS is set, a route declared as needing a key (middleware/route-guard.ts)
 * answers 401 without a matching x-api-key header. Keys are compared in constant time.
 */
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";

function matches(key: string, keys: Buffer[]): boolean {
  const k = Buffer.from(key);
  let ok = false;
  for (const candidate of keys) {
    if (candidate.length === k.length && timingSafeEqual(candidate, k)) ok = true;
  }
  return ok;
}

export function apiKeyAuth(apiKeys: string[]): MiddlewareHandler<AppEnv> {
  const keys = apiKeys.map((k) => Buffer.from(k));
  return async (c, next) => {
    const key = c.req.header("x-api-key");
    if (!key || !matches(key, keys)) {
      throw new ApiError(401, "unauthorized", key ? "the x-api-key header does not match a configured key" : "missing x-api-key header");
    }
    return next();
  };
}
