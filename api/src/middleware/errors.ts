/**
 * The one place where failures become HTTP: domain errors (inference), ApiError (HTTP-level checks),
 * hono's HTTPException (malformed JSON, 415) and anything unexpected all leave as an RFC 9457
 * problem (lib/errors.ts) with application/problem+json. No stack traces, no server paths. The
 * mapping itself is guarded: if building the answer fails, a fixed 500 body goes out.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { AppEnv } from "../context.js";
import {
  ModelLoadFailedError,
  ModelNotFoundError,
  ModelReplicationError,
  ModelUnavailableError,
  NoPreviousVersionError,
  NoValidNodeError,
  VersionNotServedError,
} from "../inference/errors.js";
import { ApiError, PROBLEM_CONTENT_TYPE, problem } from "../lib/errors.js";
import { OverloadedError } from "../runtime/admission.js";
import { clientAborted, CLIENT_CLOSED_REQUEST } from "../runtime/refusal.js";

function messageFor(e: HTTPException, c: Context): string {
  switch (e.status) {
    case 400:
      return e.message && e.message !== "Bad Request" ? `${e.message}: the body must be a valid JSON document` : "the request body is not valid JSON";
    case 413:
      return "the request body is larger than this route's limit";
    case 415:
      return `unsupported Content-Type '${(c.req.header("content-type") ?? "(none)").slice(0, 100)}': send application/json`;
    default:
      return "request failed";
  }
}

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

/** Domain and HTTP-level errors as an ApiError; undefined for anything unexpected. */
export function toApiError(err: unknown, c: Context): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof ModelNotFoundError) return new ApiError(404, "model_not_found", err.message, undefined, err.available);
  if (err instanceof ModelUnavailableError) return new ApiError(503, "model_not_loaded", err.message, undefined, undefined, { "retry-after": "5" });
  if (err instanceof VersionNotServedError) return new ApiError(404, "version_not_found", err.message);
  if (err instanceof NoPreviousVersionError) return new ApiError(422, "no_previous_version", err.message);
  if (err instanceof ModelLoadFailedError) {
    return new ApiError(422, "model_load_failed", err.message, [{ path: err.version === null ? err.model : `${err.model}/${err.version}`, message: err.reason }]);
  }
  if (err instanceof ModelReplicationError) {
    return new ApiError(500, "model_replication_failed", err.message, err.failures.map((f) => ({ path: `worker ${f.worker}`, message: f.reason })));
  }
  if (err instanceof OverloadedError) return new ApiError(503, "overloaded", err.message, undefined, undefined, { "retry-after": String(err.retryAfterSeconds) });
  if (err instanceof NoValidNodeError) return new ApiError(422, "no_valid_node", err.message, [{ path: err.path, message: "no valid node for this task" }]);
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as 400;
    return new ApiError(status, CODES[status] ?? "bad_request", messageFor(err, c));
  }
  return undefined;
}

const INTERNAL = JSON.stringify(problem(500, "internal_error", "internal error; the request id is in the x-request-id header"));

function internal(): Response {
  return new Response(INTERNAL, { status: 500, headers: { "content-type": PROBLEM_CONTENT_TYPE } });
}

export function problemResponse(c: Context, e: ApiError): Response {
  return c.body(JSON.stringify(e.toBody()), e.status, { ...e.headers, "content-type": PROBLEM_CONTENT_TYPE });
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    try {
      if (clientAborted(c)) {
        // The client went away before its request arrived: nobody reads the answer, and it is not a server error.
        logger.info({ reqId: c.get("requestId"), method: c.req.method, path: c.req.path }, "client aborted the request");
        return new Response(null, { status: CLIENT_CLOSED_REQUEST });
      }
      const api = toApiError(err, c);
      if (api) return problemResponse(c, api);
      logger.error({ reqId: c.get("requestId"), err }, "unhandled error");
    } catch (inner) {
      try {
        logger.error({ reqId: c.get("requestId"), err: inner }, "error handler failed");
      } catch {
        // nothing left to report to
      }
    }
    return internal();
  };
}

/** 404 for unknown paths; 405 with Allow for a known path asked with another method. */
export function notFound(allowedMethods: (path: string) => string[]): NotFoundHandler<AppEnv> {
  return (c) => {
    const path = c.req.path.slice(0, 200);
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      return problemResponse(
        c,
        new ApiError(405, "method_not_allowed", `${c.req.method.slice(0, 20)} is not allowed on ${path}; allowed: ${allowed.join(", ")}`, undefined, undefined, {
          allow: allowed.join(", "),
        }),
      );
    }
    return problemResponse(c, new ApiError(404, "not_found", `no route ${c.req.method.slice(0, 20)} ${path}; see /docs`));
  };
}

/** The methods each registered path answers, for notFound's 405 (`{param}` and `:param` segments match one segment). */
export function methodTable(routes: readonly { method: string; path: string }[]): (path: string) => string[] {
  const byPath = new Map<string, Set<string>>();
  for (const r of routes) {
    if (r.method === "ALL" || r.path.includes("*")) continue;
    const methods = byPath.get(r.path) ?? new Set<string>();
    methods.add(r.method.toUpperCase());
    if (r.method.toUpperCase() === "GET") methods.add("HEAD");
    byPath.set(r.path, methods);
  }
  const table = [...byPath].map(([p, methods]) => ({
    re: new RegExp(`^${p.replace(/[.+?^$()|[\]\\]/g, "\\$&").replace(/\/(:[^/]+|\{[^/]+\})/g, "/[^/]+")}/?$`),
    methods: [...methods].sort(),
  }));
  return (path) => {
    const out = new Set<string>();
    for (const t of table) if (t.re.test(path)) for (const m of t.methods) out.add(m);
    return [...out].sort();
  };
}
