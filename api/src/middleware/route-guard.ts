/**
 * What each route declares about access and its body, in one place read by both the server and the
 * OpenAPI document: `security` (which routes need x-api-key when API_KEYS is set) and `middleware`
 * (the key check, the body's size limit, then the process-wide body budget and the JSON shape
 * bounds: cheapest first, all before the body is parsed).
 */
import type { MiddlewareHandler } from "hono";
import type { Config } from "../config/env.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";
import { checkJsonShape } from "../lib/json-shape.js";
import { Turnstile, yieldToLoop } from "../lib/yield.js";
import type { BodyBounds } from "../schemas/network.js";
import { apiKeyAuth } from "./api-key.js";
import { BodyBudget } from "./body-budget.js";
import { bodyLimit, declaredLength } from "./body-limit.js";

export const API_KEY_SCHEME = "ApiKey";

export interface RouteGuard {
  middleware: MiddlewareHandler<AppEnv>[];
  /** OpenAPI security of the route; absent when API_KEYS is empty (no route needs a key) */
  security?: Record<string, string[]>[];
}

/** Bodies from this size on are parsed one request at a time, in a turn of the event loop of their own. */
const LARGE_BODY = 256 * 1024;

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Holds the body's share of the budget (its Content-Length, or its length once read) until the
 * answer is built, and answers 413 when the JSON text nests deeper or holds more values than the
 * route's bounds allow, before it is parsed.
 */
function jsonBody(bounds: BodyBounds, why: string, budget: BodyBudget, large: Turnstile): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const declared = declaredLength((h) => c.req.header(h));
    const reservation = budget.reserve(declared ?? 0);
    let turn = false;
    try {
      if (JSON_TYPE.test(c.req.header("content-type") ?? "")) {
        // hono caches the text: the validator's c.req.json() parses this same string.
        const text = await c.req.text();
        if (declared === undefined) reservation.grow(text.length);
        const problem = checkJsonShape(text, bounds.depth, bounds.values);
        if (problem) {
          throw new ApiError(
            413,
            "payload_too_large",
            problem.kind === "depth"
              ? `the JSON body nests deeper than ${problem.limit} levels; no request of this route does`
              : `the JSON body holds more than ${problem.limit} values, this route's limit (${why})`,
          );
        }
        if (text.length >= LARGE_BODY) {
          // Large requests take turns, and parsing starts in a fresh turn of the event loop.
          await large.enter();
          turn = true;
          await yieldToLoop();
        }
      }
      await next();
    } finally {
      if (turn) large.leave();
      reservation.release();
    }
  };
}

export interface RouteGuards {
  /** open to everyone (health, readiness, docs) */
  open: RouteGuard;
  /** needs a key when API_KEYS is set */
  keyed: RouteGuard;
  /** /metrics: open unless METRICS_PUBLIC is off */
  metrics: RouteGuard;
  /** needs a key; its JSON body is bounded by `bounds` (`why` names the settings they come from) */
  json(bounds: BodyBounds, why: string): RouteGuard;
}

const cache = new WeakMap<Config, RouteGuards>();

/** The guards of one app (its config); the body budget is shared by all its routes. */
export function routeGuards(config: Config): RouteGuards {
  const cached = cache.get(config);
  if (cached) return cached;
  const hasKeys = config.API_KEYS.length > 0;
  const auth = hasKeys ? [apiKeyAuth(config.API_KEYS)] : [];
  const open: RouteGuard = { middleware: [], ...(hasKeys ? { security: [] } : {}) };
  const keyed: RouteGuard = { middleware: auth, ...(hasKeys ? { security: [{ [API_KEY_SCHEME]: [] }] } : {}) };
  const budget = new BodyBudget({ maxBytes: config.BODY_BUDGET, maxBodies: config.BODY_CONCURRENCY });
  const large = new Turnstile();
  const guards: RouteGuards = {
    open,
    keyed,
    metrics: config.METRICS_PUBLIC ? open : keyed,
    json: (bounds, why) => ({
      ...keyed,
      middleware: [...auth, bodyLimit(bounds.bytes, why), jsonBody(bounds, why, budget, large)],
    }),
  };
  cache.set(config, guards);
  return guards;
}
