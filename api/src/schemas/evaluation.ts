/** models/reports/eval.json (written by models/pipeline/evaluate.py): held-out episodes of every policy and baseline. */
import { z } from "@hono/zod-openapi";

const Interval = z
  .tuple([z.number(), z.number(), z.number()])
  .openapi({ description: "[mean, lo, hi]: paired difference of episode returns against greedy, with its confidence interval" });

/** A 95% interval [lo, hi] of a ratio of paired means (Fieller's), null where it is unbounded. */
const ratioInterval = (description: string) => z.tuple([z.number(), z.number()]).nullable().optional().openapi({ description });

export const EvalRowSchema = z
  .looseObject({
    policy: z.string(),
    kind: z.enum(["learned", "baseline"]),
    num_nodes: z.number().int().positive(),
    load: z.number().openapi({ description: "Target load rho of the episodes" }),
    episodes: z.number().int().positive(),
    mean_return: z.number().openapi({ description: "Mean episode return (sum of rewards over the scored tasks)" }),
    std_return: z.number(),
    diff_vs_greedy: Interval,
    normalized_score: z
      .number()
      .nullable()
      .openapi({ description: "Return on a scale where greedy is 0 and the planner 1 (null where it is undefined)" }),
    normalized_score_ci95: ratioInterval(
      "Fieller's 95% interval [lo, hi] of normalized_score on the planner's episodes; null where no finite interval holds it (the planner's gain over greedy is not significantly above 0 there) and for greedy and the planner",
    ),
    deadline_met_rate: z.number().min(0).max(1),
    mean_latency_ms: z.number().nullable().openapi({ description: "Mean completion time of placed tasks (null if none was placed)" }),
    decision_ms: z
      .number()
      .openapi({ description: "Mean time per decision (PyTorch, observation included) on the planner's episodes, stepped as the planner was" }),
  })
  .openapi("EvaluationRow");

export const AblationRowSchema = z
  .looseObject({
    policy: z.string(),
    variant: z.string(),
    num_nodes: z.number().int().positive(),
    load: z.number(),
    mean_return: z.number(),
    diff_vs_greedy: Interval,
    gain_kept: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: "Share of the full policy's gain over greedy the variant keeps: (variant - greedy) / (policy - greedy); null where the policy has no gain" }),
    gain_kept_ci95: ratioInterval("Fieller's 95% interval [lo, hi] of gain_kept over the same episodes; null where no finite interval holds it"),
  })
  .openapi("AblationRow");

export const EvaluationSchema = z
  .looseObject({
    seed: z.number().int(),
    episodes: z.number().int().positive(),
    tasks_per_episode: z.number().int().positive(),
    results: z.array(EvalRowSchema),
    ablations: z.array(AblationRowSchema).default([]),
  })
  .openapi("Evaluation", { description: "Held-out evaluation of every policy and baseline (models/reports/eval.json)" });

export type Evaluation = z.infer<typeof EvaluationSchema>;
