import { describe, expect, it } from "vitest";
import { buildTask, networkToJson, parseNetworkJson } from "../lib/network";
import { congestedNetwork, smallNetwork } from "./fixtures";

describe("network parsing", () => {
  it("accepts bare {nodes, edges}", () => {
    const r = parseNetworkJson(JSON.stringify(smallNetwork));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.network).toEqual(smallNetwork);
  });

  it("accepts a /predict body and keeps its task", () => {
    const r = parseNetworkJson(JSON.stringify({ network_state: smallNetwork, model_type: "dqn", task: { source: 3, deadline_ms: 200 } }));
    expect(r.ok && r.task).toEqual({ source: 3, deadline_ms: 200 });
  });

  it("round-trips through the pretty printer", () => {
    const r = parseNetworkJson(networkToJson(smallNetwork));
    expect(r.ok && r.network).toEqual(smallNetwork);
  });

  it("reports invalid JSON", () => {
    const r = parseNetworkJson("{nodes:");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/Not valid JSON/);
  });

  it("reports each bad field precisely", () => {
    const bad = {
      nodes: [
        { ...smallNetwork.nodes[0], cpu_util: 1.5 },
        { ...smallNetwork.nodes[1], node_type: 4 },
        { ...smallNetwork.nodes[2], latency: "fast" },
      ],
      edges: [[0, 0], [0, 7], [1]],
    };
    const r = parseNetworkJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        "nodes[0].cpu_util must be between 0 and 1.",
        "nodes[1].node_type must be 0 (sensor), 1 (fog) or 2 (cloud).",
        "nodes[2].latency must be a finite number.",
        "edges[0] = [0, 0] is a self-loop.",
        "edges[1] = [0, 7] names a node that does not exist (0..2).",
        "edges[2] must be a [source, target] pair or a {source, target, capacity_mbps?, backlog_ms?} object.",
      ]);
    }
  });

  it("accepts a mid-episode network: node backlogs, link objects and the request's load", () => {
    const r = parseNetworkJson(JSON.stringify({ network_state: congestedNetwork, task: { source: 4 }, load: 0.56 }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.network).toEqual(congestedNetwork);
      expect(r.load).toBe(0.56);
      expect(r.task).toEqual({ source: 4 });
    }
    const round = parseNetworkJson(networkToJson(congestedNetwork));
    expect(round.ok && round.network).toEqual(congestedNetwork);
  });

  it("checks link objects and node backlogs", () => {
    const r = parseNetworkJson(
      JSON.stringify({
        nodes: [{ ...smallNetwork.nodes[0], backlog_ms: -1 }, smallNetwork.nodes[1], smallNetwork.nodes[2]],
        edges: [
          { source: 0, target: 1, backlog_ms: "x" },
          { source: 0, target: 2, capacity_mbps: 0 },
          { source: 1, target: 2, bandwidth: 4 },
          { source: 1 },
          { source: 1, target: 1 },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        "nodes[0].backlog_ms must be a number >= 0 when given.",
        "edges[0].backlog_ms must be a number >= 0.",
        "edges[1].capacity_mbps must be a number > 0.",
        "edges[2] has unknown key bandwidth (allowed: source, target, capacity_mbps, backlog_ms).",
        "edges[3] must name two integer node indices.",
        "edges[4] = [1, 1] is a self-loop.",
      ]);
    }
  });

  it("lets queue_len and backlog_ms be absent", () => {
    const nodes = smallNetwork.nodes.slice(0, 2).map(({ queue_len: _q, ...n }) => n);
    const r = parseNetworkJson(JSON.stringify({ nodes, edges: [[0, 1]] }));
    expect(r.ok && r.network.nodes).toEqual(nodes);
  });

  it("requires arrays and at least one node", () => {
    const a = parseNetworkJson(JSON.stringify({ nodes: {}, edges: 3 }));
    expect(!a.ok && a.errors).toHaveLength(2);
    const b = parseNetworkJson(JSON.stringify({ nodes: [], edges: [] }));
    expect(!b.ok && b.errors).toEqual(["nodes must not be empty."]);
    expect(parseNetworkJson("[1]").ok).toBe(false);
  });

  it("builds a task from form fields, leaving empty ones to the API", () => {
    expect(buildTask({ source: "", cpu_mcycles: "", mem_mb: "", data_kb: "", deadline_ms: "" })).toBeUndefined();
    expect(buildTask({ source: "3", cpu_mcycles: " 500 ", mem_mb: "", data_kb: "abc", deadline_ms: "250" })).toEqual({
      source: 3,
      cpu_mcycles: 500,
      deadline_ms: 250,
    });
  });
});
