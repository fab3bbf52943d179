import { describe, expect, it } from "vitest";
import {
  greedy,
  greedyStatic,
  HEURISTIC_NAMES,
  HEURISTICS,
  jsed,
  leastLoaded,
  powerOfTwo,
  randomChoice,
  roundRobin,
  type HeuristicContext,
} from "../../src/simulation/heuristics.js";
import { outcome } from "../../src/simulation/outcome.js";
import type { EdgeState, NetworkState, NodeState, Task } from "../../src/simulation/types.js";

const node = (o: Partial<NodeState> = {}): NodeState => ({
  cpu_util: 0.2,
  mem_util: 0.3,
  energy: 1000,
  latency: 2,
  bandwidth: 100,
  backlog_ms: 0,
  node_type: 1,
  ...o,
});
const task: Task = { source: 0, cpu_mcycles: 500, mem_mb: 128, data_kb: 200, deadline_ms: 500 };

/** sensor 0 between a fast fog node 1 and a slower fog node 2; `busy` is the state of link 0-1. */
function star(busy: Partial<EdgeState> = {}, nodes: Partial<NodeState>[] = []): NetworkState {
  const base = [node({ node_type: 0 }), node({ cpu_util: 0.1 }), node({ cpu_util: 0.5 })];
  return {
    nodes: base.map((nd, i) => ({ ...nd, ...nodes[i] })),
    edges: [{ source: 0, target: 1, ...busy }, [0, 2]],
  };
}

function ctx(net: NetworkState, o: Partial<HeuristicContext> = {}): HeuristicContext {
  return { net, task, out: outcome(net, task), step: 0, seed: 1, ...o };
}

describe("greedy and greedy_static", () => {
  it("greedy avoids the fast node behind a busy link; greedy_static ignores link backlog", () => {
    const idle = ctx(star());
    const busy = ctx(star({ backlog_ms: 400 }));
    expect(greedy(idle)).toBe(1);
    expect(greedy(busy)).toBe(2);
    expect(greedyStatic(busy)).toBe(1);
    expect(greedyStatic(busy)).toBe(greedyStatic(idle));
    expect(jsed(busy)).toBe(2);
  });
});

describe("ties and empty masks", () => {
  it("ties go to the lowest index", () => {
    expect(leastLoaded(ctx(star({}, [{ backlog_ms: 7 }, { backlog_ms: 7 }, { backlog_ms: 7 }])))).toBe(0);
    expect(leastLoaded(ctx(star({}, [{ backlog_ms: 9 }, { backlog_ms: 7 }, { backlog_ms: 7 }])))).toBe(1);
  });

  it("every baseline returns -1 when no node is valid", () => {
    const full = star({}, [{ mem_util: 1 }, { mem_util: 1 }, { mem_util: 1 }]);
    for (const name of HEURISTIC_NAMES) expect(HEURISTICS[name](ctx(full)), name).toBe(-1);
  });
});

describe("round_robin", () => {
  it("takes the first valid node at or after step mod N, wrapping around", () => {
    const net = star({}, [{}, { cpu_util: 0.99 }]); // node 1 invalid
    expect([0, 1, 2, 3, 4, 5].map((step) => roundRobin(ctx(net, { step })))).toEqual([0, 2, 2, 0, 2, 2]);
  });
});

describe("random and power_of_two", () => {
  it("random is reproducible per seed and spreads over the valid nodes only", () => {
    const net = star({}, [{ cpu_util: 0.99 }]); // node 0 invalid
    const picks = new Set<number>();
    for (let seed = 0; seed < 50; seed++) {
      const a = randomChoice(ctx(net, { seed }));
      expect(randomChoice(ctx(net, { seed }))).toBe(a);
      picks.add(a);
    }
    expect([...picks].sort()).toEqual([1, 2]);
  });

  it("power_of_two compares two distinct nodes: with two valid, always the earlier finish", () => {
    const net = star({}, [{ cpu_util: 0.99 }]);
    const c = ctx(net);
    const earlier = c.out.finish[1]! < c.out.finish[2]! ? 1 : 2;
    for (let seed = 0; seed < 20; seed++) expect(powerOfTwo(ctx(net, { seed }))).toBe(earlier);
  });

  it("power_of_two never picks the valid node that finishes last", () => {
    const net: NetworkState = {
      nodes: [node({ node_type: 0 }), ...[0.1, 0.3, 0.5, 0.7].map((cpu_util) => node({ cpu_util }))],
      edges: [[0, 1], [0, 2], [0, 3], [0, 4]],
    };
    const picks = new Set<number>();
    for (let seed = 0; seed < 100; seed++) picks.add(powerOfTwo(ctx(net, { seed })));
    const slowest = ctx(net).out.finish.indexOf(Math.max(...ctx(net).out.finish));
    expect(picks.has(slowest)).toBe(false);
    expect(picks.size).toBeGreaterThan(2);
  });

  it("with one valid node, both draws are it", () => {
    const net = star({}, [{ cpu_util: 0.99 }, { cpu_util: 0.99 }]);
    expect(powerOfTwo(ctx(net))).toBe(2);
  });
});
