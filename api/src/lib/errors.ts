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

export function zodIssues(error: ZodError): ErrorIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: formatPath(i.path), message: i.message }));
}

export function validationError(error: ZodError, where: string): ApiError {
  const issues = zodIssues(error);
  const more = error.issues.length > MAX_ISSUES ? ` (first ${MAX_ISSUES} of ${error.issues.length} shown)` : "";
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid input";
  return new ApiError(
    422,
    "validation_error",
    `Invalid request ${where}: ${summary}${error.issues.length > 1 ? ` and ${error.issues.length - 1} more issue(s)${more}` : ""}`,
    issues,
  );
}
