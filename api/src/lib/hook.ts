/** zod-openapi's defaultHook: a failed validation becomes a 422 with every issue and its path. */
import type { Hook } from "@hono/zod-openapi";
import { validationError } from "./errors.js";

const WHERE: Record<string, string> = { json: "body", param: "path parameter", query: "query", header: "header" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const defaultHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) throw validationError(result.error, WHERE[result.target] ?? result.target);
};
