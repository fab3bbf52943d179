/** GET /evaluation: models/reports/eval.json, validated, for the dashboard's Analytics page. */
import { readFile } from "node:fs/promises";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { ApiError, problem } from "../lib/errors.js";
import { defaultHook } from "../lib/hook.js";
import { routeGuards } from "../middleware/route-guard.js";
import { authErrors, errorResponse } from "../schemas/common.js";
import { EvaluationSchema } from "../schemas/evaluation.js";

export async function readEvaluation(path: string) {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch {
    throw new ApiError(503, "evaluation_unavailable", "no evaluation report yet (npm run train writes it)");
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ApiError(503, "evaluation_invalid", "the evaluation report is not valid JSON");
  }
  const parsed = EvaluationSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ApiError(
      503,
      "evaluation_invalid",
      `the evaluation report does not match the contract: ${i ? `${i.path.join(".")}: ${i.message}` : "invalid"}`,
    );
  }
  return parsed.data;
}

export function evaluationRoutes(deps: AppDeps) {
  const route = createRoute({
    method: "get",
    path: "/evaluation",
    operationId: "getEvaluation",
    ...routeGuards(deps.config).keyed,
    tags: ["models"],
    summary: "Held-out evaluation of every policy and baseline (models/reports/eval.json)",
    responses: {
      200: { description: "The report", content: { "application/json": { schema: EvaluationSchema } } },
      ...authErrors,
      503: errorResponse(
        "No report yet, or it does not match the contract",
        problem(503, "evaluation_unavailable", "no evaluation report yet (npm run train writes it)"),
      ),
    },
  });
  return new OpenAPIHono<AppEnv>({ defaultHook }).openapi(route, async (c) => c.json(await readEvaluation(deps.config.EVAL_PATH), 200));
}
