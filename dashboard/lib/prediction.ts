// Shaping of a /predict response: per-node probabilities as an array, which nodes were valid,
// and the labels the topology shows.
import type { PredictResponse } from "./types";

/**
 * Probability per node as an array of length n. `node_scores` is keyed by node index
 * ({"0": 0.1, ...}); nodes outside `valid_nodes` (masked) become null.
 */
export function probabilities(pred: Pick<PredictResponse, "node_scores" | "valid_nodes">, n: number): (number | null)[] {
  const out: (number | null)[] = Array.from({ length: n }, () => null);
  for (const [k, v] of Object.entries(pred.node_scores)) {
    const i = Number(k);
    if (Number.isInteger(i) && i >= 0 && i < n && Number.isFinite(v)) out[i] = v;
  }
  const valid = new Set(pred.valid_nodes);
  for (let i = 0; i < n; i++) if (!valid.has(i)) out[i] = null;
  return out;
}

/** Raw model scores (Q-values / logits) per node; masked or non-finite entries are null. */
export function rawScores(pred: Pick<PredictResponse, "q_values" | "valid_nodes">, n: number): (number | null)[] {
  const valid = new Set(pred.valid_nodes);
  return Array.from({ length: n }, (_, i) => {
    const v = pred.q_values[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= -1e8) return null;
    if (!valid.has(i)) return null;
    return v;
  });
}

/** A probability as a short label: "42%", "3.1%", "<0.1%", "0%" or "masked". */
export function formatProbability(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return "masked";
  if (p === 0) return "0%";
  const pct = p * 100;
  if (pct < 0.1) return "<0.1%";
  if (pct < 10) return `${pct.toFixed(1)}%`;
  return `${pct.toFixed(0)}%`;
}

/** Nodes ranked by probability, best first (ties by index), masked nodes left out. */
export function ranking(probs: readonly (number | null)[]): { node: number; p: number }[] {
  return probs
    .map((p, node) => ({ node, p }))
    .filter((e): e is { node: number; p: number } => e.p !== null)
    .sort((a, b) => b.p - a.p || a.node - b.node);
}
