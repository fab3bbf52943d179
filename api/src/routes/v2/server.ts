/** GET /v2, /v2/health/live, /v2/health/ready: the protocol's server metadata and health. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../context.js";
import { defaultHook } from "../../lib/hook.js";
import { routeGuards } from "../../middleware/route-guard.js";
import { OipLiveSchema, OipReadySchema, OipServerMetadataSchema } from "../../schemas/oip.js";

export const SERVER_NAME = "edge-placement-api";
/** Extensions as Triton names them: this server reads and writes binary tensor data. */
export const EXTENSIONS = ["binary_tensor_data"];

const json = <S>(description: string, schema: S) => ({ description, content: { "application/json": { schema } } });

/** The protocol's server metadata; the specification writes the path both `v2` and `/v2/`, so both answer. */
export const serverMetadata = (deps: AppDeps) => ({ name: SERVER_NAME, version: deps.version, extensions: EXTENSIONS });

export function oipServerRoutes(deps: AppDeps) {
  // Metadata and health are open, as / and the product's probes are: orchestrators probe them without a key.
  const { open } = routeGuards(deps.config);
  const metadata = createRoute({
    method: "get",
    path: "/v2",
    operationId: "oipServerMetadata",
    ...open,
    tags: ["oip"],
    summary: "Server metadata (Open Inference Protocol v2)",
    responses: { 200: json("Name, version, extensions", OipServerMetadataSchema) },
  });
  const live = createRoute({
    method: "get",
    path: "/v2/health/live",
    operationId: "oipServerLive",
    ...open,
    tags: ["oip"],
    summary: "Server live: the process answers",
    responses: { 200: json("Live", OipLiveSchema) },
  });
  const ready = createRoute({
    method: "get",
    path: "/v2/health/ready",
    operationId: "oipServerReady",
    ...open,
    tags: ["oip"],
    summary: "Server ready: every model of the repository has an active version",
    responses: { 200: json("Ready", OipReadySchema), 503: json("Not ready (loading, or a model failed to load)", OipReadySchema) },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(metadata, (c) => c.json(serverMetadata(deps), 200))
    .openapi(live, (c) => c.json({ live: true }, 200))
    .openapi(ready, (c) => {
      const { registry } = deps;
      const names = registry.names();
      const isReady = registry.initialLoadDone && names.length > 0 && names.every((n) => registry.get(n) !== undefined);
      return isReady ? c.json({ ready: true }, 200) : c.json({ ready: false }, 503);
    });
}
