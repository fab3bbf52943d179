import { describe, expect, it } from "vitest";
import {
  ablationTable,
  diffFigure,
  errorBar,
  evalLoads,
  evalPolicies,
  evalSizes,
  evalTable,
  fewerEpisodes,
  fewerEpisodesText,
  formatInterval,
  formatScore,
  MAIN_BASELINES,
  metricTraces,
  modelEvalMatrix,
  policyStyles,
  verdict,
  verdictCounts,
  verdictSummary,
} from "../lib/evaluation";
import { evalReport, evalRow, LOADS, SIZES } from "./fixtures";

// plotly's Data union makes property access awkward in tests.
const t = (d: unknown) => d as Record<string, any>;

const report = evalReport();
const rows = report.results;
const LEARNED = ["dqn", "ppo", "hybrid", "hybrid_gat"];

describe("evaluation axes and policies", () => {
  it("lists sizes and loads ascending", () => {
    expect(evalSizes(rows)).toEqual(SIZES);
    expect(evalLoads(rows)).toEqual(LOADS);
  });

  it("orders learned policies first, then greedy, planner, greedy_static, jsed, then the rest", () => {
    expect(evalPolicies(rows).map((p) => p.policy)).toEqual([...LEARNED, ...MAIN_BASELINES, "random"]);
  });

  it("gives the four learned policies distinct colours, markers and dashes", () => {
    const styles = policyStyles(evalPolicies(rows));
    const learned = LEARNED.map((p) => styles.get(p)!);
    for (const key of ["color", "symbol", "dash"] as const) expect(new Set(learned.map((s) => s[key])).size).toBe(4);
    // and every charted policy has its own colour
    const charted = [...LEARNED, ...MAIN_BASELINES].map((p) => styles.get(p)!.color);
    expect(new Set(charted).size).toBe(charted.length);
  });
});

describe("difference-vs-greedy chart", () => {
  it("turns a [mean, lo, hi] interval into asymmetric error bars", () => {
    expect(errorBar([5, 1, 12])).toEqual({ up: 7, down: 4 });
    expect(errorBar([0, 0, 0])).toEqual({ up: 0, down: 0 });
    expect(errorBar([-3, -10, -1])).toEqual({ up: 2, down: 7 });
  });

  it("draws one trace per policy and load, x = sizes, y = mean diff with CI error bars", () => {
    const fig = diffFigure(rows, { loads: LOADS });
    const data = fig.data.map(t);
    expect(data).toHaveLength(LOADS.length * evalPolicies(rows).length);
    const hybrid07 = data.find((d) => d.name === "hybrid" && d.xaxis === "x2")!;
    // 4 sizes, offset around their category index
    expect(hybrid07.x).toHaveLength(4);
    hybrid07.x.forEach((x: number, i: number) => expect(Math.abs(x - i)).toBeLessThan(0.5));
    expect(hybrid07.y).toEqual([27, 27, 27, 27]); // 20 + 0.7 * 10
    expect(hybrid07.error_y.symmetric).toBe(false);
    expect(hybrid07.error_y.array).toEqual([17, 17, 17, 17].map((v) => expect.closeTo(v, 9))); // hi 44 - 27
    expect(hybrid07.error_y.arrayminus).toEqual([17, 17, 17, 17].map((v) => expect.closeTo(v, 9))); // 27 - lo 10
    expect(hybrid07.customdata[3]).toEqual([1000, 10, 44, 32]);
    // greedy sits at 0 with empty bars
    const greedy = data.find((d) => d.name === "greedy" && d.xaxis === "x")!;
    expect(greedy.y).toEqual([0, 0, 0, 0]);
    expect(greedy.error_y.array).toEqual([0, 0, 0, 0]);
  });

  it("shows each policy once in the legend and keeps its style across panels", () => {
    const data = diffFigure(rows, { loads: LOADS }).data.map(t);
    const legend = data.filter((d) => d.showlegend).map((d) => d.name);
    expect(legend).toEqual(evalPolicies(rows).map((p) => p.policy));
    const dqn = data.filter((d) => d.name === "dqn");
    expect(dqn.map((d) => d.xaxis)).toEqual(["x", "x2", "x3"]);
    expect(new Set(dqn.map((d) => `${d.line.color} ${d.line.dash} ${d.marker.symbol}`)).size).toBe(1);
  });

  it("lays out one panel per load on a shared y axis with size tick labels", () => {
    const { layout } = diffFigure(rows, { loads: LOADS });
    const l = layout as Record<string, any>;
    expect(l.xaxis.ticktext).toEqual(["20", "50", "200", "1000"]);
    expect(l.xaxis3.anchor).toBe("y");
    expect(l.xaxis.domain[1]).toBeLessThan(l.xaxis2.domain[0]);
    expect(l.xaxis3.domain[1]).toBeCloseTo(1);
    expect(l.annotations.map((a: { text: string }) => a.text)).toEqual(["<b>load 0.4</b>", "<b>load 0.7</b>", "<b>load 0.9</b>"]);
  });

  it("draws only the policies asked for, and a single load as one full-width panel", () => {
    const policies = evalPolicies(rows).filter((p) => p.policy !== "random");
    const { data, layout } = diffFigure(rows, { loads: [0.9], policies });
    expect(data.map(t).map((d) => d.name)).toEqual(policies.map((p) => p.policy));
    expect((layout as Record<string, any>).xaxis.domain).toEqual([0, 1]);
  });

  it("leaves gaps where the report has no row", () => {
    const partial = rows.filter((r) => !(r.policy === "planner" && r.num_nodes === 1000));
    const planner = diffFigure(partial, { loads: [0.4] }).data.map(t).find((d) => d.name === "planner")!;
    expect(planner.customdata.map((c: number[]) => c[0])).toEqual([20, 50, 200]);
  });

  it("plots plain metrics per size at one load, each policy shifted a little so lines stay apart", () => {
    const traces = metricTraces(rows, 0.4, "mean_latency_ms").map(t);
    const dqn = traces[0]!;
    expect(dqn.x).toEqual([-0.15, 0.85, 1.85, 2.85]);
    expect(traces.at(-1)!.x[0]).toBeCloseTo(0.15);
    expect(new Set(traces.map((d) => d.x[0])).size).toBe(traces.length);
    expect(metricTraces(rows, 0.4, "mean_latency_ms", undefined, 0).map(t)[0]!.x).toEqual([0, 1, 2, 3]);
    expect(dqn!.y).toEqual([402, 405, 420, 500]);
    const random = metricTraces(rows, 0.4, "mean_latency_ms").map(t).find((d) => d.name === "random")!;
    expect(random.y).toEqual([null, null, null, null]);
  });
});

