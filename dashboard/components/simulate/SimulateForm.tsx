"use client";
// The Simulate page's setup: the network (generated from N and a seed, or pasted), load, bursts,
// task count, the arrival seed and the policies (loaded models and every baseline).
import { useEffect, useState } from "react";
import { api } from "../../lib/client";
import { parseNetworkJson } from "../../lib/network";
import { HEURISTICS, PLANNER, type SimulationForm } from "../../lib/simulate";

/** What a new user sees first: the example of docs/api.md. */
const DEFAULT_POLICIES = ["hybrid", "greedy", PLANNER];
const BASELINES: readonly string[] = [...HEURISTICS, PLANNER];

/** The form's number fields as typed. */
interface Fields {
  numNodes: string;
  networkSeed: string;
  load: string;
  tasks: string;
  seed: string;
}

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/** The form as a request, or the reasons it is not one yet (the API checks the same rules again). */
function toForm(f: Fields, mode: "generated" | "given", pasted: string, bursts: boolean, policies: string[]): { form: SimulationForm } | { errors: string[] } {
  const errors: string[] = [];
  const int = (label: string, v: string) => {
    const n = num(v);
    if (!Number.isInteger(n) || n < 0) errors.push(`${label}: a whole number ≥ 0`);
    return n;
  };
  let network: SimulationForm["network"] | null = null;
  if (mode === "generated") network = { kind: "generated", num_nodes: int("Nodes", f.numNodes), network_seed: int("Network seed", f.networkSeed) };
  else {
    const parsed = parseNetworkJson(pasted);
    if (parsed.ok) network = { kind: "given", network_state: parsed.network };
    else errors.push(...parsed.errors.map((e) => `Network: ${e}`));
  }
  const load = num(f.load);
  if (!(load > 0)) errors.push("Load ρ: a number > 0");
  const tasks = int("Tasks", f.tasks);
  const seed = int("Seed", f.seed);
  if (!policies.length) errors.push("Policies: pick at least one");
  return errors.length || !network ? { errors } : { form: { network, load, bursts, tasks, seed, policies } };
}

export function SimulateForm({ running, onChange }: { running: boolean; onChange: (form: SimulationForm | null, errors: string[]) => void }) {
  const [fields, setFields] = useState<Fields>({ numNodes: "50", networkSeed: "1", load: "0.7", tasks: "1000", seed: "7" });
  const [mode, setMode] = useState<"generated" | "given">("generated");
  const [pasted, setPasted] = useState("");
  const [bursts, setBursts] = useState(true);
  const [models, setModels] = useState<string[]>([]);
  const [policies, setPolicies] = useState<string[]>(["greedy", PLANNER]);

  useEffect(() => {
    api
      .models()
      .then((r) => {
        const loaded = r.data.models.filter((m) => m.loaded).map((m) => m.name);
        setModels(loaded);
        setPolicies(DEFAULT_POLICIES.filter((p) => loaded.includes(p) || BASELINES.includes(p)));
      })
      .catch(() => setModels([]));
  }, []);

  useEffect(() => {
    const r = toForm(fields, mode, pasted, bursts, policies);
    if ("form" in r) onChange(r.form, []);
    else onChange(null, r.errors);
  }, [fields, mode, pasted, bursts, policies, onChange]);

  const field = (key: keyof Fields, label: string, hint: string, testId: string, step?: number) => (
    <label className="field">
      <span>
        {label} <span className="hint">{hint}</span>
      </span>
      <input type="number" value={fields[key]} step={step} disabled={running} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} data-testid={testId} />
    </label>
  );
  const toggle = (p: string) => setPolicies((cur) => (cur.includes(p) ? cur.filter((x) => x !== p) : [...cur, p]));
  const policyBox = (p: string, kind: "learned" | "baseline") => (
    <label key={p} className="check">
      <input type="checkbox" checked={policies.includes(p)} disabled={running} onChange={() => toggle(p)} data-testid={`policy-${p}`} />
      <span className={kind === "learned" ? "learned" : undefined}>{p}</span>
    </label>
  );

  return (
    <>
      <div className="section">
        <div className="row" style={{ marginBottom: 10 }}>
          <h3 style={{ margin: 0 }}>Network</h3>
          <span className="spacer" />
          <div className="segmented" role="tablist" aria-label="Network">
            <button role="tab" aria-selected={mode === "generated"} className={mode === "generated" ? "on" : ""} onClick={() => setMode("generated")} disabled={running}>
              Generate
            </button>
            <button role="tab" aria-selected={mode === "given"} className={mode === "given" ? "on" : ""} onClick={() => setMode("given")} disabled={running}>
              Paste JSON
            </button>
          </div>
        </div>
        {mode === "generated" ? (
          <div className="field-grid">
            {field("numNodes", "Nodes", "(N)", "sim-nodes")}
            {field("networkSeed", "Network seed", "", "sim-network-seed")}
          </div>
        ) : (
          <label className="field">
            <span>
              network_state JSON <span className="hint">({"{nodes, edges}"}; its backlogs are the starting state)</span>
            </span>
            <textarea rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} disabled={running} data-testid="sim-network-json" />
          </label>
        )}
      </div>
      <div className="section">
        <h3>Arrivals</h3>
        <div className="field-grid">
          {field("load", "Load ρ", "(rate / compute)", "sim-load", 0.05)}
          {field("tasks", "Tasks", "(scored)", "sim-tasks")}
          {field("seed", "Seed", "(arrival stream)", "sim-seed")}
          <label className="check" style={{ alignSelf: "end", paddingBottom: 8 }} title="Markov-modulated bursts: calm and burst phases, a burst's tasks concentrated on one fog region. Off: a plain Poisson stream.">
            <input type="checkbox" checked={bursts} disabled={running} onChange={(e) => setBursts(e.target.checked)} data-testid="sim-bursts" />
            bursts
          </label>
        </div>
      </div>
      <div className="section">
        <h3>Policies</h3>
        <p className="small muted" style={{ margin: "-4px 0 8px" }}>
          Every policy places the same arrivals on its own copy of the network.
        </p>
        <div className="checks" data-testid="sim-policies">
          {models.map((m) => policyBox(m, "learned"))}
          {BASELINES.map((b) => policyBox(b, "baseline"))}
        </div>
      </div>
    </>
  );
}
