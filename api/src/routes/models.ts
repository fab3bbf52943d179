/** Model catalogue: versions, loading a version, rolling back (docs/api.md, "Models and versions"). */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_MODEL, type AppDeps, type AppEnv } from "../context.js";
import { ModelLoadFailedError } from "../inference/errors.js";
import type { LoadedModel } from "../inference/loaded-model.js";
import type { ModelRegistry } from "../inference/registry.js";
import { defaultHook } from "../lib/hook.js";
import { problem } from "../lib/errors.js";
import { routeGuards } from "../middleware/route-guard.js";
import { authErrors, EXAMPLE_ERRORS, errorResponse } from "../schemas/common.js";
import { LoadResultSchema, ModelDetailSchema, ModelListSchema, ModelNameParamSchema, ModelVersionParamSchema } from "../schemas/models.js";

/** Every served version of a model and its state. */
function versionStates(registry: ModelRegistry, name: string) {
  const st = registry.status(name);
  return st.versions.map((v) => ({
    version: String(v),
    active: v === st.active_version,
    loaded: v === st.active_version || v === st.previous_version,
    default: v === st.default_version,
  }));
}

const previousOf = (registry: ModelRegistry, name: string): string | null => {
  const v = registry.status(name).previous_version;
  return v === null ? null : String(v);
};

function summary(registry: ModelRegistry, name: string) {
  const st = registry.status(name);
  const m = registry.get(name);
  const common = { name, previous_version: previousOf(registry, name), versions: versionStates(registry, name), ...(st.last_error ? { last_error: st.last_error } : {}) };
  if (!m) return { ...common, loaded: false, status: st.last_error ? ("failed" as const) : ("available" as const) };
  return {
    ...common,
    loaded: true,
    status: "loaded" as const,
    version: m.ref.version,
    algorithm: m.manifest.algorithm,
    has_value_head: m.hasValue,
    sha256: m.sha256,
    loaded_at: m.loadedAt.toISOString(),
    evaluation: m.manifest.evaluation,
  };
}

