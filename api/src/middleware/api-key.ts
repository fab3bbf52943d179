/** Optional API-key check: when API_KEYS is set, every route except the open ones needs x-api-key. */
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";

export const OPEN_PATHS = ["/health", "/ready", "/metrics", "/docs", "/openapi.json"];

function isOpen(path: string): boolean {
  return OPEN_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

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
    if (keys.length === 0 || c.req.method === "OPTIONS" || isOpen(c.req.path)) return next();
    const key = c.req.header("x-api-key");
    if (!key || !matches(key, keys)) {
      throw new ApiError(401, "unauthorized", key ? "the x-api-key header does not match a configured key" : "missing x-api-key header");
    }
    return next();
  };
}
