/**
 * Validation that stops after the first MAX_ISSUES problems. zod checks every element of an array
 * before the array's own max, and collects every issue: a body of 100k bad edges would build 100k
 * issues (and overflow the stack when zod spreads them into the parent). So the schemas of array
 * elements are wrapped with `capIssues`, and request schemas with `capped`: within a capped parse,
 * once MAX_ISSUES problems are found the remaining elements are skipped unvalidated (the parse has
 * already failed, so their values are never used) and refinements that read them return early
 * (`issueBudgetSpent`). zod parses synchronously here (no async refinements), so one module-level
 * budget per parse is safe.
 */
import { compile, type z } from "zod";
import { MAX_ISSUES } from "./errors.js";

interface Budget {
  found: number;
  readonly max: number;
}

let current: Budget | undefined;

type Run = z.ZodType["_zod"]["run"];
const WRAPPED = Symbol("issue-budget");

function wrap(schema: z.ZodType, run: (original: Run) => Run): void {
  const internals = schema._zod as z.ZodType["_zod"] & { [WRAPPED]?: true };
  if (internals[WRAPPED]) return;
  internals.run = run(internals.run);
  internals[WRAPPED] = true;
}

/** True inside a capped parse that has found MAX_ISSUES problems: skip work on unvalidated values. */
export function issueBudgetSpent(): boolean {
  return current !== undefined && current.found >= current.max;
}

/** An array element's schema: skipped once the parse's budget is spent, its issues counted otherwise. */
export function capIssues<T extends z.ZodType>(schema: T): T {
  wrap(schema, (run) => (payload, ctx) => {
    const budget = current;
    if (!budget) return run(payload, ctx);
    if (budget.found >= budget.max) return payload;
    const before = budget.found;
    const result = run(payload, ctx);
    if (result instanceof Promise) throw new Error("capIssues: asynchronous schemas are not supported");
    // Nested capped elements already counted their issues; a union may fold several into one.
    budget.found = before + Math.max(budget.found - before, result.issues.length);
    return result;
  });
  return schema;
}

/**
 * A request schema, compiled (zod's `compile`: a generated parser for valid input, about 3x faster
 * on large networks, falling back to the runtime parser on invalid input), whose parse stops after
 * `max` problems (see capIssues). Returns the compiled clone; its OpenAPI metadata is kept.
 *
 * Every parse takes the compiled path, safeParseAsync too. zod's compiled clone hands async parses
 * straight to the runtime parser (zod/v4/core/compile.js, `withParser`), and @hono/zod-validator
 * always parses with safeParseAsync, so without this the server never ran the compiled parser.
 * These schemas are synchronous (a Promise is refused below), so the sync parse is the same parse.
 */
export function capped<T extends z.ZodType>(schema: T, max = MAX_ISSUES): T {
  const fast = compile(schema);
  wrap(fast, (run) => (payload, ctx) => {
    const saved = current;
    current = { found: 0, max };
    try {
      const result = run(payload, ctx?.async ? { ...ctx, async: false } : ctx);
      if (result instanceof Promise) throw new Error("capped: asynchronous schemas are not supported");
      return result;
    } finally {
      current = saved;
    }
  });
  return fast;
}
