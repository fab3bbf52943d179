/** POST /simulate: request (with the configured limits) and answer. */
import { z } from "@hono/zod-openapi";
import { capped, issueBudgetSpent } from "../lib/validation.js";
import { warmupTasks } from "../simulation/arrivals.js";
import { PLANNER_EVALS_PER_TASK } from "../simulation/planner.js";
import { BASELINE_NAMES, isBaseline, PLANNER } from "../simulation/policies.js";
import * as spec from "../simulation/spec.js";
import { TRACE_SAMPLES } from "../simulation/trace.js";
import { EdgeSchema, MAX_LOAD, networkSchema, NodeSchema, type Limits } from "./network.js";
import { ModelNameSchema } from "./predict.js";

export interface SimLimits {
  /** SIM_MAX_TASKS */
  maxTasks: number;
  /** SIM_MAX_WORK: (warm-up + tasks x policies) x nodes */
  maxWork: number;
  /** SIM_MAX_PLANNER_WORK: tasks x nodes when the planner runs */
  maxPlannerWork: number;
}

/** At most this many policies in one episode (every baseline and a few models). */
export const MAX_POLICIES = 16;

const uint32 = z.number().int().min(0).max(0xffffffff);

export const SIMULATE_EXAMPLE = { num_nodes: 50, network_seed: 1, load: 0.7, tasks: 1000, seed: 7, policies: ["hybrid", "greedy", "planner"] };

/**
 * `isModel(name)`: whether a model of that name exists (loaded or not). Every bound is checked here,
 * before any work; a violated limit is a 422 whose message names the setting and the values.
 */
export function simulateRequestSchema(limits: Limits, sim: SimLimits, isModel: (name: string) => boolean) {
  const schema = z
    .strictObject({
      num_nodes: z
        .number()
        .int()
        .min(spec.MIN_NODES)
        .max(spec.MAX_GENERATED_NODES)
        .optional()
        .openapi({ description: `Generate the network (${spec.MIN_NODES}-${spec.MAX_GENERATED_NODES} nodes) as POST /networks/generate does; give this or network_state`, example: 50 }),
      network_seed: uint32.optional().openapi({ description: "Generator seed of the network (with num_nodes). Default: `seed`", example: 1 }),
      network_state: networkSchema(limits)
        .optional()
        .openapi({ description: "Your own network instead of num_nodes/network_seed; its node and link backlogs are the episode's starting state" }),
      load: z
        .number()
        .gt(0)
        .max(MAX_LOAD)
        .default(spec.DEFAULT_LOAD)
        .openapi({ description: `Target load rho: the mean arrival rate as a fraction of the network's total compute, (0, ${MAX_LOAD}]. Default ${spec.DEFAULT_LOAD}`, example: 0.7 }),
      bursts: z
        .boolean()
        .default(true)
        .openapi({
          description: `Markov-modulated bursts (calm ${spec.RATE_CALM}x, burst ${spec.RATE_BURST}x the rate, ${spec.HOT_SHARE * 100}% of a burst's tasks from one fog region; docs/environment.md). false: a plain Poisson stream at the target rate. Default true`,
          example: true,
        }),
      tasks: z
        .number()
        .int()
        .min(1)
        .max(sim.maxTasks, `at most ${sim.maxTasks} tasks (SIM_MAX_TASKS)`)
        .default(spec.EPISODE_TASKS)
        .openapi({ description: `Scored tasks, 1-${sim.maxTasks} (SIM_MAX_TASKS), after the greedy warm-up of max(${spec.WARMUP_MIN_TASKS}, N) tasks. Default ${spec.EPISODE_TASKS}`, example: 1000 }),
      seed: uint32.optional().openapi({ description: "Seed of the arrival stream (and of random, power_of_two and the planner's sampler). Default: drawn at random and returned", example: 7 }),
      policies: z
        .array(ModelNameSchema)
        .min(1, "at least one policy")
        .max(MAX_POLICIES, `at most ${MAX_POLICIES} policies`)
        .openapi({ description: `Policies to run on the same arrivals: loaded models (GET /models) and baselines (${BASELINE_NAMES.join(", ")})`, example: ["hybrid", "greedy", "planner"] }),
      trace_every: z
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: `Sample node and link backlogs every this many tasks. Default ceil(tasks / ${TRACE_SAMPLES}) (at most ${TRACE_SAMPLES} samples)`, example: 5 }),
    })
    .superRefine((body, ctx) => {
      if (issueBudgetSpent()) return;
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      if ((body.num_nodes === undefined) === (body.network_state === undefined)) {
        issue(["num_nodes"], "give either num_nodes (a generated network) or network_state (your own), not both or neither");
        return;
      }
      if (body.network_state !== undefined && body.network_seed !== undefined) issue(["network_seed"], "network_seed only applies with num_nodes");
      const seen = new Set<string>();
      body.policies.forEach((name, i) => {
        if (seen.has(name)) issue(["policies", i], `'${name}' is listed twice`);
        seen.add(name);
        if (!isBaseline(name) && !isModel(name)) {
          issue(["policies", i], `unknown policy '${name}': a model from GET /models or a baseline (${BASELINE_NAMES.join(", ")})`);
        }
      });
      const nodes = body.num_nodes ?? body.network_state!.nodes.length;
      const p = body.policies.length;
      const warm = warmupTasks(nodes);
      const work = (warm + body.tasks * p) * nodes;
      if (work > sim.maxWork) {
        issue(
          ["tasks"],
          `(warm-up + tasks x policies) x nodes = (${warm} + ${body.tasks} x ${p}) x ${nodes} = ${work} is over SIM_MAX_WORK = ${sim.maxWork}`,
        );
      }
      const planner = body.policies.indexOf(PLANNER);
      if (planner >= 0 && body.tasks * nodes > sim.maxPlannerWork) {
        issue(
          ["policies", planner],
          `the planner's tasks x nodes = ${body.tasks} x ${nodes} = ${body.tasks * nodes} is over SIM_MAX_PLANNER_WORK = ${sim.maxPlannerWork} (each decision is ${PLANNER_EVALS_PER_TASK} rollout steps over every node)`,
        );
      }
    })
    .openapi("SimulateRequest", { example: SIMULATE_EXAMPLE });
  return capped(schema);
}

