// Per-node charts of the network on the Predict page: CPU and memory, latency and backlog, and
// (after a prediction) the model's probability for every node.
import { useMemo } from "react";
import { latencyQueueTraces, queueMeasure, resourceBarTraces, scoreBarTraces } from "../../lib/charts";
import type { NetworkState } from "../../lib/types";
import { Card } from "../Card";
import { Plot } from "../Plot";

export function NodeCharts({ network, selected, scores }: { network: NetworkState; selected: number | null; scores: (number | null)[] | null }) {
  const resourceTraces = useMemo(() => resourceBarTraces(network, selected), [network, selected]);
  const latencyTraces = useMemo(() => latencyQueueTraces(network), [network]);
  const scoreTraces = useMemo(() => (scores ? scoreBarTraces(scores, selected, "probability", true) : []), [scores, selected]);
  const backlog = queueMeasure(network) === "backlog_ms";
  return (
    <>
      <div className="grid two">
        <Card title="CPU and memory by node" description="Utilisation in percent; the chosen node is outlined.">
          <Plot
            data={resourceTraces}
            height={280}
            ariaLabel="CPU and memory utilisation by node"
            testId="resource-chart"
            layout={{
              barmode: "group",
              yaxis: { title: { text: "%" }, range: [0, 100], gridcolor: "#e2e8f0" },
              xaxis: { title: { text: "node" } },
              legend: { orientation: "h", x: 1, xanchor: "right", y: 1.14 },
              margin: { l: 56, r: 16, t: 30, b: 48 },
            }}
          />
        </Card>
        <Card
          title={`Latency and ${backlog ? "backlog" : "queue length"} by node`}
          description={`Node latency (ms, left) and ${backlog ? "compute backlog (ms, right)" : "queued tasks (right)"}.`}
        >
          <Plot
            data={latencyTraces}
            height={280}
            ariaLabel={`Latency and ${backlog ? "backlog" : "queue length"} by node`}
            testId="latency-chart"
            layout={{
              yaxis: { title: { text: "ms" }, gridcolor: "#e2e8f0" },
              yaxis2: { title: { text: backlog ? "backlog (ms)" : "tasks" }, overlaying: "y", side: "right", showgrid: false, rangemode: "tozero", tickmode: "auto" },
              xaxis: { title: { text: "node" } },
              legend: { orientation: "h", x: 1, xanchor: "right", y: 1.14 },
              margin: { l: 56, r: 56, t: 30, b: 48 },
            }}
          />
        </Card>
      </div>
      {scores && (
        <Card
          title="Policy probability by node"
          description="The model's probability for every node (masked nodes, which cannot take the task, are left out). Red: chosen node."
        >
          <Plot
            data={scoreTraces}
            height={240}
            ariaLabel="Node scores"
            testId="score-chart"
            layout={{ showlegend: false, xaxis: { title: { text: "node" } }, yaxis: { title: { text: "probability (%)" }, gridcolor: "#e2e8f0", rangemode: "tozero" } }}
          />
        </Card>
      )}
    </>
  );
}
