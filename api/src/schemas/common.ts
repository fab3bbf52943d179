/** Shared response schemas: errors (RFC 9457 problems, with an example per status), service info, health, readiness. */
import { z } from "@hono/zod-openapi";
import { MAX_ISSUES, PROBLEM_CONTENT_TYPE, problem, type ErrorBody } from "../lib/errors.js";
import type { BodyBounds } from "./network.js";

export const ErrorSchema = z
  .object({
    type: z.string().openapi({ description: "URI of the problem type (RFC 9457): urn:edge-placement:problem:<error>", example: "urn:edge-placement:problem:validation_error" }),
    title: z.string().openapi({ description: "Short summary of the problem type", example: "Request validation failed" }),
    status: z.number().int().openapi({ description: "The HTTP status", example: 422 }),
    detail: z.string().openapi({ description: "This occurrence, for humans (same as message)" }),
    error: z.string().openapi({ description: "Stable machine-readable code", example: "validation_error" }),
    message: z.string().openapi({ description: "What went wrong, for humans" }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: `One entry per problem, with the path of the offending field; at most the first ${MAX_ISSUES}` }),
    issue_count: z
      .number()
      .int()
      .optional()
      .openapi({ description: `How many problems were found (validation errors); validation stops after ${MAX_ISSUES}, so ${MAX_ISSUES} means "at least"` }),
    available: z.array(z.string()).optional().openapi({ description: "Model names that exist (unknown-model errors)" }),
  })
  .openapi("Error", { description: "An RFC 9457 problem (application/problem+json) with the service's error, message and issues" });

/** An error response with its own example (or named examples). */
export function errorResponse(description: string, ...examples: ErrorBody[]) {
  const media =
    examples.length === 1
      ? { schema: ErrorSchema, example: examples[0] }
      : { schema: ErrorSchema, examples: Object.fromEntries(examples.map((e) => [e.error, { summary: e.title, value: e }])) };
  return { description, content: { [PROBLEM_CONTENT_TYPE]: media } };
}

export const EXAMPLE_ERRORS = {
  badJson: problem(400, "bad_request", "Malformed JSON in request body: the body must be a valid JSON document"),
  unauthorized: problem(401, "unauthorized", "missing x-api-key header"),
  validation: problem(
    422,
    "validation_error",
    "Invalid request body: network_state.nodes[2].cpu_util: Too big: expected number to be <=1 and 1 more issue(s)",
    {
      issues: [
        { path: "network_state.nodes[2].cpu_util", message: "Too big: expected number to be <=1" },
        { path: "network_state.edges[0]", message: "self-loop (3, 3) is not allowed" },
      ],
      issue_count: 2,
    },
  ),
  noValidNode: problem(
    422,
    "no_valid_node",
    "no node can take the task: every node is unreachable from source 0, overloaded (cpu_util > 0.95, backlog_ms >= 5000), short of memory or short of energy (for the compute, or at the source for the transmission)",
    { issues: [{ path: "network_state", message: "no valid node for this task" }] },
  ),
  unsupported: problem(415, "unsupported_media_type", "unsupported Content-Type 'text/plain': send application/json"),
  overloaded: problem(503, "overloaded", "too many request bodies in progress (BODY_BUDGET 33554432 bytes, BODY_CONCURRENCY 256); retry after 1 s"),
  modelNotFound: problem(404, "model_not_found", "unknown model 'gpt'; available: dqn, hybrid, ppo", { available: ["dqn", "hybrid", "ppo"] }),
  modelNotLoaded: problem(503, "model_not_loaded", "model 'ppo' is not loaded; POST /models/ppo/load to load it"),
};

/** The 401 of routes that need a key. */
export const authErrors = { 401: errorResponse("Missing or wrong x-api-key (only when API_KEYS is set)", EXAMPLE_ERRORS.unauthorized) } as const;

/** The error responses every JSON POST route may give; `why` names the settings its bounds come from. */
export function bodyErrors(bounds: BodyBounds, why: string) {
  return {
    400: errorResponse("Malformed JSON or Content-Length", EXAMPLE_ERRORS.badJson),
    ...authErrors,
    413: errorResponse(
      `Body over ${bounds.bytes} bytes, holding more than ${bounds.values} JSON values or nested deeper than ${bounds.depth} (${why})`,
      problem(413, "payload_too_large", `the request body is larger than ${bounds.bytes} bytes, this route's limit (${why})`),
    ),
    415: errorResponse("Content-Type is not application/json", EXAMPLE_ERRORS.unsupported),
    422: errorResponse(`Validation failed (issues lists the first ${MAX_ISSUES} problems with their paths)`, EXAMPLE_ERRORS.validation),
    503: errorResponse("Too many request bodies in progress (BODY_BUDGET, BODY_CONCURRENCY): retry after Retry-After seconds", EXAMPLE_ERRORS.overloaded),
  } as const;
}

/** Inference routes: unknown model, unloaded model or server busy, and 422 for bad input or no valid node. */
export function inferenceErrors(bounds: BodyBounds, why: string) {
  return {
    ...bodyErrors(bounds, why),
    404: errorResponse("Unknown model (available lists the names)", EXAMPLE_ERRORS.modelNotFound),
    422: errorResponse("Validation failed, or no node can take the task", EXAMPLE_ERRORS.validation, EXAMPLE_ERRORS.noValidNode),
    503: errorResponse(
      "Model known but not loaded, or too many request bodies in progress; retry after Retry-After seconds",
      EXAMPLE_ERRORS.modelNotLoaded,
      EXAMPLE_ERRORS.overloaded,
    ),
  } as const;
}

export const ServiceInfoSchema = z
  .object({
    service: z.string(),
    version: z.string(),
    status: z.string(),
    docs: z.string(),
    openapi: z.string(),
    health: z.string(),
    endpoints: z.array(z.string()),
  })
  .openapi("ServiceInfo");

export const HealthSchema = z
  .object({
    status: z.enum(["healthy", "degraded"]),
    version: z.string(),
    uptime_seconds: z.number(),
    models_loaded: z.record(z.string(), z.boolean()).openapi({ description: "Every known model and whether it is loaded" }),
    loaded_models: z.array(z.string()),
  })
  .openapi("Health");

export const ReadySchema = z
  .object({ ready: z.boolean(), loaded_models: z.array(z.string()), message: z.string() })
  .openapi("Ready");
