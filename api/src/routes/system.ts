/** GET /, /health, /ready. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_MODEL, type AppDeps, type AppEnv } from "../context.js";
import { defaultHook } from "../lib/hook.js";
import { routeGuards } from "../middleware/route-guard.js";
import { HealthSchema, ReadySchema, ServiceInfoSchema } from "../schemas/common.js";

export const ENDPOINTS = [
  "GET /",
  "GET /health",
  "GET /ready",
  "POST /predict",
  "POST /batch-predict",
  "POST /compare",
  "GET /models",
  "GET /models/{name}",
  "POST /models/{name}/load",
  "POST /networks/generate",
  "POST /generate-mock-network",
  "GET /evaluation",
  "GET /metrics",
  "GET /stats",
  "GET /docs",
  "GET /openapi.json",
];

export function systemRoutes(deps: AppDeps) {
  const { open } = routeGuards(deps.config);
  const root = createRoute({
    method: "get",
    path: "/",
    operationId: "getServiceInfo",
    ...open,
    tags: ["system"],
    summary: "Service information",
    responses: { 200: { description: "Service info", content: { "application/json": { schema: ServiceInfoSchema } } } },
  });
  const health = createRoute({
    method: "get",
    path: "/health",
    operationId: "getHealth",
    ...open,
    tags: ["system"],
    summary: "Liveness: status, version, uptime and which models are loaded",
    responses: { 200: { description: "Alive", content: { "application/json": { schema: HealthSchema } } } },
  });
  const ready = createRoute({
    method: "get",
    path: "/ready",
    operationId: "getReadiness",
    ...open,
    tags: ["system"],
    summary: "Readiness: 200 once the default model is loaded; 503 while loading, without it, or once shutting down",
    responses: {
      200: { description: "Ready", content: { "application/json": { schema: ReadySchema } } },
      503: {
        description: "Not ready: models loading, the default model not loaded, or draining after SIGTERM",
        content: { "application/json": { schema: ReadySchema } },
      },
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(root, (c) =>
      c.json(
        {
          service: "edge-placement-api",
          version: deps.version,
          status: "running",
          docs: "/docs",
          openapi: "/openapi.json",
          health: "/health",
          endpoints: ENDPOINTS,
        },
        200,
      ),
    )
    .openapi(health, (c) => {
      const models_loaded: Record<string, boolean> = {};
      for (const n of deps.registry.names()) models_loaded[n] = !!deps.registry.get(n);
      const loaded = deps.registry.loadedNames();
      return c.json(
        {
          status: loaded.length > 0 ? ("healthy" as const) : ("degraded" as const),
          version: deps.version,
          uptime_seconds: (Date.now() - deps.startedAt) / 1000,
          models_loaded,
          loaded_models: loaded,
        },
        200,
      );
    })
    .openapi(ready, (c) => {
      const loaded = deps.registry.loadedNames();
      const notReady = (message: string) => c.json({ ready: false, loaded_models: loaded, message }, 503);
      if (deps.lifecycle.draining) return notReady("shutting down: finishing in-flight requests");
      if (!deps.registry.initialLoadDone) return notReady("loading models");
      if (loaded.length === 0) return notReady("no model loaded; the reasons are in the server log");
      // Requests without model_type use the default model: without it the service cannot serve them.
      if (!deps.registry.get(DEFAULT_MODEL)) {
        return notReady(`the default model '${DEFAULT_MODEL}' is not loaded (the reason is in the server log); POST /models/${DEFAULT_MODEL}/load to retry`);
      }
      return c.json({ ready: true, loaded_models: loaded, message: `${loaded.length} model(s) loaded` }, 200);
    });
}
