"use client";
// The network drawn by TopologyGraph with the prediction's marks, and the state of the node or
// link the user clicks.
import { useState } from "react";
import { formatMs, formatNumber, formatPct, tierName } from "../../lib/format";
import { formatProbability } from "../../lib/prediction";
import { edgeEnds, edgeState, formatScore, nodeLoad } from "../../lib/topology";
import type { CompareResponse, GenerateResponse, NetworkState } from "../../lib/types";
import { Card } from "../Card";
import { TopologyGraph } from "../TopologyGraph";

export interface ShownNetwork {
  network: NetworkState;
  seed: number | null;
  origin: "generated" | "pasted";
  /** how the greedy warm-up went, for a mid-episode network */
  episode: GenerateResponse["episode"] | null;
}

const INSPECTOR = { marginTop: 12, background: "var(--surface-2)" };

function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button className="small" onClick={onClose}>
      Close
    </button>
  );
}

function NodeInspector({
  network,
  index,
  scores,
  qValues,
  compare,
  onClose,
}: {
  network: NetworkState;
  index: number;
  scores: (number | null)[] | null;
  qValues: (number | null)[] | null;
  compare: CompareResponse | null;
  onClose: () => void;
}) {
  const node = network.nodes[index];
  if (!node) return null;
  return (
    <Card as="div" level={3} style={INSPECTOR} testId="node-inspector" title={`Node ${index} · ${tierName(node.node_type)}`} actions={<CloseButton onClose={onClose} />}>
      <dl className="kv">
        <dt>CPU / memory</dt>
        <dd>
          {formatPct(node.cpu_util)} / {formatPct(node.mem_util)} (load {formatPct(nodeLoad(node))})
        </dd>
        <dt>Latency</dt>
        <dd>{formatMs(node.latency)}</dd>
        <dt>Bandwidth</dt>
        <dd>{formatNumber(node.bandwidth, 1)} Mbps</dd>
        <dt>Compute backlog</dt>
        <dd data-testid="node-backlog">
          {node.backlog_ms !== undefined
            ? formatMs(node.backlog_ms, 1)
            : node.queue_len !== undefined
              ? `${formatNumber(node.queue_len, 2)} queued tasks (no backlog_ms given)`
              : "idle (none given)"}
        </dd>
        <dt>Energy</dt>
        <dd>{formatNumber(node.energy, 1)} J</dd>
        {scores && (
          <>
            <dt>Probability</dt>
            <dd>{formatProbability(scores[index])}</dd>
            <dt>Model score</dt>
            <dd>{formatScore(qValues?.[index])}</dd>
          </>
        )}
        {compare && (
          <>
            <dt>Reward here</dt>
            <dd>
              {formatNumber(-(compare.node_costs[index] ?? Number.NaN), 3)}
              {compare.valid_nodes.includes(index) ? "" : " (masked: cannot take the task)"}
            </dd>
            <dt>Completion here</dt>
            <dd>{compare.node_latency_ms[index] == null ? "unreachable" : formatMs(compare.node_latency_ms[index], 1)}</dd>
          </>
        )}
      </dl>
    </Card>
  );
}

function LinkInspector({ network, index, onClose }: { network: NetworkState; index: number; onClose: () => void }) {
  const link = network.edges[index];
  if (!link) return null;
  const ends = edgeEnds(link);
  const state = edgeState(link);
  return (
    <Card as="div" level={3} style={INSPECTOR} testId="edge-inspector" title={`Link ${ends.join(" – ")}`} actions={<CloseButton onClose={onClose} />}>
      <dl className="kv">
        <dt>Backlog</dt>
        <dd data-testid="edge-backlog">{Array.isArray(link) ? "idle (given as a [source, target] pair)" : formatMs(state.backlog_ms, 1)}</dd>
        <dt>Capacity</dt>
        <dd>
          {state.capacity_mbps !== null
            ? `${formatNumber(state.capacity_mbps, 1)} Mbps`
            : `default: the smaller bandwidth of its ends (${formatNumber(Math.min(...ends.map((i) => network.nodes[i]?.bandwidth ?? Number.NaN)), 1)} Mbps)`}
        </dd>
        <dt>Ends</dt>
        <dd>{ends.map((i) => `${i} (${tierName(network.nodes[i]?.node_type ?? -1)})`).join(", ")}</dd>
      </dl>
    </Card>
  );
}

export function TopologyCard({
  shown,
  scores,
  qValues,
  selected,
  source,
  compare,
}: {
  shown: ShownNetwork | null;
  scores: (number | null)[] | null;
  qValues: (number | null)[] | null;
  selected: number | null;
  source: number | null;
  compare: CompareResponse | null;
}) {
  const [inspected, setInspected] = useState<{ kind: "node" | "link"; index: number } | null>(null);
  const [forNetwork, setForNetwork] = useState<NetworkState | null>(null);
  const network = shown?.network ?? null;
  // A new network closes the inspector (its indices belong to the old one).
  if (network !== forNetwork) {
    setForNetwork(network);
    setInspected(null);
  }
  const episode = shown?.episode;
  const origin = shown?.origin === "generated" && shown.seed !== null ? `, seed ${shown.seed}` : shown?.origin === "pasted" ? " (pasted)" : "";

  return (
    <Card
      title="Topology"
      description={
        network ? `${network.nodes.length} nodes, ${network.edges.length} edges${origin}. Click a node or a link for its state.` : "Generate a network to start."
      }
    >
      {episode && (
        <p className="small" style={{ margin: "-4px 0 10px" }} data-testid="episode-info">
          <span className="badge warn">mid-episode</span> greedy placed {episode.placed} of {episode.warmup_tasks} warm-up tasks at load {episode.load} (
          {episode.dropped} dropped, {episode.deadline_met} met their deadline) over {formatMs(episode.elapsed_ms, 0)}; the next task arrives{" "}
          {episode.burst ? "during a burst" : "in a calm phase"} and is filled in on the left.
        </p>
      )}
      {network ? (
        <TopologyGraph
          network={network}
          scores={scores}
          formatLabel={formatProbability}
          scoreName="probability"
          selected={selected}
          source={source}
          greedy={compare?.greedy.selected_node ?? null}
          onNodeTap={(index) => setInspected({ kind: "node", index })}
          onEdgeTap={(index) => setInspected({ kind: "link", index })}
        />
      ) : (
        <div className="empty" style={{ minHeight: 260, display: "grid", placeItems: "center" }}>
          No network yet.
        </div>
      )}
      {network && inspected?.kind === "node" && (
        <NodeInspector network={network} index={inspected.index} scores={scores} qValues={qValues} compare={compare} onClose={() => setInspected(null)} />
      )}
      {network && inspected?.kind === "link" && <LinkInspector network={network} index={inspected.index} onClose={() => setInspected(null)} />}
    </Card>
  );
}
