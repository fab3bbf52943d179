/** GET /models, GET /models/{name}, loading a version and rolling back. */
import { z } from "@hono/zod-openapi";
import { MODEL_NAME_RE } from "../inference/repository.js";

export const ModelNameParamSchema = z.object({
  name: z
    .string()
    .regex(MODEL_NAME_RE, "a model name has 1-64 letters, digits, '_', '.' or '-'")
    .openapi({ param: { name: "name", in: "path" }, example: "hybrid" }),
});

export const ModelVersionParamSchema = ModelNameParamSchema.extend({
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, "a version is a positive whole number (the directory name in the model repository)")
    .openapi({ param: { name: "version", in: "path" }, example: "1" }),
});

export const VersionStateSchema = z
  .object({
    version: z.string(),
    active: z.boolean().openapi({ description: "Answers requests that name no version" }),
    loaded: z.boolean().openapi({ description: "In memory: the active or the previous version" }),
    default: z.boolean().openapi({ description: "config.json's default_version: loaded at start-up" }),
  })
  .openapi("VersionState");

export const ModelSummarySchema = z
  .object({
    name: z.string(),
    loaded: z.boolean(),
    status: z.enum(["loaded", "available", "failed"]),
    version: z.string().optional().openapi({ description: "The active version" }),
    previous_version: z.string().nullable().openapi({ description: "The version POST /models/{name}/rollback returns to" }),
    versions: z.array(VersionStateSchema).openapi({ description: "Every version config.json serves" }),
    algorithm: z.string().optional(),
    has_value_head: z.boolean().optional(),
    sha256: z.string().optional(),
    loaded_at: z.string().optional(),
    last_error: z.string().optional(),
    evaluation: z.record(z.string(), z.unknown()).optional(),
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

const TensorSpecSchema = z.object({ name: z.string(), shape: z.array(z.union([z.string(), z.number()])), dtype: z.string() });

export const ModelDetailSchema = z
  .object({
    name: z.string(),
    model_type: z.string().openapi({ description: "Same as name (reference field)" }),
    loaded: z.boolean(),
    version: z.string(),
    model_version: z.string(),
    previous_version: z.string().nullable(),
    versions: z.array(VersionStateSchema),
    sha256: z.string(),
    has_value_head: z.boolean(),
    loaded_at: z.string(),
    inputs: z.array(TensorSpecSchema).openapi({ description: "The inputs the graph declares (manifest `inputs`)" }),
    outputs: z.array(TensorSpecSchema),
    architecture: z.record(z.string(), z.unknown()),
    training_info: z.record(z.string(), z.unknown()),
    manifest: z.record(z.string(), z.unknown()).openapi({ description: "The version's manifest.json as exported (features, evaluation, training curve, ...)" }),
  })
  .openapi("ModelDetail");

export const LoadResultSchema = z
  .object({
    status: z.literal("success"),
    message: z.string(),
    model: z.object({ name: z.string(), version: z.string(), sha256: z.string() }),
    model_version: z.string().openapi({ description: "The version now active" }),
    previous_version: z.string().nullable().openapi({ description: "The version kept loaded for a rollback" }),
  })
  .openapi("LoadResult");
