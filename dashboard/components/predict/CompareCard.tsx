// POST /compare: every loaded model and baseline on the same network and task, against greedy.
import { useMemo } from "react";
import { compareRewardTraces, GREEDY, orderedEntries } from "../../lib/compare";
import { formatMs, formatNumber, formatPct } from "../../lib/format";
import type { BaselineName, CompareResponse } from "../../lib/types";
import { Card } from "../Card";
import { Plot } from "../Plot";

export function CompareCard({ compare, predictedWith }: { compare: CompareResponse; predictedWith: string | null }) {
  const rows = useMemo(() => orderedEntries(compare), [compare]);
  const traces = useMemo(() => compareRewardTraces(compare), [compare]);
  return (
    <Card
      flush
      testId="compare-result"
      title="All models and baselines on this network"
      description={
        <>
          POST /compare: each policy&apos;s node and the simulated outcome of placing this task there (link and node queues included). Regret is the immediate
          reward below greedy&apos;s, the exact one-step optimum, which picks <strong data-testid="greedy-node">node {compare.greedy.selected_node}</strong>. A
          learned policy may accept some regret now to keep queues short for the tasks that follow.
        </>
      }
    >
      <div className="table-wrap">
        <table className="data" data-testid="compare-table">
          <thead>
            <tr>
              <th>Policy</th>
              <th>Kind</th>
              <th className="num">Chosen node</th>
              <th className="num">Probability</th>
              <th className="num">Reward</th>
              <th className="num">Regret</th>
              <th className="num">Completion</th>
              <th className="num">Transfer</th>
              <th className="num">Queue wait</th>
              <th className="num">Energy</th>
              <th>Deadline</th>
              <th>Same as greedy</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.name} data-policy={e.name} className={e.name === predictedWith ? "highlight" : undefined}>
                <td title={e.kind === "baseline" ? compare.baselines[e.name as BaselineName] : undefined}>
                  <strong>{e.name}</strong>
                </td>
                <td>
                  <span className={`badge ${e.kind === "learned" ? "accent" : e.name === GREEDY ? "ok" : ""}`}>{e.kind}</span>
                </td>
                <td className="num">{e.selected_node}</td>
                <td className="num">{e.probability === null ? "—" : formatPct(e.probability, 1)}</td>
                <td className="num">{formatNumber(e.reward, 3)}</td>
                <td className="num">{formatNumber(e.regret, 3)}</td>
                <td className="num">{formatMs(e.latency_ms, 1)}</td>
                <td className="num">{formatMs(e.tx_ms, 1)}</td>
                <td className="num">{formatMs(e.wait_ms, 1)}</td>
                <td className="num">{formatNumber(e.energy_j, 3)} J</td>
                <td>{e.deadline_met ? <span className="badge ok">met</span> : <span className="badge bad">missed</span>}</td>
                <td>{e.matches_greedy ? <span className="badge ok">yes</span> : <span className="badge">no</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted" style={{ padding: "8px 16px 0", margin: 0 }}>
        Task from node {compare.task.source} at load {formatNumber(compare.load, 3)}; hover a baseline&apos;s name for what it does.
      </p>
      {traces.length > 0 && (
        <div style={{ padding: "0 16px 12px" }}>
          <Plot
            data={traces}
            height={260}
            ariaLabel="Immediate reward per policy"
            testId="compare-chart"
            layout={{ showlegend: false, yaxis: { title: { text: "immediate reward" }, gridcolor: "#e2e8f0" }, margin: { l: 56, r: 10, t: 24, b: 60 } }}
          />
        </div>
      )}
    </Card>
  );
}
