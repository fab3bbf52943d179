// One row per policy of POST /simulate's summaries, best return first. Each cell carries the
// API's exact number in data-value (the text is rounded for reading).
import { formatMs, formatNumber, formatPct } from "../../lib/format";
import type { PolicySummary } from "../../lib/types";
import { Card } from "../Card";

const COLUMNS: { key: keyof PolicySummary; label: string; format: (v: number) => string }[] = [
  { key: "return", label: "Return", format: (v) => formatNumber(v, 2) },
  { key: "normalized_score", label: "Normalised score", format: (v) => v.toFixed(3) },
  { key: "deadline_met_rate", label: "Deadline met", format: (v) => formatPct(v, 1) },
  { key: "mean_latency_ms", label: "Mean latency", format: (v) => formatMs(v, 1) },
  { key: "p95_latency_ms", label: "p95 latency", format: (v) => formatMs(v, 1) },
  { key: "energy_j", label: "Energy", format: (v) => `${formatNumber(v, 1)} J` },
  { key: "dropped", label: "Dropped", format: (v) => String(v) },
];

export function SummaryTable({ summaries }: { summaries: readonly PolicySummary[] }) {
  const rows = [...summaries].sort((a, b) => b.return - a.return);
  return (
    <Card
      flush
      testId="sim-summary"
      title="Summary"
      description="Per policy over the scored tasks, best return first. Normalised score: greedy = 0, the planner = 1 (— unless both ran)."
    >
      <div className="table-wrap">
        <table className="data" data-testid="sim-summary-table">
          <thead>
            <tr>
              <th>Policy</th>
              <th>Kind</th>
              {COLUMNS.map((c) => (
                <th key={c.key} className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.policy} data-policy={s.policy}>
                <td>
                  <strong>{s.policy}</strong>
                </td>
                <td>
                  <span className={`badge ${s.kind === "learned" ? "accent" : ""}`}>{s.kind}</span>
                </td>
                {COLUMNS.map((c) => {
                  const v = s[c.key] as number | null;
                  return (
                    <td key={c.key} className="num" data-key={c.key} data-value={v === null ? "null" : String(v)}>
                      {v === null ? "—" : c.format(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
