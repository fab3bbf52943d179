/**
 * Open Inference Protocol v2 (KServe v2 / Triton) REST payloads, as the protocol's specification
 * defines them (docs/api.md, "Open Inference Protocol v2").
 */
import { z } from "@hono/zod-openapi";

export const OipErrorSchema = z
  .object({ error: z.string().openapi({ description: "What went wrong", example: "input 'x' has shape [1,20,16]; dimension 2 must be 17" }) })
  .openapi("OipError");

const ParametersSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .openapi("OipParameters", { description: "Name/value pairs; `binary_data_size`, `binary_data` and `binary_data_output` are the binary tensor data extension's" });

const DimSchema = z.number().int().min(0).max(2 ** 31 - 1);

export const OipRequestInputSchema = z
  .object({
    name: z.string().min(1).max(64),
    shape: z.array(DimSchema).max(8),
    datatype: z.string().min(1).max(16).openapi({ example: "FP32" }),
    parameters: ParametersSchema.optional(),
    data: z
      .array(z.unknown())
      .optional()
      .openapi({ description: "Row-major values, flat or nested like `shape`. Absent when `parameters.binary_data_size` says the bytes follow the JSON" }),
  })
  .openapi("OipRequestInput");

export const OipInferenceRequestSchema = z
  .object({
    id: z.string().max(256).optional(),
    parameters: ParametersSchema.optional(),
    inputs: z.array(OipRequestInputSchema).min(1).max(16),
    outputs: z
      .array(z.object({ name: z.string().min(1).max(64), parameters: ParametersSchema.optional() }))
      .max(16)
      .optional(),
  })
  .openapi("OipInferenceRequest");

export type OipInferenceRequest = z.output<typeof OipInferenceRequestSchema>;

export const OipResponseOutputSchema = z
  .object({
    name: z.string(),
    shape: z.array(z.number().int()),
    datatype: z.string(),
    parameters: ParametersSchema.optional(),
    data: z.array(z.number()).optional().openapi({ description: "Flat, row-major. Absent for an output sent as binary data" }),
  })
  .openapi("OipResponseOutput");

export const OipInferenceResponseSchema = z
  .object({
    model_name: z.string(),
    model_version: z.string(),
    id: z.string().optional(),
    parameters: ParametersSchema.optional(),
    outputs: z.array(OipResponseOutputSchema),
  })
  .openapi("OipInferenceResponse");

const TensorMetadataSchema = z.object({ name: z.string(), datatype: z.string(), shape: z.array(z.number().int()) }).openapi("OipTensorMetadata");

export const OipModelMetadataSchema = z
  .object({
    name: z.string(),
    versions: z.array(z.string()),
    platform: z.string(),
    inputs: z.array(TensorMetadataSchema),
    outputs: z.array(TensorMetadataSchema),
  })
  .openapi("OipModelMetadata");

export const OipServerMetadataSchema = z
  .object({ name: z.string(), version: z.string(), extensions: z.array(z.string()) })
  .openapi("OipServerMetadata");

export const OipLiveSchema = z.object({ live: z.boolean() }).openapi("OipLive");
export const OipReadySchema = z.object({ ready: z.boolean() }).openapi("OipReady");
export const OipModelReadySchema = z.object({ name: z.string(), ready: z.boolean() }).openapi("OipModelReady");
