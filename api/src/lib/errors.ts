/**
 * One error shape for every 4xx/5xx: an RFC 9457 problem ({type, title, status, detail}, sent as
 * application/problem+json) that also carries the service's own fields {error, message, issues?}.
 * `error` is a stable machine-readable code, `message` (= `detail`) is for humans. No stack traces or
 * server paths leave the process.
 */
import type { ZodError } from "zod";

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  /** URI naming the problem type (RFC 9457 §3.1.1): urn:edge-placement:problem:<error> */
  type: string;
  /** Short summary of the problem type, the same for every occurrence */
  title: string;
  status: number;
  /** This occurrence, for humans (same as message) */
  detail: string;
  error: string;
  message: string;
  issues?: ErrorIssue[];
  /** How many problems were found (validation errors); a lower bound once validation stopped at MAX_ISSUES */
  issue_count?: number;
  available?: string[];
}

export type ErrorStatus = 400 | 401 | 404 | 405 | 413 | 415 | 422 | 500 | 503;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
export const problemType = (code: string) => `urn:edge-placement:problem:${code}`;

/** Titles per error code; codes without one fall back to the HTTP status's reason phrase. */
const TITLES: Record<string, string> = {
  bad_request: "Malformed request",
  unauthorized: "Missing or wrong API key",
  not_found: "No such route",
  method_not_allowed: "Method not allowed on this route",
  payload_too_large: "Request body too large",
  unsupported_media_type: "Unsupported content type",
  validation_error: "Request validation failed",
  no_valid_node: "No node can take the task",
  model_not_found: "Unknown model",
  model_not_loaded: "Model not loaded",
  model_load_failed: "Model files are broken",
  evaluation_unavailable: "No evaluation report",
  evaluation_invalid: "Evaluation report is invalid",
  overloaded: "Server busy",
  internal_error: "Internal error",
};

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problem(status: number, code: string, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return {
    type: problemType(code),
    title: TITLES[code] ?? REASONS[status] ?? "Error",
    status,
    detail: message,
    error: code,
    message,
    ...extra,
  };
}

export class ApiError extends Error {
  constructor(
    public readonly status: ErrorStatus,
    public readonly code: string,
    message: string,
    public readonly issues?: ErrorIssue[],
    public readonly available?: string[],
    /** Extra response headers (Allow, Retry-After) */
    public readonly headers?: Record<string, string>,
    public readonly issueCount?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    const extra: Partial<ErrorBody> = {};
    if (this.issues && this.issues.length > 0) extra.issues = this.issues;
    if (this.issueCount !== undefined) extra.issue_count = this.issueCount;
    if (this.available) extra.available = this.available;
    return problem(this.status, this.code, this.message, extra);
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

/** Most issues listed in one error; the count of all problems found is given beside them. */
export const MAX_ISSUES = 100;

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

/** The first MAX_ISSUES problems of a failed parse and how many were found (loops, no spreads: cannot overflow the stack). */
export function zodIssues(error: ZodError): { issues: ErrorIssue[]; count: number } {
  const issues: ErrorIssue[] = [];
  let count = 0;
  for (const raw of error.issues) {
    for (const i of flatten(raw)) {
      count++;
      if (issues.length < MAX_ISSUES) issues.push({ path: formatPath(i.path), message: i.message });
    }
  }
  return { issues, count };
}

/**
 * A 422 naming the first problem. `stopped` says validation gave up once MAX_ISSUES problems were
 * found (see lib/validation.ts), so the count is a lower bound.
 */
export function validationError(error: ZodError, where: string, stopped = false): ApiError {
  const { issues, count } = zodIssues(error);
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid input";
  let more = "";
  if (count > 1) more = ` and ${count - 1}${stopped ? "+" : ""} more issue(s)`;
  if (count > issues.length || stopped) more += ` (first ${issues.length} shown${stopped ? "; validation stopped there" : ""})`;
  return new ApiError(422, "validation_error", `Invalid request ${where}: ${summary}${more}`, issues, undefined, undefined, count);
}
