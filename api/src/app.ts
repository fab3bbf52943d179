/**
 * Builds the Hono app: middleware (request id + logs + metrics, CORS), every route group (each
 * declares its own key rule and body bounds, middleware/route-guard.ts), error handling (404, 405
 * with Allow, problems) and the generated OpenAPI document. `AppType` is for `hono/client`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "./context.js";
import { defaultHook } from "./lib/hook.js";
import { cors } from "./middleware/cors.js";
import { errorHandler, methodTable, notFound } from "./middleware/errors.js";
import { security } from "./middleware/security.js";
import { API_KEY_SCHEME } from "./middleware/route-guard.js";
import { requestContext } from "./middleware/request-context.js";
import { compareRoutes } from "./routes/compare.js";
import { docsRoutes } from "./routes/docs.js";
import { evaluationRoutes } from "./routes/evaluation.js";
import { modelRoutes } from "./routes/models.js";
import { networkRoutes } from "./routes/networks.js";
import { observabilityRoutes } from "./routes/observability.js";
import { oipRoutes } from "./routes/v2/index.js";
import { predictRoutes } from "./routes/predict.js";
import { simulateRoutes } from "./routes/simulate.js";
import { systemRoutes } from "./routes/system.js";

export function createApp(deps: AppDeps) {
  const { config } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook });

  app.use("*", requestContext(deps));
  app.use("*", security(config.ALLOWED_HOSTS));
  app.use(
    "*",
    cors({
      origins: config.CORS_ORIGINS,
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["content-type", "x-request-id"],
      keyHeader: "x-api-key",
      exposeHeaders: ["x-request-id", "retry-after"],
      maxAge: 600,
    }),
  );
  app.onError(errorHandler(deps.logger));

  const routes = app
    .route("/", systemRoutes(deps))
    .route("/", predictRoutes(deps))
    .route("/", compareRoutes(deps))
    .route("/", modelRoutes(deps))
    .route("/", networkRoutes(deps))
    .route("/", simulateRoutes(deps))
    .route("/", evaluationRoutes(deps))
    .route("/", observabilityRoutes(deps))
    .route("/", oipRoutes(deps));

  if (config.API_KEYS.length > 0) {
    app.openAPIRegistry.registerComponent("securitySchemes", API_KEY_SCHEME, { type: "apiKey", in: "header", name: "x-api-key" });
  }
  app.doc("/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "Edge task-placement API",
      version: deps.version,
      description:
        "Trained placement policies (DQN, PPO, hybrid GNN) exported to ONNX, served with the simulator's cost model and baselines. Errors are RFC 9457 problems (`application/problem+json`): `{type, title, status, detail, error, message, issues?, issue_count?}`. Each operation's `security` says whether it needs `x-api-key` (only when the server has API_KEYS set).",
    },
    tags: [
      { name: "inference", description: "Placement decisions" },
      { name: "models", description: "Model catalogue, reload, evaluation" },
      { name: "networks", description: "Networks from the training distribution" },
      { name: "simulation", description: "Closed-loop episodes with policies in the loop" },
      { name: "system", description: "Service info, liveness, readiness" },
      { name: "observability", description: "Metrics and statistics" },
      { name: "oip", description: "Open Inference Protocol v2 (KServe v2 / Triton REST): raw tensors, errors as {error}" },
    ],
  });
  app.route("/", docsRoutes());
  app.notFound(notFound(methodTable(app.routes)));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
