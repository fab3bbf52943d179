/** POST /v2/models/{name}[/versions/{version}]/infer: the protocol's inference on the model's raw tensors. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../../context.js";
import { inferTensors, type InputTensor, type TensorLimits } from "../../inference/oip.js";
import { ApiError, validationError } from "../../lib/errors.js";
import { defaultHook } from "../../lib/hook.js";
import { routeGuards } from "../../middleware/route-guard.js";
import { ModelNameParamSchema, ModelVersionParamSchema } from "../../schemas/models.js";
import { MAX_BATCH_EDGES_FACTOR, type BodyBounds } from "../../schemas/network.js";
import { OipErrorSchema, OipInferenceRequestSchema, OipInferenceResponseSchema, type OipInferenceRequest } from "../../schemas/oip.js";
import { binaryBody, HEADER_LENGTH, jsonData, requestInputs, splitBody, wantsBinary } from "./binary.js";

const json = <S>(description: string, schema: S) => ({ description, content: { "application/json": { schema } } });

const EXAMPLE = {
  id: "42",
  inputs: [
    { name: "x", shape: [1, 2, 17], datatype: "FP32", data: "[[[...17 node features], [...]]] (flat or nested)" },
    { name: "mask", shape: [1, 2], datatype: "FP32", data: [1, 1] },
  ],
  outputs: [{ name: "probs" }],
};

/** Everything the versioned and the unversioned infer routes share. */
const inferSpec = {
  method: "post" as const,
  tags: ["oip"],
  description:
    "Inputs are the model's raw tensors (GET the model's metadata for their names, datatypes and shapes; docs/model-contract.md for their meaning), outputs likewise. Shapes and datatypes are checked against the graph before it runs; axes are bounded by MAX_BATCH (batch), MAX_NODES (nodes), MAX_BATCH_NODES (batch x nodes) and 4 x MAX_BATCH_NODES (links). Binary tensor data extension: send `application/octet-stream` with `Inference-Header-Content-Length`.",
  body: {
    required: false,
    content: {
      "application/json": { schema: OipInferenceRequestSchema.openapi({ example: EXAMPLE }) },
      "application/octet-stream": { schema: z.string().openapi({ format: "binary", description: "JSON header of Inference-Header-Content-Length bytes, then the binary tensor data" }) },
    },
  },
  responses: {
    200: {
      description: "The outputs (JSON; or the JSON header and binary data when asked for binary outputs)",
      content: { "application/json": { schema: OipInferenceResponseSchema }, "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    400: json("Invalid request: malformed JSON, or a tensor whose name, datatype, shape or values the model does not accept", OipErrorSchema),
    404: json("Unknown model, or a version its config.json does not serve", OipErrorSchema),
    401: json("Missing or wrong x-api-key (only when API_KEYS is set)", OipErrorSchema),
    413: json("Body over the tensor limits in bytes, JSON values or nesting depth (MAX_BATCH_NODES)", OipErrorSchema),
    415: json("Content-Type is neither JSON nor application/octet-stream", OipErrorSchema),
    503: json("The model or version is not loaded", OipErrorSchema),
  },
};

export function oipInferRoutes(deps: AppDeps) {
  const limits: TensorLimits = {
    maxBatch: deps.config.MAX_BATCH,
    maxNodes: deps.config.MAX_NODES,
    maxBatchNodes: deps.config.MAX_BATCH_NODES,
    maxLinks: MAX_BATCH_EDGES_FACTOR * deps.config.MAX_BATCH_NODES,
  };
  // The largest valid body: every contract tensor at MAX_BATCH_NODES nodes and 4 links per node
  // (x 17, edge_attr 4, parent and mask 1 value per node; link_index 2, link_attr 3 per link), each
  // number at most 24 characters, plus the request's envelope.
  const perNode = 17 + 4 + 1 + 1;
  const perLink = 2 + 3;
  const values = limits.maxBatchNodes * perNode + limits.maxLinks * perLink + 1_000;
  const bounds: BodyBounds = { bytes: values * 24 + 64 * 1024, values, depth: 12 };
  const guard = routeGuards(deps.config).json(bounds, "MAX_BATCH_NODES");

  /** The validated request and its input tensors, from a JSON body or a binary one. */
  async function readRequest(c: Context<AppEnv>, jsonBody: unknown): Promise<{ req: OipInferenceRequest; inputs: InputTensor[] }> {
    const headerLength = c.req.header(HEADER_LENGTH);
    if (headerLength === undefined) {
      if (!/^application\/(?:[\w.-]+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
        throw new ApiError(400, "bad_request", "send a JSON inference request (application/json), or binary tensor data (application/octet-stream) with an Inference-Header-Content-Length header");
      }
      const req = jsonBody as OipInferenceRequest;
      return { req, inputs: requestInputs(req) };
    }
    const { header, rest } = splitBody(new Uint8Array(await c.req.arrayBuffer()), headerLength);
    const parsed = OipInferenceRequestSchema.safeParse(header);
    if (!parsed.success) throw validationError(parsed.error, "header (Inference-Header-Content-Length)");
    return { req: parsed.data, inputs: requestInputs(parsed.data, rest) };
  }

  async function infer(c: Context<AppEnv>, name: string, version: string | undefined, jsonBody: unknown) {
    if (deps.registry.isKnown(name)) c.set("model", name);
    const model = deps.predictor.resolveModel(name, version);
    const { req, inputs } = await readRequest(c, jsonBody);
    // Bounded like /predict: past MAX_QUEUE in flight or REQUEST_DEADLINE_MS, a 503 with Retry-After.
    const outputs = await deps.predictor.admit(() => inferTensors(model, inputs, req.outputs?.map((o) => o.name), limits));
    const chunks: Uint8Array[] = [];
    const body = {
      model_name: model.name,
      model_version: model.ref.version,
      ...(req.id !== undefined ? { id: req.id } : {}),
      outputs: outputs.map((t) => {
        const head = { name: t.name, shape: t.shape, datatype: t.datatype };
        if (!wantsBinary(req, t.name)) return { ...head, data: jsonData(t) };
        chunks.push(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
        return { ...head, parameters: { binary_data_size: t.data.byteLength } };
      }),
    };
    if (chunks.length === 0) return c.json(body, 200);
    const { body: bytes, headerLength } = binaryBody(body, chunks);
    return c.body(bytes, 200, { "content-type": "application/octet-stream", [HEADER_LENGTH]: String(headerLength) });
  }

  const { body, ...shared } = inferSpec;
  const unversioned = createRoute({
    ...shared,
    path: "/v2/models/{name}/infer",
    operationId: "oipInfer",
    ...guard,
    summary: "Inference on the active version (Open Inference Protocol v2)",
    request: { params: ModelNameParamSchema, body },
  });
  const versioned = createRoute({
    ...shared,
    path: "/v2/models/{name}/versions/{version}/infer",
    operationId: "oipInferVersion",
    ...guard,
    summary: "Inference on a loaded version (the active or the previous one)",
    request: { params: ModelVersionParamSchema, body },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(unversioned, (c) => infer(c, c.req.valid("param").name, undefined, c.req.valid("json")))
    .openapi(versioned, (c) => {
      const { name, version } = c.req.valid("param");
      return infer(c, name, version, c.req.valid("json"));
    });
}