export const PolicySummarySchema = z
  .object({
    policy: z.string(),
    kind: z.enum(["learned", "baseline"]),
    model_version: z
      .string()
      .nullable()
      .openapi({ description: "The model version that made every decision of the episode (resolved once at the start, so a load or rollback meanwhile does not mix versions); null for baselines" }),
    tasks: z.number().int().openapi({ description: "Scored tasks summarised" }),
    return: z.number().openapi({ description: `Sum of per-task rewards (a dropped task scores ${spec.DROP_PENALTY})` }),
    deadline_met_rate: z.number().openapi({ description: "Tasks placed and finished by their deadline / tasks" }),
    mean_latency_ms: z.number().nullable().openapi({ description: "Mean finish time after arrival over placed tasks; null if none" }),
    p95_latency_ms: z.number().nullable().openapi({ description: "Nearest-rank 95th percentile of the same; null if none" }),
    energy_j: z.number().openapi({ description: "Compute + radio energy of the placed tasks, J" }),
    dropped: z.number().int().openapi({ description: "Tasks no valid node could take (or the policy chose an invalid one)" }),
    normalized_score: z
      .number()
      .nullable()
      .openapi({ description: "(return - greedy's return) / (planner's return - greedy's return): 0 = greedy, 1 = the planner; null unless both greedy and planner ran" }),
  })
  .openapi("PolicySummary");

const col = (what: string) => z.array(z.number()).openapi({ description: what });

export const TraceSchema = z
  .object({
    steps: z.number().int().openapi({ description: "Scored tasks in the trace" }),
    every: z.number().int().openapi({ description: "Backlogs are sampled at every `every`-th task" }),
    sample_steps: z.array(z.number().int()).openapi({ description: "Task index of each backlog sample" }),
    tasks: z
      .object({
        time_ms: col("Arrival time after the first scored task's arrival, ms"),
        gap_ms: col("Time since the previous arrival, ms"),
        source: z.array(z.number().int()).openapi({ description: "Node where the task arrived" }),
        cpu_mcycles: col("Mcycles"),
        mem_mb: col("MB"),
        data_kb: col("KB"),
        deadline_ms: col("ms"),
        burst: z.array(z.number().int()).openapi({ description: "1 if the task arrived during a burst" }),
      })
      .openapi({ description: "One entry per scored task, identical for every policy" }),
    policies: z
      .record(
        z.string(),
        z.object({
          node: z.array(z.number().int()).openapi({ description: "Chosen node per task; -1 = dropped" }),
          reward: col("Reward per task (1e-6)"),
          latency_ms: z.array(z.number().nullable()).openapi({ description: "Finish time after arrival per task; null when dropped" }),
          backlog_ms: z.array(z.array(z.number())).openapi({ description: "[sample][node]: compute backlog each node had when the sampled task arrived" }),
          link_backlog_ms: z.array(z.array(z.number())).openapi({ description: "[sample][link]: link backlogs, links in network_state.edges order" }),
        }),
      )
      .openapi({ description: "Per policy name" }),
  })
  .openapi("SimulationTrace", {
    description: "Column arrays. Values are rounded: rewards to 1e-6, times and demands to 1e-3, backlogs to 0.1 ms; summaries use the exact values.",
  });

export const SimulateResponseSchema = z
  .object({
    summaries: z.array(PolicySummarySchema),
    trace: TraceSchema,
    network_state: z.object({ nodes: z.array(NodeSchema), edges: z.array(EdgeSchema) }).openapi({ description: "The network at the start (before the warm-up)" }),
    num_nodes: z.number().int(),
    network_seed: z.number().int().nullable().openapi({ description: "Generator seed; null for a network_state request" }),
    load: z.number(),
    bursts: z.boolean(),
    tasks: z.number().int(),
    seed: z.number().int(),
    warmup_tasks: z.number().int().openapi({ description: "Arrivals placed by greedy before the scored tasks, max(50, N)" }),
    trace_every: z.number().int(),
  })
  .openapi("SimulateResponse");

export const SIMULATE_SSE_DESCRIPTION =
  "With `Accept: text/event-stream`: `event: progress` with `{done, total, summaries}` (partial summaries over the first `done` tasks) about every 100 ms and after the last task, then one `event: result` whose data is exactly the JSON answer. A failure after the stream started is one `event: error` with `{error, message}`.";
