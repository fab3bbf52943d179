/** GET /models, GET /models/{name}, POST /models/{name}/load. */
import { z } from "@hono/zod-openapi";

export const ModelNameParamSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "a model name has 1-64 letters, digits, '_', '.' or '-'")
    .openapi({ param: { name: "name", in: "path" }, example: "hybrid" }),
});

export const ModelSummarySchema = z
  .object({
    name: z.string(),
    loaded: z.boolean(),
    status: z.enum(["loaded", "available", "failed"]),
    version: z.string().optional(),
    algorithm: z.string().optional(),
    has_value_head: z.boolean().optional(),
    sha256: z.string().optional(),
    loaded_at: z.string().optional(),
    last_error: z.string().optional(),
    evaluation: z.unknown().optional(),
  })
  .openapi("ModelSummary");

export const ModelListSchema = z
  .object({
    models: z.array(ModelSummarySchema),
    total: z.number().int(),
    loaded: z.record(z.string(), z.boolean()),
    default_model: z.string(),
  })
  .openapi("ModelList");

export const ModelDetailSchema = z
  .object({
    name: z.string(),
    model_type: z.string().openapi({ description: "Same as name (reference field)" }),
    loaded: z.boolean(),
    version: z.string(),
    sha256: z.string(),
    has_value_head: z.boolean(),
    loaded_at: z.string(),
    inputs: z.array(z.object({ name: z.string() })),
    outputs: z.array(z.object({ name: z.string() })),
    architecture: z.unknown(),
    training_info: z.unknown(),
    manifest: z.record(z.string(), z.unknown()).openapi({ description: "The full manifest as exported (features, evaluation, training curve, ...)" }),
  })
  .openapi("ModelDetail");

export const LoadResultSchema = z
  .object({
    status: z.literal("success"),
    message: z.string(),
    model: z.object({ name: z.string(), version: z.string(), sha256: z.string() }),
    previous_version: z.string().nullable(),
  })
  .openapi("LoadResult");
