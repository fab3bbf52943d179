/**
 * Concurrent bodies at a route's size limit, of every shape that costs the parser most (deep
 * nesting, huge arrays of empty arrays or of empty nodes, numbers in an unknown field) and valid
 * ones at the node limit, sent to a real server: it survives, answers each with a 4xx or a 503
 * (or a 200 for the valid ones), and /health keeps answering while they are in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateNetwork } from "../../src/simulation/generator.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const MAX_NODES = 2000;
// /predict's byte limit at MAX_NODES 2000: 16 KiB + 1 KiB + 2000 x 400 + 8000 x 160 bytes.
const LIMIT = 16 * 1024 + 1024 + MAX_NODES * 400 + 4 * MAX_NODES * 160;

function validNetwork() {
  const nodes = [];
  const edges: number[][] = [];
  for (let k = 0; k < MAX_NODES / 1000; k++) {
    const g = generateNetwork(1000, k);
    for (const [s, t] of g.edges as number[][]) edges.push([s! + k * 1000, t! + k * 1000]);
    nodes.push(...g.nodes);
  }
  return { nodes, edges };
}

const SHAPES: [string, string][] = [
  ["deep nesting", "[".repeat(LIMIT / 2 - 8) + "]".repeat(LIMIT / 2 - 8)],
  ["empty arrays", `[${Array(Math.floor(LIMIT / 3) - 8).fill("[]").join(",")}]`],
  ["empty nodes", JSON.stringify({ network_state: { nodes: Array(Math.floor(LIMIT / 3) - 30).fill({}), edges: [] } })],
  ["numbers in an unknown field", JSON.stringify({ network_state: generateNetwork(20, 1), extra: Array(Math.floor(LIMIT / 2) - 4000).fill(0) })],
  ["valid, MAX_NODES nodes", JSON.stringify({ network_state: validNetwork(), model_type: "dqn" })],
];

describe("concurrent maximum-size bodies on a real server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ MAX_NODES: String(MAX_NODES), BODY_BUDGET: "4mb" });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it.each(SHAPES)("8 x %s: 4xx or 503 (200 when valid), /health answers meanwhile", async (name, body) => {
    expect(body.length).toBeLessThanOrEqual(LIMIT);
    const health: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        health.push((await fetch(`${server.url}/health`)).status);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const replies = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const r = await fetch(`${server.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body });
        const text = await r.text();
        return { status: r.status, json: JSON.parse(text) as { error?: string }, retryAfter: r.headers.get("retry-after") };
      }),
    );
    done = true;
    await probe;
    for (const r of replies) {
      if (name.startsWith("valid")) expect([200, 503]).toContain(r.status);
      else expect(r.status === 503 || (r.status >= 400 && r.status < 500), `${r.status} ${JSON.stringify(r.json)}`).toBe(true);
      if (r.status === 503) {
        expect(r.json.error).toBe("overloaded");
        expect(r.retryAfter).toBe("1");
      }
    }
    if (name.startsWith("valid")) expect(replies.some((r) => r.status === 200)).toBe(true);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    expect(server.child.exitCode).toBeNull();
  }, 120_000);
});
