/**
 * Closed-loop episodes against PyTorch: every run of models/fixtures/episodes_scored.json (written by
 * models/pipeline/simulate_fixtures.py). The runner must give the same arrivals, the same choices
 * and rewards for the deterministic baselines, and for the hybrid (ONNX here, its torch checkpoint
 * there) the same choices except near-ties of its float32 probabilities.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { Predictor } from "../../src/inference/predictor.js";
import { ModelRegistry } from "../../src/inference/registry.js";
import { silentLogger } from "../../src/observability/logger.js";
import { arrivalStream, type Arrival } from "../../src/simulation/arrivals.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { HEURISTIC_NAMES, type HeuristicName } from "../../src/simulation/heuristics.js";
import { learnedPolicy } from "../../src/simulation/learned.js";
import { baselinePolicy, type Policy } from "../../src/simulation/policies.js";
import { runEpisode } from "../../src/simulation/runner.js";
import { summarize } from "../../src/simulation/summary.js";
import { FIXTURES_DIR, HAS_MODELS } from "../helpers/fixtures.js";

interface Played {
  nodes: number[];
  rewards: number[];
  summary: { return: number; deadline_met_rate: number; mean_latency_ms: number | null; p95_latency_ms: number | null; energy_j: number; dropped: number };
  margin?: number[];
}
interface Run {
  num_nodes: number;
  network_seed: number;
  load: number;
  seed: number;
  tasks: number;
  warmup_tasks: number;
  stream: Arrival[];
  policies: Record<string, Played>;
}

const PATH = join(FIXTURES_DIR, "episodes_scored.json");
const doc = existsSync(PATH) ? (JSON.parse(readFileSync(PATH, "utf8")) as { heuristics: HeuristicName[]; runs: Run[] }) : { heuristics: [], runs: [] };

/** A choice of the hybrid may differ from torch's only where its top two probabilities are this close. */
const NEAR_TIE = 1e-4;

const rel = (g: number, e: number, tol: number) => Math.abs(g - e) <= tol * Math.max(1, Math.abs(e));

function expectRewards(got: Float64Array, exp: number[], what: string): void {
  expect(got.length, what).toBe(exp.length);
  for (let t = 0; t < exp.length; t++) if (!rel(got[t]!, exp[t]!, 1e-6)) throw new Error(`${what}[${t}]: got ${got[t]}, expected ${exp[t]}`);
}

function expectSummary(got: ReturnType<typeof summarize>, exp: Played["summary"], what: string): void {
  expect(got.dropped, what).toBe(exp.dropped);
  expect(got.deadline_met_rate, what).toBe(exp.deadline_met_rate);
  for (const k of ["return", "mean_latency_ms", "p95_latency_ms", "energy_j"] as const) {
    const g = got[k];
    const e = exp[k];
    if (e === null || g === null) expect(g, `${what}.${k}`).toBe(e);
    else if (!rel(g, e, 1e-6)) throw new Error(`${what}.${k}: got ${g}, expected ${e}`);
  }
}

