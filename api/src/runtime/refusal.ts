/**
 * Client aborts: a request whose client went away before its body arrived is answered 499 (nginx's
 * "client closed request", which nobody reads) and logged as such by the error middleware, not as a
 * server error.
 */
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";

export const CLIENT_CLOSED_REQUEST = 499;

/** True when the client closed the connection before its request had fully arrived. */
export function clientAborted(c: Context<AppEnv>): boolean {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return !!incoming && !incoming.complete && incoming.destroyed;
}
