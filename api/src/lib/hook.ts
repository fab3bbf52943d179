/** zod-openapi's defaultHook: a failed validation becomes a 422 listing the first problems with their paths. */
import type { Hook } from "@hono/zod-openapi";
import { MAX_ISSUES, validationError } from "./errors.js";

const WHERE: Record<string, string> = { json: "body", param: "path parameter", query: "query", header: "header" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const defaultHook: Hook<any, any, any, any> = (result) => {
  // A capped parse (lib/validation.ts) stops once it has found MAX_ISSUES problems.
  if (!result.success) throw validationError(result.error, WHERE[result.target] ?? result.target, result.error.issues.length >= MAX_ISSUES);
};
