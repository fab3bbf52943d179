/** clients/python/place.py, run as docs/api.md shows, with /usr/bin/python3 against a real server. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { createClient } from "../src/index.js";

const PLACE_PY = fileURLToPath(new URL("../../python/place.py", import.meta.url));
const baseUrl = inject("apiBaseUrl");
const api = createClient({ baseUrl });

function place(...args: string[]) {
  return promisify(execFile)("/usr/bin/python3", [PLACE_PY, "--url", baseUrl, ...args], { env: { PATH: process.env.PATH ?? "" } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** What the API itself answers for the network place.py generates with these settings. */
async function expected(nodes: number, seed: number) {
  const net = (await api.POST("/networks/generate", { body: { num_nodes: nodes, seed, load: 0.7 } })).data!;
  const { data } = await api.POST("/predict", { body: { network_state: net.network_state, task: net.task, load: net.load, model_type: "hybrid" } });
  return data!;
}

describe("clients/python/place.py", () => {
  it("prints the API's placement for the generated network", async () => {
    const { code, stdout, stderr } = await place("--nodes", "20", "--seed", "42");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const want = await expected(20, 42);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^task from node ${want.task.source} \\(.+\\) on a 20-node network$`));
    expect(lines[1]).toBe(`place on node ${want.selected_node} (confidence ${want.confidence.toFixed(3)}, model hybrid ${want.model.version})`);
    expect(lines[2]).toMatch(new RegExp(`^most probable: node ${want.selected_node} ${want.confidence.toFixed(3)}, node \\d+ `));
  });

  it("--json prints the /predict answer", async () => {
    const { code, stdout } = await place("--nodes", "12", "--seed", "7", "--json");
    expect(code).toBe(0);
    const { processing_time_ms: _t1, ...got } = JSON.parse(stdout) as Record<string, unknown>;
    const { processing_time_ms: _t2, ...want } = (await expected(12, 7)) as unknown as Record<string, unknown>;
    expect(got).toEqual(want);
  });

  it("a rejected request prints the API's error and its issues, exit code 1", async () => {
    const { code, stdout, stderr } = await place("--nodes", "1");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: HTTP 422 validation_error: /);
    expect(stderr).toMatch(/\n {2}num_nodes: /);
  });

  it("an unreachable API, exit code 2", async () => {
    const { code, stderr } = await promisify(execFile)("/usr/bin/python3", [PLACE_PY, "--url", "http://127.0.0.1:9"]).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: cannot reach http:\/\/127.0.0.1:9: /);
  });
});
