/** /v2/models/{name}[/versions/{version}] and .../ready: the protocol's model metadata and readiness. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../context.js";
import { ModelUnavailableError } from "../../inference/errors.js";
import { modelTensors } from "../../inference/oip.js";
import { defaultHook } from "../../lib/hook.js";
import { routeGuards } from "../../middleware/route-guard.js";
import { ModelNameParamSchema, ModelVersionParamSchema } from "../../schemas/models.js";
import { OipErrorSchema, OipModelMetadataSchema, OipModelReadySchema } from "../../schemas/oip.js";

/** The protocol's platform name for an ONNX model run by ONNX Runtime. */
export const PLATFORM = "onnx_onnxv1";

const json = <S>(description: string, schema: S) => ({ description, content: { "application/json": { schema } } });
const errors = {
  400: json("Invalid model name or version", OipErrorSchema),
  401: json("Missing or wrong x-api-key (only when API_KEYS is set)", OipErrorSchema),
  404: json("Unknown model, or a version its config.json does not serve", OipErrorSchema),
};

export function oipModelRoutes(deps: AppDeps) {
  const { predictor, registry } = deps;
  const { keyed } = routeGuards(deps.config);

  const metadataResponses = { 200: json("The model's raw input and output tensors", OipModelMetadataSchema), ...errors, 503: json("The version is not loaded", OipErrorSchema) };
  const metadata = createRoute({
    method: "get",
    path: "/v2/models/{name}",
    operationId: "oipModelMetadata",
    ...keyed,
    tags: ["oip"],
    summary: "Model metadata of the active version: served versions, platform, input and output tensors",
    request: { params: ModelNameParamSchema },
    responses: metadataResponses,
  });
  const versionMetadata = createRoute({
    method: "get",
    path: "/v2/models/{name}/versions/{version}",
    operationId: "oipModelVersionMetadata",
    ...keyed,
    tags: ["oip"],
    summary: "Model metadata of a loaded version (the active or the previous one)",
    request: { params: ModelVersionParamSchema },
    responses: metadataResponses,
  });
  const readyResponses = { 200: json("Ready", OipModelReadySchema), ...errors, 503: json("Known but not loaded", OipModelReadySchema) };
  const ready = createRoute({
    method: "get",
    path: "/v2/models/{name}/ready",
    operationId: "oipModelReady",
    ...keyed,
    tags: ["oip"],
    summary: "Model ready: an active version is loaded",
    request: { params: ModelNameParamSchema },
    responses: readyResponses,
  });
  const versionReady = createRoute({
    method: "get",
    path: "/v2/models/{name}/versions/{version}/ready",
    operationId: "oipModelVersionReady",
    ...keyed,
    tags: ["oip"],
    summary: "Model version ready: the version is loaded (active or previous)",
    request: { params: ModelVersionParamSchema },
    responses: readyResponses,
  });

  const describe = (name: string, version?: string) => {
    const m = predictor.resolveModel(name, version);
    return { name, versions: registry.served(name).map(String), platform: PLATFORM, ...modelTensors(m) };
  };
  /** Ready unless the model or version is unknown (those stay errors). */
  const readiness = (name: string, version?: string): boolean => {
    try {
      predictor.resolveModel(name, version);
      return true;
    } catch (e) {
      if (e instanceof ModelUnavailableError) return false;
      throw e;
    }
  };

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(metadata, (c) => c.json(describe(c.req.valid("param").name), 200))
    .openapi(versionMetadata, (c) => {
      const { name, version } = c.req.valid("param");
      return c.json(describe(name, version), 200);
    })
    .openapi(ready, (c) => {
      const { name } = c.req.valid("param");
      return readiness(name) ? c.json({ name, ready: true }, 200) : c.json({ name, ready: false }, 503);
    })
    .openapi(versionReady, (c) => {
      const { name, version } = c.req.valid("param");
      return readiness(name, version) ? c.json({ name, ready: true }, 200) : c.json({ name, ready: false }, 503);
    });
}
