// The answer of POST /predict: the chosen node and the model's confidence, value and score.
import { formatMs, formatNumber, formatPct, tierName } from "../../lib/format";
import { formatScore } from "../../lib/topology";
import type { NetworkState, PredictResponse } from "../../lib/types";
import { Card } from "../Card";
import { Kpi } from "../Kpi";

export function PredictionCard({
  pred,
  network,
  source,
  qValues,
}: {
  pred: PredictResponse;
  network: NetworkState | null;
  source: number | null;
  qValues: (number | null)[] | null;
}) {
  const chosen = network?.nodes[pred.selected_node];
  return (
    <Card
      testId="prediction"
      title={
        <>
          Placement: node <span data-testid="selected-node">{pred.selected_node}</span>
          {chosen && (
            <span className="badge accent" style={{ marginLeft: 8, verticalAlign: 2 }}>
              {tierName(chosen.node_type)}
            </span>
          )}
        </>
      }
      description={
        <>
          model <strong>{pred.model.name}</strong> v{pred.model.version}
          {source !== null && <> · task from node {source}</>}
        </>
      }
    >
      <div className="result-grid">
        <Kpi bare label="Confidence" value={formatPct(pred.confidence, 1)} valueTestId="confidence" sub="policy probability of the chosen node" />
        <Kpi
          bare
          label="Value estimate"
          value={pred.value == null ? "—" : formatNumber(pred.value, 3)}
          sub={pred.value == null ? "this model has no critic" : "critic's estimate of the return"}
        />
        <Kpi bare label="Processing time" value={formatMs(pred.processing_time_ms, 2)} sub="measured by the API" />
        <Kpi
          bare
          label="Chosen node's score"
          value={formatScore(qValues?.[pred.selected_node])}
          sub={`raw model output · ${pred.valid_nodes.length} of ${network?.nodes.length ?? 0} nodes valid`}
        />
      </div>
    </Card>
  );
}
