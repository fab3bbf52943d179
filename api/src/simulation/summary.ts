/**
 * Per-policy summaries of an episode (over its first `done` scored tasks) and the normalised score
 * against greedy and the planner, as in models/reports/eval.json.
 */
import { PLANNER } from "./policies.js";
import type { PolicyRecord } from "./runner.js";

export interface PolicySummary {
  policy: string;
  kind: PolicyRecord["kind"];
  /** the model version that made every decision of the episode; null for baselines */
  model_version: string | null;
  /** scored tasks summarised */
  tasks: number;
  /** sum of the per-task rewards (a drop scores spec.DROP_PENALTY) */
  return: number;
  /** tasks placed and finished by their deadline, over all tasks */
  deadline_met_rate: number;
  /** over placed tasks; null if none was placed */
  mean_latency_ms: number | null;
  /** nearest-rank 95th percentile over placed tasks; null if none was placed */
  p95_latency_ms: number | null;
  /** compute + radio energy of the placed tasks, J */
  energy_j: number;
  dropped: number;
  /** (return - greedy's) / (planner's - greedy's); null unless both ran (and differ) */
  normalized_score: number | null;
}

/** Nearest-rank percentile (q in (0, 1]) of a non-empty ascending list. */
export function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function summarize(rec: PolicyRecord, done: number): Omit<PolicySummary, "normalized_score"> {
  let ret = 0;
  let met = 0;
  let energy = 0;
  let dropped = 0;
  const lat: number[] = [];
  for (let t = 0; t < done; t++) {
    ret += rec.reward[t]!;
    met += rec.deadlineMet[t]!;
    energy += rec.energy[t]!;
    if (rec.node[t]! < 0) dropped++;
    else lat.push(rec.latency[t]!);
  }
  const sorted = Float64Array.from(lat).sort();
  let latSum = 0;
  for (const v of lat) latSum += v;
  return {
    policy: rec.name,
    kind: rec.kind,
    model_version: rec.version,
    tasks: done,
    return: ret,
    deadline_met_rate: done > 0 ? met / done : 0,
    mean_latency_ms: lat.length > 0 ? latSum / lat.length : null,
    p95_latency_ms: lat.length > 0 ? percentile(sorted, 0.95) : null,
    energy_j: energy,
    dropped,
  };
}

/** Summaries of every policy with normalised scores (null without both greedy and the planner). */
export function summarizeAll(records: readonly PolicyRecord[], done: number): PolicySummary[] {
  const base = records.map((r) => summarize(r, done));
  const greedy = base.find((s) => s.policy === "greedy");
  const planner = base.find((s) => s.policy === PLANNER);
  const gain = greedy && planner ? planner.return - greedy.return : 0;
  return base.map((s) => ({ ...s, normalized_score: greedy && planner && gain !== 0 ? (s.return - greedy.return) / gain : null }));
}
