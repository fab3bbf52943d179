import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EVAL_PATH } from "../../src/config/env.js";
import { call, expectErrorShape, makeApp } from "../helpers/app.js";
import { existsSync } from "node:fs";

const row = { policy: "hybrid", kind: "learned", num_nodes: 20, mean_reward: 1.5, std_reward: 0.2, deadline_met_rate: 0.9, mean_latency_ms: 120 };

function evalFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "api-eval-"));
  const p = join(dir, "eval.json");
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

describe("GET /evaluation", () => {
  it("returns a valid report", async () => {
    const report = { seed: 42, episodes: 100, results: [row, { ...row, policy: "greedy_oracle", kind: "baseline" }] };
    const { app } = await makeApp({ EVAL_PATH: evalFile(report) }, { load: false });
    const r = await call(app, "GET", "/evaluation");
    expect(r.status).toBe(200);
    expect(r.json).toEqual(report);
  });

  it.each([
    ["a missing file", null],
    ["invalid JSON", "{"],
    ["a row without mean_reward", { seed: 1, episodes: 10, results: [{ ...row, mean_reward: undefined }] }],
    ["a bad kind", { seed: 1, episodes: 10, results: [{ ...row, kind: "magic" }] }],
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
  });
});
