/** Model catalogue and hot reload. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_MODEL, type AppDeps, type AppEnv } from "../context.js";
import { ModelLoadFailedError, ModelNotFoundError } from "../inference/errors.js";
import { ModelLoadError, type LoadedModel } from "../inference/registry.js";
import { problem } from "../lib/errors.js";
import { defaultHook } from "../lib/hook.js";
import { routeGuards } from "../middleware/route-guard.js";
import { authErrors, EXAMPLE_ERRORS, errorResponse } from "../schemas/common.js";
import { LoadResultSchema, ModelDetailSchema, ModelListSchema, ModelNameParamSchema } from "../schemas/models.js";

function pick(obj: Record<string, unknown>, ...keys: string[]): unknown {
  for (const k of keys) if (obj[k] !== undefined) return obj[k];
  return undefined;
}

export function describe(m: LoadedModel) {
  const man = m.manifest as Record<string, unknown>;
  return {
    name: m.name,
    loaded: true,
    status: "loaded" as const,
    version: m.version,
    ...(m.manifest.algorithm ? { algorithm: m.manifest.algorithm } : {}),
    has_value_head: m.hasValue,
    sha256: m.sha256,
    loaded_at: m.loadedAt.toISOString(),
    ...(pick(man, "evaluation", "eval", "evaluation_summary") !== undefined ? { evaluation: pick(man, "evaluation", "eval", "evaluation_summary") } : {}),
  };
}

export function modelRoutes(deps: AppDeps) {
  const { registry } = deps;
  const keyed = routeGuards(deps.config).keyed;
  const badName = problem(422, "validation_error", "Invalid request path parameter: name: a model name has 1-64 letters, digits, '_', '.' or '-'", {
    issues: [{ path: "name", message: "a model name has 1-64 letters, digits, '_', '.' or '-'" }],
  });

  const list = createRoute({
    method: "get",
    path: "/models",
    operationId: "listModels",
    ...keyed,
    tags: ["models"],
    summary: "Every model on disk and whether it is loaded",
    responses: { 200: { description: "The catalogue", content: { "application/json": { schema: ModelListSchema } } }, ...authErrors },
  });

  const detail = createRoute({
    method: "get",
    path: "/models/{name}",
    operationId: "getModel",
    ...keyed,
    tags: ["models"],
    summary: "A loaded model's manifest: architecture, features, evaluation, training curve",
    request: { params: ModelNameParamSchema },
    responses: {
      200: { description: "The model", content: { "application/json": { schema: ModelDetailSchema } } },
      ...authErrors,
      404: errorResponse("Unknown model (available lists the names)", EXAMPLE_ERRORS.modelNotFound),
      422: errorResponse("Invalid model name", badName),
      503: errorResponse("Known but not loaded", EXAMPLE_ERRORS.modelNotLoaded),
    },
  });

  const load = createRoute({
    method: "post",
    path: "/models/{name}/load",
    operationId: "loadModel",
    ...keyed,
    tags: ["models"],
    summary: "Re-read a model from disk and swap it in atomically",
    description:
      "Verifies the manifest, the sha256 of the .onnx file and a smoke-test run before swapping. On failure the serving version (if any) keeps answering and the response says why (422 `model_load_failed`).",
    request: { params: ModelNameParamSchema },
    responses: {
      200: { description: "Loaded", content: { "application/json": { schema: LoadResultSchema } } },
      ...authErrors,
      404: errorResponse("No such model on disk", EXAMPLE_ERRORS.modelNotFound),
      422: errorResponse(
        "Invalid model name, or the files on disk are broken (the serving version stays)",
        badName,
        problem(422, "model_load_failed", "model 'ppo' could not be loaded: sha256 mismatch for ppo.onnx. Version 2.0.0 keeps serving.", {
          issues: [{ path: "ppo", message: "sha256 mismatch for ppo.onnx" }],
        }),
      ),
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(list, async (c) => {
      await registry.scan();
      const models = registry.names().map((name) => {
        const m = registry.get(name);
        if (m) return describe(m);
        const st = registry.status(name);
        return {
          name,
          loaded: false,
          status: st.last_error ? ("failed" as const) : ("available" as const),
          ...(st.last_error ? { last_error: st.last_error } : {}),
        };
      });
      const loaded: Record<string, boolean> = {};
      for (const m of models) loaded[m.name] = m.loaded;
      return c.json({ models, total: models.length, loaded, default_model: DEFAULT_MODEL }, 200);
    })
    .openapi(detail, async (c) => {
      const { name } = c.req.valid("param");
      const m = deps.predictor.resolveModel(name);
      const man = m.manifest as Record<string, unknown>;
      const names = (v: unknown, fallback: string[]) =>
        Array.isArray(v)
          ? v.map((e) => ({ name: typeof e === "string" ? e : String((e as { name?: unknown }).name ?? "") }))
          : v && typeof v === "object"
            ? Object.keys(v).map((k) => ({ name: k }))
            : fallback.map((n) => ({ name: n }));
      return c.json(
        {
          name: m.name,
          model_type: m.name,
          loaded: true,
          version: m.version,
          sha256: m.sha256,
          has_value_head: m.hasValue,
          loaded_at: m.loadedAt.toISOString(),
          inputs: names(man.inputs, [...m.session.inputNames]),
          outputs: names(man.outputs, [...m.session.outputNames]),
          architecture: man.architecture ?? null,
          training_info: pick(man, "training", "training_info") ?? null,
          manifest: man,
        },
        200,
      );
    })
    .openapi(load, async (c) => {
      const { name } = c.req.valid("param");
      await registry.scan();
      if (!registry.isKnown(name)) throw new ModelNotFoundError(name, registry.names());
      const previous = registry.get(name)?.version ?? null;
      try {
        const m = await registry.load(name);
        deps.metrics.modelReloads.inc({ model: name, result: "success" });
        deps.metrics.modelsLoaded.set(registry.loadedNames().length);
        return c.json(
          {
            status: "success" as const,
            message: `model '${name}' version ${m.version} loaded`,
            model: { name, version: m.version, sha256: m.sha256 },
            previous_version: previous,
          },
          200,
        );
      } catch (e) {
        deps.metrics.modelReloads.inc({ model: name, result: "failure" });
        if (e instanceof ModelLoadError) throw new ModelLoadFailedError(name, e.reason, registry.get(name)?.version ?? null);
        throw e;
      }
    });
}
