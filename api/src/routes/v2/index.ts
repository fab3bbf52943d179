/**
 * The Open Inference Protocol v2 (KServe v2 / Triton REST) beside the product's own API: server and
 * model metadata, health, and inference on the models' raw tensors. Every error is the protocol's
 * `{"error": message}`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../context.js";
import { defaultHook } from "../../lib/hook.js";
import { oipErrorHandler } from "./errors.js";
import { oipInferRoutes } from "./infer.js";
import { oipModelRoutes } from "./models.js";
import { oipServerRoutes, serverMetadata } from "./server.js";

export function oipRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook })
    .route("/", oipServerRoutes(deps))
    .route("/", oipModelRoutes(deps))
    .route("/", oipInferRoutes(deps));
  app.get("/v2/", (c) => c.json(serverMetadata(deps), 200));
  app.all("/v2/*", (c) => c.json({ error: `no route ${c.req.method} ${c.req.path} in the Open Inference Protocol; see /docs` }, 404));
  app.onError(oipErrorHandler(deps.logger));
  return app;
}
