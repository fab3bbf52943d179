/** Shared response schemas: errors, service info, health, readiness. */
import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    error: z.string().openapi({ description: "Stable machine-readable code", example: "validation_error" }),
    message: z.string().openapi({ description: "What went wrong, for humans", example: "Invalid request body: network_state.nodes: a network needs at least 2 nodes" }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "One entry per problem, with the path of the offending field" }),
    available: z.array(z.string()).optional().openapi({ description: "Model names that exist (unknown-model errors)" }),
  })
  .openapi("Error");

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

/** The error responses every JSON POST route may give. */
export const bodyErrors = {
  400: err("Malformed JSON"),
  401: err("Missing or wrong x-api-key (only when API_KEYS is set)"),
  413: err("Body over BODY_LIMIT"),
  415: err("Content-Type is not application/json"),
  422: err("Validation failed (issues list every problem with its path)"),
} as const;

export const modelErrors = {
  404: err("Unknown model (available lists the names)"),
  503: err("Model known but not loaded"),
} as const;

export { err as errorResponse };

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
