/** models/reports/eval.json, exactly the shape issue 2 (section 5) fixes. */
import { z } from "@hono/zod-openapi";

export const EvalRowSchema = z
  .looseObject({
    policy: z.string(),
    kind: z.enum(["learned", "baseline"]),
    num_nodes: z.number().int().positive(),
    mean_reward: z.number(),
    std_reward: z.number(),
    deadline_met_rate: z.number().min(0).max(1),
    mean_latency_ms: z.number(),
  })
  .openapi("EvaluationRow");

export const EvaluationSchema = z
  .looseObject({
    seed: z.number().int(),
    episodes: z.number().int().positive(),
    results: z.array(EvalRowSchema),
  })
  .openapi("Evaluation", { description: "Held-out evaluation of every policy and baseline (models/reports/eval.json)" });

export type Evaluation = z.infer<typeof EvaluationSchema>;
