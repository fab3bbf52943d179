/** The TypeScript planner: candidates, its future sampler, reused outcome buffers. */
import { describe, expect, it } from "vitest";
import { arrivalRate, arrivalStream, regions, taskSources, type Arrival } from "../../src/simulation/arrivals.js";
import { advance, commit, initialState } from "../../src/simulation/dynamics.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { outcome, type Outcome } from "../../src/simulation/outcome.js";
import { Pacer } from "../../src/simulation/pacer.js";
import { greedyChoice, Planner, PLANNER_CANDIDATES, topCandidates } from "../../src/simulation/planner.js";
import * as spec from "../../src/simulation/spec.js";
import { Topology } from "../../src/simulation/topology.js";

const NET = generateNetwork(30, 9);
const TOPO = new Topology(NET);
const STREAM = arrivalStream(NET, 1.2, 4, 400);

const PLAIN = (o: Outcome) => {
  const { routes: _r, ...rest } = o;
  return JSON.parse(JSON.stringify(rest, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
};

describe("outcome({into})", () => {
  // the second network is cut in two (the cloud and a fog node lose their links): unreachable nodes between reachable ones
  const full = generateNetwork(15, 2);
  const cut = { nodes: full.nodes, edges: full.edges.filter(([s, t]) => t !== 14 && s !== 12 && t !== 12) };
  it.each([
    ["a connected network", NET, STREAM],
    ["a network in two parts", cut, arrivalStream(cut, 1.2, 3, 300)],
  ] as const)("rewriting an old outcome in place gives exactly a fresh outcome, step after step: %s", (_what, net, stream) => {
    const topo = new Topology(net);
    const state = initialState(net, topo.links);
    let reused: Outcome | undefined;
    let unreachable = 0;
    for (const task of stream) {
      advance(state, task.gap_ms);
      const fresh = outcome(net, task, { routes: topo.routes(task.source), state });
      reused = outcome(net, task, { routes: topo.routes(task.source), state, ...(reused ? { into: reused } : {}) });
      expect(PLAIN(reused)).toEqual(PLAIN(fresh));
      unreachable += fresh.arrive.filter((a) => !Number.isFinite(a)).length;
      commit(state, task, greedyChoice(fresh), fresh);
    }
    if (net === cut) expect(unreachable).toBeGreaterThan(0);
  });
});

describe("planner candidates", () => {
  it("the top valid nodes by reward, lowest index first on ties", () => {
    const out = outcome(NET, STREAM[0]!, { routes: TOPO.routes(STREAM[0]!.source), state: initialState(NET, TOPO.links) });
    out.reward.fill(1);
    out.reward[7] = 5;
    out.valid.fill(1);
    out.valid[3] = 0;
    expect(topCandidates(out, PLANNER_CANDIDATES)).toEqual([7, 0, 1, 2, 4, 5]);
    expect(greedyChoice(out)).toBe(7);
    out.valid.fill(0);
    expect(topCandidates(out, PLANNER_CANDIDATES)).toEqual([]);
    expect(greedyChoice(out)).toBe(-1);
  });
});

describe("the planner's future sampler", () => {
  const rate = arrivalRate(NET, 0.9);
  const calm: Arrival = { ...STREAM[0]!, burst: false, hot: -1 };

  it("is deterministic for a seed and draws tasks from the arrival model's ranges and sources", () => {
    const a = new Planner(TOPO, rate, { bursts: true }, 5).sampleFuture(calm, 500);
    const b = new Planner(TOPO, rate, { bursts: true }, 5).sampleFuture(calm, 500);
    expect(a).toEqual(b);
    expect(new Planner(TOPO, rate, { bursts: true }, 6).sampleFuture(calm, 500)).not.toEqual(a);
    const sources = new Set(taskSources(NET));
    for (const f of a) {
      expect(sources.has(f.source)).toBe(true);
      expect(f.gap_ms).toBeGreaterThan(0);
      expect(f.cpu_mcycles).toBeGreaterThanOrEqual(spec.TASK_CPU_MCYCLES[0]);
      expect(f.cpu_mcycles).toBeLessThan(spec.TASK_CPU_MCYCLES[1]);
      expect(f.deadline_ms).toBeGreaterThanOrEqual(spec.TASK_DEADLINE_MS[0]);
    }
  });

  it("in a burst, most tasks come from the hot region, and they arrive faster", () => {
    const reg = regions(NET);
    const hot = reg[taskSources(NET)[0]!]!;
    const burst: Arrival = { ...calm, burst: true, hot };
    const p = new Planner(TOPO, rate, { bursts: true }, 1);
    let inHot = 0;
    let gapBurst = 0;
    let gapCalm = 0;
    const rows = 400;
    for (let i = 0; i < rows; i++) {
      const f = p.sampleFuture(burst, 1)[0]!;
      if (reg[f.source] === hot) inHot++;
      gapBurst += f.gap_ms;
      gapCalm += p.sampleFuture(calm, 1)[0]!.gap_ms;
    }
    expect(inHot / rows).toBeGreaterThan(0.6);
    expect(gapBurst).toBeLessThan(gapCalm);
  });

  it("without bursts, futures stay at the base rate: the mean gap is 1 / lambda", () => {
    const f = new Planner(TOPO, rate, { bursts: false }, 2).sampleFuture(calm, 4000);
    const mean = f.reduce((s, x) => s + x.gap_ms, 0) / f.length;
    expect(Math.abs(mean * rate - 1)).toBeLessThan(0.06);
  });
});

describe("Planner.choose", () => {
  it("picks one of greedy's top candidates, or -1 when no node is valid", async () => {
    const state = initialState(NET, TOPO.links);
    const planner = new Planner(TOPO, arrivalRate(NET, 1.2), { bursts: true }, 3);
    const pacer = new Pacer();
    for (const task of STREAM.slice(0, 40)) {
      advance(state, task.gap_ms);
      const out = outcome(NET, task, { routes: TOPO.routes(task.source), state });
      const a = await planner.choose(task, out, state, pacer);
      expect(topCandidates(out, PLANNER_CANDIDATES)).toContain(a);
      commit(state, task, a, out);
    }
    const task = STREAM[40]!;
    const out = outcome(NET, task, { routes: TOPO.routes(task.source), state });
    out.valid.fill(0);
    expect(await planner.choose(task, out, state, pacer)).toBe(-1);
  });
});
