/**
 * Host check and security headers.
 *
 * Host: a page on another site can make a browser send requests to 127.0.0.1 under its own host
 * name (DNS rebinding); refusing Host names that are not configured stops that. ALLOWED_HOSTS
 * lists them; by default the loopback names when the API binds a loopback address, any otherwise.
 *
 * Headers (the ones hono's secureHeaders sets, plus no-store): set through c.header() before the
 * handler runs, so they are merged into the response when it is created; secureHeaders sets them
 * on c.res afterwards, which builds a second Response per request on @hono/node-server's fast path.
 * Swagger UI (/docs) runs an inline script and inline styles: its CSP allows them, for itself only.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";

const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOCS_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** The name of a Host header: without its port, brackets kept for IPv6 ("[::1]:8000" -> "[::1]"). */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.indexOf(":");
  return colon < 0 ? h : h.slice(0, colon);
}

export function security(allowedHosts: string[]): MiddlewareHandler<AppEnv> {
  const any = allowedHosts.includes("*");
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    if (!any) {
      const host = c.req.header("host") ?? new URL(c.req.url).host;
      if (!allowed.has(hostName(host))) {
        throw new ApiError(400, "host_not_allowed", `the Host header names '${hostName(host).slice(0, 100)}', which is not in ALLOWED_HOSTS`);
      }
    }
    const docs = c.req.path === "/docs" || c.req.path.startsWith("/docs/");
    c.header("x-content-type-options", "nosniff");
    c.header("x-frame-options", "DENY");
    c.header("referrer-policy", "no-referrer");
    c.header("cross-origin-resource-policy", "same-site");
    c.header("content-security-policy", docs ? DOCS_CSP : API_CSP);
    if (!docs) c.header("cache-control", "no-store");
    await next();
  };
}