describe.skipIf(doc.runs.length === 0)("episode parity with models/fixtures/episodes_scored.json", () => {
  it("covers a network without sensors, congestion and a 50-node network", () => {
    expect(doc.runs.some((r) => r.num_nodes === 2)).toBe(true);
    expect(doc.runs.some((r) => r.load >= 0.9)).toBe(true);
    expect(doc.runs.some((r) => r.num_nodes >= 50)).toBe(true);
    expect(doc.heuristics.every((h) => (HEURISTIC_NAMES as readonly string[]).includes(h))).toBe(true);
  });

  describe.each(doc.runs.map((r) => [r.num_nodes, r.network_seed, r.load, r.seed, r.tasks, r] as const))(
    "N=%i network %i load=%f seed %i, %i tasks",
    (n, netSeed, load, seed, tasks, r) => {
      const net = generateNetwork(n, netSeed);

      it("the same arrival stream", () => {
        const stream = arrivalStream(net, load, seed, r.warmup_tasks + tasks);
        expect(stream).toHaveLength(r.stream.length);
        stream.forEach((a, t) => {
          const e = r.stream[t]!;
          expect({ source: a.source, burst: a.burst, hot: a.hot }, `stream[${t}]`).toEqual({ source: e.source, burst: e.burst, hot: e.hot });
          for (const k of ["gap_ms", "cpu_mcycles", "mem_mb", "data_kb", "deadline_ms", "load"] as const) {
            if (!rel(a[k], e[k], 1e-9)) throw new Error(`stream[${t}].${k}: got ${a[k]}, expected ${e[k]}`);
          }
        });
      });

      it("the same choices, rewards and summaries for the deterministic baselines", async () => {
        const res = await runEpisode({ net, load, seed, tasks, traceEvery: tasks }, (ctx) => doc.heuristics.map((h) => baselinePolicy(h, ctx)));
        expect(res.warmupTasks).toBe(r.warmup_tasks);
        for (const rec of res.records) {
          const exp = r.policies[rec.name]!;
          expect(Array.from(rec.node), rec.name).toEqual(exp.nodes);
          expectRewards(rec.reward, exp.rewards, rec.name);
          expectSummary(summarize(rec, tasks), exp.summary, rec.name);
        }
      });
    },
  );
});

describe.skipIf(doc.runs.length === 0 || !HAS_MODELS)("hybrid in the loop (ONNX) against its torch checkpoint", () => {
  let predictor: Predictor;
  beforeAll(async () => {
    const registry = new ModelRegistry({ dir: DEFAULT_MODELS_DIR, intraOpThreads: 1, logger: silentLogger() });
    await registry.loadAll();
    predictor = new Predictor({ registry, microbatch: true, maxRunBatch: 64 });
  });

  describe.each(doc.runs.map((r) => [r.num_nodes, r.load, r.tasks, r] as const))("N=%i load=%f, %i tasks", (n, load, tasks, r) => {
    const net = generateNetwork(n, r.network_seed);
    const exp = r.policies.hybrid!;

    it("on torch's trajectory, ONNX picks torch's node except at near-ties", async () => {
      // Teacher forcing: the episode follows torch's choices, so every decision meets torch's exact state.
      const onnx: number[] = [];
      const res = await runEpisode({ net, load, seed: r.seed, tasks, traceEvery: tasks }, (ctx) => {
        const model = learnedPolicy("hybrid", predictor, ctx.topo);
        const forced: Policy = {
          name: "hybrid",
          kind: "learned",
          async choose(d, pacer) {
            onnx.push(await model.choose(d, pacer));
            return exp.nodes[d.step]!;
          },
        };
        return [forced];
      });
      expectRewards(res.records[0]!.reward, exp.rewards, "hybrid (torch's choices)");
      const differ = onnx.flatMap((a, t) => (a === exp.nodes[t] || (a === -1 && exp.nodes[t] === -1) ? [] : [t]));
      for (const t of differ) expect(exp.margin![t]!, `step ${t}: ONNX ${onnx[t]}, torch ${exp.nodes[t]}`).toBeLessThan(NEAR_TIE);
      expect(differ.length).toBeLessThanOrEqual(Math.ceil(0.02 * tasks));
    });

    it("free-running, the same episode up to the first near-tie (the return within 2% after one)", async () => {
      const res = await runEpisode({ net, load, seed: r.seed, tasks, traceEvery: tasks }, (ctx) => [learnedPolicy("hybrid", predictor, ctx.topo)]);
      const rec = res.records[0]!;
      const got = summarize(rec, tasks);
      const first = Array.from(rec.node).findIndex((a, t) => a !== exp.nodes[t]);
      if (first < 0) {
        expectRewards(rec.reward, exp.rewards, "hybrid");
        expectSummary(got, exp.summary, "hybrid");
      } else {
        // after a near-tie goes the other way the two trajectories differ
        expect(exp.margin![first]!, `first difference at step ${first}`).toBeLessThan(NEAR_TIE);
        expect(Math.abs(got.return - exp.summary.return)).toBeLessThanOrEqual(0.02 * Math.abs(exp.summary.return));
      }
    });
  });
});
