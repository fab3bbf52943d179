/**
 * One error shape for every 4xx/5xx: {error, message, issues?: [{path, message}]}.
 * `error` is a stable machine-readable code, `message` is for humans. No stack traces leave the process.
 */
import type { ZodError } from "zod";

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: string;
  message: string;
  issues?: ErrorIssue[];
  available?: string[];
}

export type ErrorStatus = 400 | 401 | 404 | 405 | 413 | 415 | 422 | 500 | 503;

export class ApiError extends Error {
  constructor(
    public readonly status: ErrorStatus,
    public readonly code: string,
    message: string,
    public readonly issues?: ErrorIssue[],
    public readonly available?: string[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: this.code, message: this.message };
    if (this.issues && this.issues.length > 0) body.issues = this.issues;
    if (this.available) body.available = this.available;
    return body;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out.length === 0 ? String(p) : `.${String(p)}`;
  }
  return out;
}

const MAX_ISSUES = 50;

type Issue = ZodError["issues"][number];

/**
 * A failed union (an edge is `[s, t]` or `{source, target, ...}`) is reported by the branch whose
 * type matched, with that branch's paths, e.g. `edges[3][0]` or `edges[3].capacity_mbps`; when no
 * branch matched the value's type, one issue at the union's path lists what was expected.
 */
function flatten(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || !("errors" in issue) || !Array.isArray(issue.errors) || issue.errors.length === 0) return [issue];
  const branches = issue.errors as Issue[][];
  const typeMismatch = (b: Issue[]) => b.length === 1 && b[0]!.path.length === 0 && b[0]!.code === "invalid_type";
  const matched = branches.filter((b) => b.length > 0 && !typeMismatch(b));
  if (matched.length === 1) return matched[0]!.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] } as Issue));
  if (matched.length === 0 && issue.message === "Invalid input") {
    const expected = branches.map((b) => (b[0] && "expected" in b[0] ? String(b[0].expected) : "?"));
    return [{ ...issue, message: `Invalid input: expected ${expected.join(" or ")}` } as Issue];
  }
  return [issue];
}

export function zodIssues(error: ZodError): ErrorIssue[] {
  return error.issues
    .flatMap(flatten)
    .slice(0, MAX_ISSUES)
    .map((i) => ({ path: formatPath(i.path), message: i.message }));
}

export function validationError(error: ZodError, where: string): ApiError {
  const all = error.issues.flatMap(flatten).length;
  const issues = zodIssues(error);
  const more = all > MAX_ISSUES ? ` (first ${MAX_ISSUES} of ${all} shown)` : "";
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid input";
  return new ApiError(
    422,
    "validation_error",
    `Invalid request ${where}: ${summary}${all > 1 ? ` and ${all - 1} more issue(s)${more}` : ""}`,
    issues,
  );
}
