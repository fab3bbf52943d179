/**
 * Builds the Hono app: middleware (request id + logs + metrics, CORS, API key, body limit), every
 * route group, error handling and the generated OpenAPI document. `AppType` is for `hono/client`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "./context.js";
import { defaultHook } from "./lib/hook.js";
import { apiKeyAuth } from "./middleware/api-key.js";
import { bodyLimit } from "./middleware/body-limit.js";
import { cors } from "./middleware/cors.js";
import { errorHandler, notFound } from "./middleware/errors.js";
import { requestContext } from "./middleware/request-context.js";
import { compareRoutes } from "./routes/compare.js";
import { docsRoutes } from "./routes/docs.js";
import { evaluationRoutes } from "./routes/evaluation.js";
import { modelRoutes } from "./routes/models.js";
import { networkRoutes } from "./routes/networks.js";
import { observabilityRoutes } from "./routes/observability.js";
import { predictRoutes } from "./routes/predict.js";
import { simulateRoutes } from "./routes/simulate.js";
import { systemRoutes } from "./routes/system.js";

export function createApp(deps: AppDeps) {
  const { config } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook });

  app.use("*", requestContext(deps));
  app.use(
    "*",
    cors({
      origins: config.CORS_ORIGINS,
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["content-type", "x-api-key", "x-request-id"],
      exposeHeaders: ["x-request-id"],
      maxAge: 600,
    }),
  );
  app.use("*", apiKeyAuth(config.API_KEYS));
  app.use("*", bodyLimit(config.BODY_LIMIT));
  app.onError(errorHandler(deps.logger));
  app.notFound(notFound);

  const routes = app
    .route("/", systemRoutes(deps))
    .route("/", predictRoutes(deps))
    .route("/", compareRoutes(deps))
    .route("/", modelRoutes(deps))
    .route("/", networkRoutes(deps))
    .route("/", simulateRoutes(deps))
    .route("/", evaluationRoutes(deps))
    .route("/", observabilityRoutes(deps));

  if (config.API_KEYS.length > 0) {
    app.openAPIRegistry.registerComponent("securitySchemes", "ApiKey", { type: "apiKey", in: "header", name: "x-api-key" });
  }
  app.doc("/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "Edge task-placement API",
      version: deps.version,
      description:
        "Trained placement policies (DQN, PPO, hybrid GNN) exported to ONNX, served with the simulator's cost model and baselines. Errors are `{error, message, issues?}`.",
    },
    tags: [
      { name: "inference", description: "Placement decisions" },
      { name: "models", description: "Model catalogue, reload, evaluation" },
      { name: "networks", description: "Networks from the training distribution" },
      { name: "simulation", description: "Closed-loop episodes with policies in the loop" },
      { name: "system", description: "Service info, liveness, readiness" },
      { name: "observability", description: "Metrics and statistics" },
    ],
    ...(config.API_KEYS.length > 0 ? { security: [{ ApiKey: [] }] } : {}),
  });
  app.route("/", docsRoutes());
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
