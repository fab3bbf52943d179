// Shaping of POST /compare (CompareResponse, typed by the API's routes): every loaded model and
// every baseline on one network, each with its chosen node and the simulated outcome of placing
// the task there, against greedy's choice (the exact one-step optimum).
import type { Data } from "plotly.js";
import type { CompareEntry, CompareResponse } from "./types";

/** The baseline that is the one-step optimum (regret is measured against it). */
export const GREEDY = "greedy";

/** Learned models first, then baselines; each kind in the API's order. */
export function orderedEntries(res: Pick<CompareResponse, "results">): CompareEntry[] {
  return [...res.results.filter((e) => e.kind === "learned"), ...res.results.filter((e) => e.kind !== "learned")];
}

/** Highest immediate reward among the entries (greedy's, unless the request had no valid node). */
export function bestReward(res: Pick<CompareResponse, "results">): number | null {
  return res.results.length ? Math.max(...res.results.map((e) => e.reward)) : null;
}

/** Colour of a policy in the compare chart: greedy green, learned blue, other baselines grey. */
export function compareColor(e: Pick<CompareEntry, "name" | "kind">): string {
  return e.name === GREEDY ? "#16a34a" : e.kind === "learned" ? "#2563eb" : "#94a3b8";
}

/** Each policy's immediate reward (higher is better) as a bar, labelled with its node. */
export function compareRewardTraces(res: Pick<CompareResponse, "results">): Data[] {
  const rows = orderedEntries(res);
  return [
    {
      type: "bar",
      x: rows.map((e) => e.name),
      y: rows.map((e) => e.reward),
      text: rows.map((e) => `node ${e.selected_node}`),
      textposition: "outside",
      cliponaxis: false,
      marker: { color: rows.map(compareColor) },
      hovertemplate: "%{x}: %{text}<br>reward %{y:.3f}<extra></extra>",
      name: "reward",
    } as Data,
  ];
}
