/**
 * CORS. Only the configured origins (the dashboard's by default) may call the API from a browser;
 * `*` allows any origin but never with the API key header, which is allowed only to origins listed
 * by name. Headers are set through c.header() before the handler runs, so they are merged into the
 * response when it is created: no second Response is built per request (hono's cors middleware
 * touches c.res first, which materialises a response on @hono/node-server's fast path).
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";

export interface CorsOptions {
  /** allowed origins; "*" allows any (without keyHeader) */
  origins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  /** request header carrying the API key: allowed for origins listed by name only */
  keyHeader: string;
  exposeHeaders: string[];
  maxAge: number;
}

export function cors(opts: CorsOptions): MiddlewareHandler<AppEnv> {
  const any = opts.origins.includes("*");
  const named = new Set(opts.origins.filter((o) => o !== "*"));
  const methods = opts.allowMethods.join(",");
  const headers = opts.allowHeaders.join(",");
  const headersWithKey = [...opts.allowHeaders, opts.keyHeader].join(",");
  const expose = opts.exposeHeaders.join(",");
  const maxAge = String(opts.maxAge);
  return async (c, next) => {
    const origin = c.req.header("origin");
    const isNamed = origin !== undefined && named.has(origin);
    c.header("vary", "Origin", { append: true });
    if (isNamed || any) {
      c.header("access-control-allow-origin", isNamed ? origin : "*");
      if (expose) c.header("access-control-expose-headers", expose);
    }
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      if (isNamed || any) {
        c.header("access-control-allow-methods", methods);
        c.header("access-control-allow-headers", isNamed ? headersWithKey : headers);
        c.header("access-control-max-age", maxAge);
      }
      return c.body(null, 204);
    }
    await next();
  };
}
