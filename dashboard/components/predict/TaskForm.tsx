"use client";
// The task to place and the load it arrives at; empty fields leave the API's defaults.
import { tierName } from "../../lib/format";
import type { NetworkState, Task } from "../../lib/types";

export type TaskFields = Record<keyof Task, string>;
export const EMPTY_TASK: TaskFields = { source: "", cpu_mcycles: "", mem_mb: "", data_kb: "", deadline_ms: "" };

/** Form strings of a task the API reported (a mid-episode network's next arrival, a pasted body's task). */
export function taskToFields(t: Partial<Task>): TaskFields {
  return {
    source: t.source?.toString() ?? "",
    cpu_mcycles: t.cpu_mcycles?.toString() ?? "",
    mem_mb: t.mem_mb?.toString() ?? "",
    data_kb: t.data_kb?.toString() ?? "",
    deadline_ms: t.deadline_ms?.toString() ?? "",
  };
}

const NUMBER_FIELDS: { key: Exclude<keyof Task, "source">; label: string }[] = [
  { key: "cpu_mcycles", label: "CPU (Mcycles)" },
  { key: "mem_mb", label: "Memory (MB)" },
  { key: "data_kb", label: "Data (KB)" },
  { key: "deadline_ms", label: "Deadline (ms)" },
];

export function TaskForm({
  network,
  fields,
  onFields,
  load,
  onLoad,
}: {
  network: NetworkState | null;
  fields: TaskFields;
  onFields: (f: TaskFields) => void;
  load: string;
  onLoad: (v: string) => void;
}) {
  return (
    <div className="section">
      <h3>Task</h3>
      <p className="small muted" style={{ margin: "-4px 0 10px" }}>
        Empty fields use the API&apos;s documented defaults.
      </p>
      <div className="field-grid">
        <label className="field">
          Source node
          <select value={fields.source} onChange={(e) => onFields({ ...fields, source: e.target.value })} data-testid="task-source">
            <option value="">default</option>
            {network?.nodes.map((n, i) => (
              <option key={i} value={i}>
                {i} ({tierName(n.node_type)})
              </option>
            ))}
          </select>
        </label>
        {NUMBER_FIELDS.map(({ key, label }) => (
          <label className="field" key={key}>
            {label}
            <input type="number" min={0} value={fields[key]} onChange={(e) => onFields({ ...fields, [key]: e.target.value })} placeholder="default" />
          </label>
        ))}
        <label className="field" title="Current arrival rate as a fraction of the network's compute (the request's load; default 0.6)">
          Load ρ (rate)
          <input type="number" min={0} max={2} step={0.05} value={load} onChange={(e) => onLoad(e.target.value)} placeholder="default" data-testid="task-load" />
        </label>
      </div>
    </div>
  );
}