describe("evaluation tables", () => {
  it("ranks a (size, load) by mean return, with a verdict from the CI", () => {
    const table = evalTable(rows, 200, 0.9);
    expect(table.map((r) => r.row.policy)).toEqual(["planner", "hybrid", "hybrid_gat", "greedy", "jsed", "greedy_static", "dqn", "ppo", "random"]);
    expect(table[0]!.rank).toBe(1);
    const v = Object.fromEntries(table.map((r) => [r.row.policy, r.verdict]));
    expect(v).toMatchObject({ hybrid: "better", dqn: "tie", ppo: "worse", greedy: "reference", jsed: "tie", greedy_static: "worse" });
  });

  it("decides a verdict by where the interval lies", () => {
    expect(verdict("x", [1, 0.1, 2])).toBe("better");
    expect(verdict("x", [1, 0, 2])).toBe("tie");
    expect(verdict("x", [-1, -2, -0.1])).toBe("worse");
    expect(verdict("greedy", [0, 0, 0])).toBe("reference");
  });

  it("computes the ablation's share of the full model's gain", () => {
    const table = ablationTable(report.ablations, rows);
    expect(table.map((a) => a.variant)).toEqual(["no_graph", "no_link_state"]);
    const [noGraph, noLink] = table;
    expect(noLink!.full).toEqual([29, 10, 48]);
    expect(noLink!.share).toBeCloseTo(13.5 / 29);
    expect(noLink!.note).toBeNull();
    expect(noGraph!.share).toBeCloseTo(-2.7 / 29);
  });

  it("carries the report's interval of the share kept, and none where there is no share", () => {
    const abl = { ...report.ablations[0]!, gain_kept_ci95: [0.2, 0.7] as [number, number] };
    expect(ablationTable([abl], rows)[0]!.shareCi).toEqual([0.2, 0.7]);
    expect(ablationTable([{ ...abl, gain_kept_ci95: null }], rows)[0]!.shareCi).toBeNull();
    const base = rows.filter((r) => !(r.policy === "hybrid" && r.num_nodes === 50 && r.load === 0.9));
    const noGain = ablationTable([abl], [...base, evalRow("hybrid", "learned", 50, 0.9, [-55, -110, -0.7])]);
    expect(noGain[0]!.share).toBeNull();
    expect(noGain[0]!.shareCi).toBeNull();
  });

  it("gives no share when the full model has no gain over greedy, and flags a noisy one", () => {
    const base = rows.filter((r) => !(r.policy === "hybrid" && r.num_nodes === 50 && r.load === 0.9));
    const abl = report.ablations[0]!;
    const noGain = ablationTable([abl], [...base, evalRow("hybrid", "learned", 50, 0.9, [-55, -110, -0.7])]);
    expect(noGain[0]!.share).toBeNull();
    expect(noGain[0]!.note).toMatch(/no gain/);
    const noisy = ablationTable([abl], [...base, evalRow("hybrid", "learned", 50, 0.9, [27, -3, 57])]);
    expect(noisy[0]!.share).toBeCloseTo(0.5);
    expect(noisy[0]!.note).toMatch(/within noise/);
    const missing = ablationTable([abl], base);
    expect(missing[0]).toMatchObject({ full: null, share: null });
  });

  it("reports which policies ran on fewer episodes, and where", () => {
    expect(fewerEpisodes(rows, report.episodes)).toEqual([{ policy: "planner", episodes: 8, sizes: [200, 1000] }]);
    expect(fewerEpisodes(rows, 8)).toEqual([]);
    expect(fewerEpisodesText(fewerEpisodes(rows, report.episodes))).toBe("planner ran on 8 episodes at 200, 1000 nodes");
  });

  it("words several episode counts per policy in one phrase", () => {
    const notes = [
      { policy: "planner", episodes: 40, sizes: [50] },
      { policy: "planner", episodes: 2, sizes: [1000] },
      { policy: "planner", episodes: 10, sizes: [200] },
      { policy: "slow", episodes: 1, sizes: [20] },
    ];
    expect(fewerEpisodesText(notes)).toBe("planner ran on 40 episodes at 50 nodes, 10 at 200 and 2 at 1000; slow ran on 1 episode at 20 nodes");
  });

  it("formats intervals without negative zeros", () => {
    expect(formatInterval([-12.34, -20.06, -4.5])).toBe("-12.3 [-20.1, -4.5]");
    expect(formatInterval([0, -0.01, 0.04])).toBe("0.0 [0.0, 0.0]");
  });

  it("formats a normalised score with its interval, or says the interval is unbounded", () => {
    expect(formatScore({ policy: "hybrid", normalized_score: 0.746, normalized_score_ci95: [0.612, 0.9] })).toBe("0.75 [0.61, 0.90]");
    expect(formatScore({ policy: "hybrid", normalized_score: -0.4, normalized_score_ci95: null })).toBe("-0.40 [unbounded]");
    expect(formatScore({ policy: "planner", normalized_score: 1, normalized_score_ci95: null })).toBe("1.00");
    expect(formatScore({ policy: "dqn", normalized_score: null, normalized_score_ci95: null })).toBe("—");
  });
});

