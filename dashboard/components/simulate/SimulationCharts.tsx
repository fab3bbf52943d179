// The episode over time: cumulative reward and moving deadline-met rate for every policy, and the
// backlog of the busiest nodes and links under the policy being replayed.
import { useMemo } from "react";
import { backlogTraces, cumulativeRewardTraces, movingDeadlineTraces } from "../../lib/simulate";
import type { SimulateResponse } from "../../lib/types";
import { Card } from "../Card";
import { Plot } from "../Plot";

/** Tasks in the moving window of the deadline chart. */
const WINDOW = 100;
/** Busiest nodes and links drawn. */
const BUSIEST = 5;

const axes = (y: string) => ({
  xaxis: { title: { text: "task" }, gridcolor: "#e2e8f0" },
  yaxis: { title: { text: y }, gridcolor: "#e2e8f0" },
  legend: { orientation: "h" as const, y: -0.25, x: 0 },
  margin: { l: 56, r: 12, t: 10, b: 56 },
});

export function SimulationCharts({ answer, policy }: { answer: SimulateResponse; policy: string }) {
  const span = Math.min(WINDOW, answer.trace.steps);
  const reward = useMemo(() => cumulativeRewardTraces(answer), [answer]);
  const deadline = useMemo(() => movingDeadlineTraces(answer, span), [answer, span]);
  const nodes = useMemo(() => backlogTraces(answer, policy, "nodes", BUSIEST), [answer, policy]);
  const links = useMemo(() => backlogTraces(answer, policy, "links", BUSIEST), [answer, policy]);
  return (
    <>
      <div className="grid two">
        <Card title="Cumulative reward" description="Sum of rewards per policy as the tasks arrive: a policy that keeps queues short pulls ahead later.">
          <Plot data={reward} height={300} ariaLabel="Cumulative reward per policy" testId="sim-reward-chart" layout={axes("return")} />
        </Card>
        <Card title={`Deadline-met rate, last ${span} tasks`} description="Share of the previous tasks finished by their deadline; dips follow bursts.">
          <Plot data={deadline} height={300} ariaLabel="Moving deadline-met rate per policy" testId="sim-deadline-chart" layout={{ ...axes("met"), yaxis: { title: { text: "met" }, tickformat: ".0%", range: [0, 1.02], gridcolor: "#e2e8f0" } }} />
        </Card>
      </div>
      <div className="grid two">
        <Card title={`Queue backlog: busiest nodes (${policy})`} description={`Compute backlog of the ${BUSIEST} nodes with the highest mean, sampled every ${answer.trace.every} tasks.`}>
          {nodes.length ? (
            <Plot data={nodes} height={280} ariaLabel="Compute backlog of the busiest nodes" testId="sim-node-backlog-chart" layout={axes("backlog (ms)")} />
          ) : (
            <div className="empty">No node ever had a backlog under {policy}.</div>
          )}
        </Card>
        <Card title={`Link backlog: busiest links (${policy})`} description={`Transfer backlog of the ${BUSIEST} links with the highest mean, sampled every ${answer.trace.every} tasks.`}>
          {links.length ? (
            <Plot data={links} height={280} ariaLabel="Backlog of the busiest links" testId="sim-link-backlog-chart" layout={axes("backlog (ms)")} />
          ) : (
            <div className="empty">No link ever had a backlog under {policy}.</div>
          )}
        </Card>
      </div>
    </>
  );
}
