/**
 * CORS. Headers are set through c.header() before the handler runs, so they are merged into the
 * response when it is created: no second Response is built per request (hono's cors middleware
 * touches c.res first, which materialises a response on @hono/node-server's fast path).
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";

export interface CorsOptions {
  /** allowed origins; ["*"] allows any */
  origins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
}

export function cors(opts: CorsOptions): MiddlewareHandler<AppEnv> {
  const any = opts.origins.includes("*");
  const allowed = new Set(opts.origins);
  const methods = opts.allowMethods.join(",");
  const headers = opts.allowHeaders.join(",");
  const expose = opts.exposeHeaders.join(",");
  const maxAge = String(opts.maxAge);
  return async (c, next) => {
    const origin = c.req.header("origin");
    let allowOrigin: string | undefined;
    if (any) allowOrigin = "*";
    else if (origin && allowed.has(origin)) allowOrigin = origin;
    if (allowOrigin) c.header("access-control-allow-origin", allowOrigin);
    if (!any) c.header("vary", "Origin", { append: true });
    if (expose) c.header("access-control-expose-headers", expose);
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      c.header("access-control-allow-methods", methods);
      c.header("access-control-allow-headers", headers);
      c.header("access-control-max-age", maxAge);
      return c.body(null, 204);
    }
    await next();
  };
}
