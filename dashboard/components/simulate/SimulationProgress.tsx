// A running episode: a progress bar over the streamed `progress` events, the partial summaries
// they carry, and Cancel (which closes the connection, so the API stops the run).
import { formatNumber, formatPct } from "../../lib/format";
import type { SimulateProgress } from "../../lib/types";
import { Card } from "../Card";

export function SimulationProgress({ progress, total, onCancel }: { progress: SimulateProgress | null; total: number; onCancel: () => void }) {
  const done = progress?.done ?? 0;
  return (
    <Card
      testId="sim-running"
      title="Running the episode"
      description={progress ? `${done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} tasks placed by every policy` : "Warming up the network…"}
      actions={
        <button onClick={onCancel} data-testid="sim-cancel">
          Cancel
        </button>
      }
    >
      <progress className="sim-progress" value={done} max={progress?.total ?? total} data-testid="sim-progress" aria-label="Simulation progress" />
      {progress && progress.summaries.length > 0 && (
        <div className="table-wrap" style={{ marginTop: 10 }}>
          <table className="data" data-testid="sim-partial">
            <thead>
              <tr>
                <th>Policy</th>
                <th className="num">Return so far</th>
                <th className="num">Deadline met</th>
                <th className="num">Dropped</th>
              </tr>
            </thead>
            <tbody>
              {progress.summaries.map((s) => (
                <tr key={s.policy}>
                  <td>
                    <strong>{s.policy}</strong>
                  </td>
                  <td className="num">{formatNumber(s.return, 1)}</td>
                  <td className="num">{formatPct(s.deadline_met_rate, 1)}</td>
                  <td className="num">{s.dropped}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
