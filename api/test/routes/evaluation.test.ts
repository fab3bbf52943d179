import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EVAL_PATH } from "../../src/config/env.js";
import { call, expectErrorShape, makeApp } from "../helpers/app.js";
import { tempDir } from "../helpers/temp.js";

const row = {
  policy: "hybrid",
  kind: "learned",
  num_nodes: 20,
  load: 0.7,
  episodes: 100,
  mean_return: -150.5,
  std_return: 20.2,
  diff_vs_greedy: [12.5, 3.1, 21.9],
  normalized_score: 0.42,
  deadline_met_rate: 0.9,
  mean_latency_ms: 120,
  decision_ms: 0.21,
};
const ablation = {
  policy: "hybrid",
  variant: "no_link_state",
  num_nodes: 20,
  load: 0.7,
  mean_return: -160,
  diff_vs_greedy: [2, -1, 5],
  gain_kept: 0.16,
  gain_kept_ci95: [-0.09, 0.41],
};
const report = { seed: 42, episodes: 100, tasks_per_episode: 200, results: [row, { ...row, policy: "greedy", kind: "baseline", normalized_score: null, mean_latency_ms: null }], ablations: [ablation] };

function evalFile(content: unknown): string {
  const dir = tempDir("api-eval-");
  const p = join(dir, "eval.json");
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

describe("GET /evaluation", () => {
  it("returns a valid report, nulls included", async () => {
    const { app } = await makeApp({ EVAL_PATH: evalFile(report) }, { load: false });
    const r = await call(app, "GET", "/evaluation");
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual(report);
  });

  it("a report without ablations serves an empty list", async () => {
    const { app } = await makeApp({ EVAL_PATH: evalFile({ ...report, ablations: undefined }) }, { load: false });
    const r = await call(app, "GET", "/evaluation");
    expect(r.status).toBe(200);
    expect(r.json.ablations).toEqual([]);
  });

  it.each([
    ["a missing file", null],
    ["invalid JSON", "{"],
    ["NaN in the file", JSON.stringify(report).replace('"mean_return":-150.5', '"mean_return":NaN')],
    ["a row without mean_return", { ...report, results: [{ ...row, mean_return: undefined }] }],
    ["a v1 row (mean_reward)", { ...report, results: [{ policy: "dqn", kind: "learned", num_nodes: 20, mean_reward: 1, std_reward: 0, deadline_met_rate: 1, mean_latency_ms: 1 }] }],
    ["a bad kind", { ...report, results: [{ ...row, kind: "magic" }] }],
    ["diff_vs_greedy with two numbers", { ...report, results: [{ ...row, diff_vs_greedy: [1, 2] }] }],
    ["no tasks_per_episode", { ...report, tasks_per_episode: undefined }],
    ["a bad ablation", { ...report, ablations: [{ ...ablation, variant: 3 }] }],
    ["an ablation's interval with one number", { ...report, ablations: [{ ...ablation, gain_kept_ci95: [0.1] }] }],
  ])("503 with a clear error for %s", async (_, content) => {
    const path = content === null ? "/nonexistent/eval.json" : evalFile(content);
    const { app } = await makeApp({ EVAL_PATH: path }, { load: false });
    const r = await call(app, "GET", "/evaluation");
    expect(r.status).toBe(503);
    expectErrorShape(r);
  });

  it.skipIf(!existsSync(DEFAULT_EVAL_PATH))("serves the committed models/reports/eval.json", async () => {
    const { app } = await makeApp({}, { load: false });
    const r = await call(app, "GET", "/evaluation");
    expect(r.status, r.text).toBe(200);
    expect(r.json.results.length).toBeGreaterThan(0);
    const file = JSON.parse(readFileSync(DEFAULT_EVAL_PATH, "utf8"));
    expect(r.json.results).toEqual(file.results);
    expect(r.json.results.some((x: { policy: string }) => x.policy === "greedy")).toBe(true);
  });
});