describe("a model's evaluation from its manifest", () => {
  it("builds a size x load matrix of the model's own rows", () => {
    const m = modelEvalMatrix("hybrid", [...rows.filter((r) => r.policy === "hybrid"), rows[0]!]);
    expect(m.sizes).toEqual(SIZES);
    expect(m.loads).toEqual(LOADS);
    expect(m.cell(50, 0.9)?.diff_vs_greedy).toEqual([29, 10, 48]);
    expect(m.cell(50, 0.5)).toBeUndefined();
  });

  it("is empty for a manifest without rows", () => {
    expect(modelEvalMatrix("hybrid", []).sizes).toEqual([]);
  });
});

describe("a policy's standing against greedy", () => {
  it("counts each cell by its interval: hybrid better in all, ppo worse in all, dqn indistinct in all", () => {
    expect(verdictCounts("hybrid", rows)).toEqual({ cells: 12, better: 12, worse: 0, tie: 0 });
    expect(verdictSummary(verdictCounts("hybrid", rows))).toBe("better than greedy in 12 of 12 cells");
    expect(verdictSummary(verdictCounts("ppo", rows))).toBe("worse than greedy in 12 of 12 cells");
    expect(verdictSummary(verdictCounts("dqn", rows))).toBe("indistinct from greedy in 12 of 12 cells");
  });

  it("leads with the most common verdict and lists the others, and leaves greedy itself out", () => {
    const mixed = [
      evalRow("m", "learned", 20, 0.4, [-5, -9, -1]),
      evalRow("m", "learned", 20, 0.7, [-4, -8, -2]),
      evalRow("m", "learned", 50, 0.4, [3, 1, 5]),
      evalRow("m", "learned", 50, 0.7, [0, -1, 1]),
    ];
    expect(verdictCounts("m", mixed)).toEqual({ cells: 4, better: 1, worse: 2, tie: 1 });
    expect(verdictSummary(verdictCounts("m", mixed))).toBe("worse than greedy in 2 of 4 cells, better in 1, indistinct in 1");
    expect(verdictCounts("greedy", rows).cells).toBe(0);
    expect(verdictSummary(verdictCounts("greedy", rows))).toBe("no evaluation cells");
  });
});