export function modelRoutes(deps: AppDeps) {
  const { registry } = deps;

  const loadResult = (m: LoadedModel, message: string) => ({
    status: "success" as const,
    message,
    model: { name: m.name, version: m.ref.version, sha256: m.sha256 },
    model_version: m.ref.version,
    previous_version: previousOf(registry, m.name),
  });

  /** Load a version and count the attempt. */
  async function load(name: string, version?: number) {
    try {
      const m = await deps.models.load(name, version);
      deps.metrics.modelReloads.inc({ model: name, result: "success" });
      return m;
    } catch (e) {
      if (e instanceof ModelLoadFailedError) deps.metrics.modelReloads.inc({ model: name, result: "failure" });
      throw e;
    }
  }

  const keyed = routeGuards(deps.config).keyed;
  const badName = problem(422, "validation_error", "Invalid request path parameter: name: a model name has 1-64 letters, digits, '_', '.' or '-'", {
    issues: [{ path: "name", message: "a model name has 1-64 letters, digits, '_', '.' or '-'" }],
  });
  const loadFailed = problem(422, "model_load_failed", "cannot load version 2 of model 'ppo': sha256 mismatch for ppo/2/model.onnx. Version 1 keeps serving.", {
    issues: [{ path: "ppo/2", message: "sha256 mismatch for ppo/2/model.onnx" }],
  });
  const replicationFailed = problem(
    500,
    "model_replication_failed",
    "model 'ppo' version 2 is active on the worker that answered, but 1 other worker(s) could not switch to it and keep serving their version: send the request again to retry",
    { issues: [{ path: "worker 3", message: "the worker exited" }] },
  );
  const loadErrors = {
    ...authErrors,
    404: errorResponse(
      "Unknown model, or a version its config.json does not serve",
      EXAMPLE_ERRORS.modelNotFound,
      problem(404, "version_not_found", "model 'ppo' has no served version '7'; its config.json serves 1, 2"),
    ),
    422: errorResponse("Invalid model name, or the files on disk are broken (model_load_failed): the serving versions stay", badName, loadFailed),
    500: errorResponse("In a cluster (WORKERS > 1): the worker that answered switched, some other workers could not; each is named with its reason", replicationFailed),
  };

  const list = createRoute({
    method: "get",
    path: "/models",
    operationId: "listModels",
    ...keyed,
    tags: ["models"],
    summary: "Every model in the repository, its served versions and which one is active",
    responses: { 200: { description: "The catalogue", content: { "application/json": { schema: ModelListSchema } } }, ...authErrors },
  });

  const detail = createRoute({
    method: "get",
    path: "/models/{name}",
    operationId: "getModel",
    ...keyed,
    tags: ["models"],
    summary: "The active version's manifest: architecture, features, evaluation, training curve",
    request: { params: ModelNameParamSchema },
    responses: {
      200: { description: "The model", content: { "application/json": { schema: ModelDetailSchema } } },
      ...authErrors,
      404: errorResponse("Unknown model (available lists the names)", EXAMPLE_ERRORS.modelNotFound),
      422: errorResponse("Invalid model name", badName),
      503: errorResponse("Known but not loaded", EXAMPLE_ERRORS.modelNotLoaded),
    },
  });

  const reload = createRoute({
    method: "post",
    path: "/models/{name}/load",
    operationId: "loadModel",
    ...keyed,
    tags: ["models"],
    summary: "Load the default version (config.json's default_version) from disk and make it active",
    description:
      "Re-reads config.json, verifies the manifest, the sha256 of model.onnx and a smoke-test run before swapping. The version it replaces stays loaded as the previous one (unless it is the same version). On failure the serving versions keep answering and the response says why (422 `model_load_failed`).",
    request: { params: ModelNameParamSchema },
    responses: { 200: { description: "Loaded", content: { "application/json": { schema: LoadResultSchema } } }, ...loadErrors },
  });

  const loadVersion = createRoute({
    method: "post",
    path: "/models/{name}/versions/{version}/load",
    operationId: "loadModelVersion",
    ...keyed,
    tags: ["models"],
    summary: "Load a served version and make it active; the one it replaces is kept for a rollback",
    description:
      "The version must be one config.json serves. Checks as for /models/{name}/load. Answers that follow name this version in `model_version`.",
    request: { params: ModelVersionParamSchema },
    responses: { 200: { description: "Loaded", content: { "application/json": { schema: LoadResultSchema } } }, ...loadErrors },
  });

  const rollback = createRoute({
    method: "post",
    path: "/models/{name}/rollback",
    operationId: "rollbackModel",
    ...keyed,
    tags: ["models"],
    summary: "Make the previous version active again (and keep the current one as previous)",
    description: "A swap of two loaded versions: nothing is read from disk, so it cannot fail half-way. 422 `no_previous_version` when only one version was ever loaded.",
    request: { params: ModelNameParamSchema },
    responses: {
      200: { description: "Rolled back", content: { "application/json": { schema: LoadResultSchema } } },
      ...authErrors,
      404: errorResponse("Unknown model", EXAMPLE_ERRORS.modelNotFound),
      422: errorResponse(
        "Invalid model name, or no previous version to roll back to",
        badName,
        problem(422, "no_previous_version", "model 'ppo' has no previous version to roll back to: load another version first"),
      ),
      500: errorResponse("In a cluster (WORKERS > 1): some other workers could not follow the rollback; each is named with its reason", replicationFailed),
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(list, async (c) => {
      await registry.scan();
      const models = registry.names().map((name) => summary(registry, name));
      const loaded: Record<string, boolean> = {};
      for (const m of models) loaded[m.name] = m.loaded;
      return c.json({ models, total: models.length, loaded, default_model: DEFAULT_MODEL }, 200);
    })
    .openapi(detail, async (c) => {
      const { name } = c.req.valid("param");
      const m = deps.predictor.resolveModel(name);
      return c.json(
        {
          name: m.name,
          model_type: m.name,
          loaded: true,
          version: m.ref.version,
          model_version: m.ref.version,
          previous_version: previousOf(registry, name),
          versions: versionStates(registry, name),
          sha256: m.sha256,
          has_value_head: m.hasValue,
          loaded_at: m.loadedAt.toISOString(),
          inputs: m.manifest.inputs,
          outputs: m.manifest.outputs,
          architecture: m.manifest.architecture,
          training_info: m.manifest.training,
          manifest: m.manifest,
        },
        200,
      );
    })
    .openapi(reload, async (c) => {
      const { name } = c.req.valid("param");
      const m = await load(name);
      return c.json(loadResult(m, `model '${name}' version ${m.version} loaded`), 200);
    })
    .openapi(loadVersion, async (c) => {
      const { name, version } = c.req.valid("param");
      const m = await load(name, Number(version));
      return c.json(loadResult(m, `model '${name}' version ${m.version} loaded and active`), 200);
    })
    .openapi(rollback, async (c) => {
      const { name } = c.req.valid("param");
      const { active, previous } = await deps.models.rollback(name);
      return c.json(loadResult(active, `model '${name}' rolled back from version ${previous.version} to ${active.version}`), 200);
    });
}
