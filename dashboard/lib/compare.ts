// Shaping of POST /compare: every loaded model and every baseline on one network, each with its
// chosen node, that node's probability, the placement cost, and the greedy oracle's choice.
import type { Data } from "plotly.js";
import type { CompareEntry, CompareResult, Task } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function firstNum(o: Obj, keys: string[]): number | null {
  for (const k of keys) {
    const v = num(o[k]);
    if (v !== null) return v;
  }
  return null;
}

const ORACLE_NAMES = ["greedy_oracle", "oracle"];

function toEntry(o: Obj, fallbackName: string | null, fallbackKind: string | null): CompareEntry | null {
  const name =
    (typeof o.name === "string" && o.name) ||
    (typeof o.policy === "string" && o.policy) ||
    (typeof o.model === "string" && o.model) ||
    (isObj(o.model) && typeof o.model.name === "string" && o.model.name) ||
    fallbackName;
  const node = firstNum(o, ["selected_node", "chosen_node", "node", "choice", "action"]);
  if (!name || node === null) return null;
  const kind =
    (typeof o.kind === "string" && o.kind) ||
    (typeof o.type === "string" && ["learned", "baseline"].includes(o.type) ? o.type : null) ||
    fallbackKind ||
    "learned";
  const match = o.matches_oracle ?? o.agrees_with_oracle ?? o.is_oracle_choice ?? o.oracle_match;
  const met = o.deadline_met;
  return {
    name,
    kind,
    selected_node: node,
    probability: firstNum(o, ["probability", "prob", "confidence", "p"]),
    cost: firstNum(o, ["cost", "placement_cost", "expected_cost", "node_cost"]),
    matches_oracle: typeof match === "boolean" ? match : null,
    regret: firstNum(o, ["regret"]),
    latency_ms: firstNum(o, ["latency_ms", "latency"]),
    energy_j: firstNum(o, ["energy_j", "energy"]),
    deadline_met: typeof met === "boolean" ? met : null,
  };
}

function entriesFrom(v: unknown, kind: string | null): CompareEntry[] {
  const out: CompareEntry[] = [];
  if (Array.isArray(v)) {
    for (const e of v) if (isObj(e)) {
      const entry = toEntry(e, null, kind);
      if (entry) out.push(entry);
    }
  } else if (isObj(v)) {
    for (const [name, e] of Object.entries(v)) if (isObj(e)) {
      const entry = toEntry(e, name, kind);
      if (entry) out.push(entry);
    }
  }
  return out;
}

export function normalizeCompare(raw: unknown): CompareResult {
  const empty: CompareResult = { entries: [], oracle_node: null, oracle_cost: null, node_costs: null, task: null };
  if (!isObj(raw)) return empty;
  let entries: CompareEntry[] = [];
  for (const k of ["results", "entries", "policies", "choices", "comparisons"]) {
    if (raw[k] !== undefined) {
      entries = entriesFrom(raw[k], null);
      if (entries.length) break;
    }
  }
  if (!entries.length) {
    entries = [...entriesFrom(raw.models, "learned"), ...entriesFrom(raw.baselines, "baseline")];
  }

  let oracle: number | null = firstNum(raw, ["oracle_node", "oracle_choice", "oracle_selected_node"]);
  let oracleCost: number | null = firstNum(raw, ["oracle_cost"]);
  if (isObj(raw.oracle)) {
    oracle ??= firstNum(raw.oracle, ["selected_node", "node", "choice"]);
    oracleCost ??= firstNum(raw.oracle, ["cost"]);
  }
  const oracleEntry = entries.find((e) => ORACLE_NAMES.includes(e.name));
  if (oracleEntry) {
    oracle ??= oracleEntry.selected_node;
    oracleCost ??= oracleEntry.cost;
  }
  if (oracle !== null) {
    entries = entries.map((e) => (e.matches_oracle === null ? { ...e, matches_oracle: e.selected_node === oracle } : e));
  }
  const costs = Array.isArray(raw.node_costs) && raw.node_costs.every((c) => typeof c === "number") ? (raw.node_costs as number[]) : null;
  const task = isObj(raw.task) ? (raw.task as Task) : null;
  // Learned models first, then baselines; within a kind keep the API's order.
  entries = [...entries.filter((e) => e.kind === "learned"), ...entries.filter((e) => e.kind !== "learned")];
  return { entries, oracle_node: oracle, oracle_cost: oracleCost, node_costs: costs, task };
}

/** Lowest cost among the entries (the best choice on this network), or null. */
export function bestCost(result: CompareResult): number | null {
  const costs = result.entries.map((e) => e.cost).filter((c): c is number => c !== null);
  return costs.length ? Math.min(...costs) : null;
}

/** Each policy's placement cost as a bar; learned models blue, baselines grey, oracle green. */
export function compareCostTraces(result: CompareResult): Data[] {
  const rows = result.entries.filter((e) => e.cost !== null);
  return [
    {
      type: "bar",
      x: rows.map((e) => e.name),
      y: rows.map((e) => e.cost),
      text: rows.map((e) => `node ${e.selected_node}`),
      textposition: "outside",
      marker: {
        color: rows.map((e) => (ORACLE_NAMES.includes(e.name) ? "#16a34a" : e.kind === "learned" ? "#2563eb" : "#94a3b8")),
      },
      hovertemplate: "%{x}: %{text}<br>cost %{y:.3f}<extra></extra>",
      name: "cost",
    } as Data,
  ];
}
