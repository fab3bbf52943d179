/** The episode runner: one stream for every policy, determinism, abort, pacing, and the planner's behaviour. */
import { describe, expect, it } from "vitest";
import { arrivalStream, warmupTasks, type Arrival } from "../../src/simulation/arrivals.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { Pacer } from "../../src/simulation/pacer.js";
import { baselinePolicy, type BaselineName, type Policy } from "../../src/simulation/policies.js";
import { runEpisode, type EpisodeSpec } from "../../src/simulation/runner.js";
import { summarize, summarizeAll } from "../../src/simulation/summary.js";

const NET = generateNetwork(20, 4);
const EP: EpisodeSpec = { net: NET, load: 0.9, seed: 11, tasks: 120, traceEvery: 10 };

const baselines = (...names: BaselineName[]) => (ctx: Parameters<typeof baselinePolicy>[1]) => names.map((n) => baselinePolicy(n, ctx));

describe("runEpisode", () => {
  it("every policy meets the identical arrival stream: arrivalStream after the greedy warm-up", async () => {
    const seen = new Map<string, Arrival[]>();
    const spy = (p: Policy): Policy => ({
      ...p,
      choose(d, pacer) {
        if (!seen.has(p.name)) seen.set(p.name, []);
        seen.get(p.name)!.push(d.task);
        return p.choose(d, pacer);
      },
    });
    const res = await runEpisode(EP, (ctx) => (["greedy", "round_robin", "jsed", "planner"] as const).map((n) => spy(baselinePolicy(n, ctx))));
    const warm = warmupTasks(20);
    const expected = arrivalStream(NET, 0.9, 11, warm + 120).slice(warm);
    expect(res.stream).toEqual(expected);
    expect(seen.size).toBe(4);
    for (const tasks of seen.values()) expect(tasks).toEqual(expected);
    // different policies build different queues from the same tasks
    expect(Array.from(res.records[0]!.node)).not.toEqual(Array.from(res.records[1]!.node));
  });

  it("is deterministic for a seed (the planner and the seeded baselines included)", async () => {
    const make = baselines("planner", "random", "power_of_two");
    const a = await runEpisode(EP, make);
    const b = await runEpisode(EP, make);
    for (let p = 0; p < 3; p++) {
      expect(Array.from(b.records[p]!.node)).toEqual(Array.from(a.records[p]!.node));
      expect(Array.from(b.records[p]!.reward)).toEqual(Array.from(a.records[p]!.reward));
    }
    const c = await runEpisode({ ...EP, seed: 12 }, make);
    expect(Array.from(c.records[0]!.reward)).not.toEqual(Array.from(a.records[0]!.reward));
  });

  it("a policy's results do not depend on which other policies run beside it", async () => {
    const alone = await runEpisode(EP, baselines("jsed"));
    const together = await runEpisode(EP, baselines("greedy", "planner", "jsed"));
    expect(Array.from(together.records[2]!.node)).toEqual(Array.from(alone.records[0]!.node));
  });

  it("samples backlogs every traceEvery tasks, one row per node and link", async () => {
    const res = await runEpisode(EP, baselines("greedy"));
    expect(res.sampleSteps).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
    expect(res.records[0]!.backlog).toHaveLength(12);
    expect(res.records[0]!.backlog[3]).toHaveLength(20);
    expect(res.records[0]!.linkBacklog[3]).toHaveLength(NET.edges.length);
  });

  it("stops early when its signal fires, and counts the steps done", async () => {
    const abort = new AbortController();
    let calls = 0;
    const res = await runEpisode({ ...EP, tasks: 2000 }, (ctx) => {
      const greedy = baselinePolicy("greedy", ctx);
      return [
        {
          ...greedy,
          choose(d, pacer) {
            calls++;
            if (d.step === 30) abort.abort();
            return greedy.choose(d, pacer);
          },
        },
      ];
    }, { signal: abort.signal, pacer: new Pacer(abort.signal, 0) });
    expect(res.aborted).toBe(true);
    expect(res.completed).toBe(31);
    expect(calls).toBe(31);
  });

  it("a planner run aborted from outside stops inside its decisions", async () => {
    const abort = new AbortController();
    let progressed = 0;
    setTimeout(() => abort.abort(), 50);
    const res = await runEpisode({ net: generateNetwork(50, 1), load: 0.9, seed: 3, tasks: 5000, traceEvery: 25 }, baselines("planner"), {
      signal: abort.signal,
      onProgress: (done) => {
        progressed = done;
      },
    });
    expect(res.aborted).toBe(true);
    expect(res.completed).toBeLessThan(5000);
    expect(progressed).toBeLessThanOrEqual(res.completed);
  });

  it("hands the event loop back while it runs", async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const res = await runEpisode({ ...EP, tasks: 150 }, baselines("planner"));
    clearInterval(timer);
    expect(res.completed).toBe(150);
    expect(turns).toBeGreaterThan(3);
  });

  it("reports progress with the tasks done so far, the last one at the end", async () => {
    const done: number[] = [];
    await runEpisode(EP, baselines("greedy"), { progressMs: 0, onProgress: (d) => void done.push(d) });
    expect(done).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });
});

describe("the planner (mulberry32 sampler) against greedy", () => {
  it("earns a higher mean return than greedy on congested 20-node networks (6 seeds, load 0.9)", async () => {
    const gains: number[] = [];
    for (let s = 1; s <= 6; s++) {
      const res = await runEpisode({ net: generateNetwork(20, 2 * s + 1), load: 0.9, seed: 100 + s, tasks: 120, traceEvery: 120 }, baselines("greedy", "planner"));
      const [g, p] = summarizeAll(res.records, res.completed);
      gains.push(p!.return - g!.return);
    }
    const mean = gains.reduce((a, b) => a + b, 0) / gains.length;
    expect(mean).toBeGreaterThan(0);
    expect(gains.filter((d) => d > 0).length).toBeGreaterThanOrEqual(4);
  });
});

describe("summaries", () => {
  it("return, rates, latency percentiles and drops of a hand-made record", () => {
    const rec = {
      name: "x",
      kind: "baseline" as const,
      version: null,
      node: Int32Array.from([0, -1, 2, 1]),
      reward: Float64Array.from([1, -6, 0.5, 0.25]),
      latency: Float64Array.from([30, NaN, 10, 20]),
      energy: Float64Array.from([0.1, 0, 0.2, 0.3]),
      deadlineMet: Uint8Array.from([1, 0, 1, 0]),
      backlog: [],
      linkBacklog: [],
    };
    expect(summarize(rec, 4)).toMatchObject({ model_version: null, return: -4.25, deadline_met_rate: 0.5, mean_latency_ms: 20, p95_latency_ms: 30, dropped: 1, tasks: 4 });
    expect(summarize(rec, 2)).toMatchObject({ return: -5, mean_latency_ms: 30, dropped: 1, tasks: 2 });
    const g = { ...rec, name: "greedy", reward: Float64Array.from([0, 0, 0, 0]) };
    const p = { ...rec, name: "planner", reward: Float64Array.from([1, 1, 0, 0]) };
    const scores = summarizeAll([rec, g, p], 4).map((s) => s.normalized_score);
    expect(scores).toEqual([-4.25 / 2, 0, 1]);
    expect(summarizeAll([rec, g], 4).map((s) => s.normalized_score)).toEqual([null, null]);
  });
});
