/** Admission control: a bounded inference queue and a per-request deadline, answered 503 + Retry-After. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Admission, OverloadedError } from "../../src/runtime/admission.js";
import type { LoadedModel } from "../../src/inference/loaded-model.js";
import { HAS_MODELS } from "../helpers/fixtures.js";
import { call, makeApp } from "../helpers/app.js";
import { midEpisode } from "../helpers/networks.js";
import { loadFixture } from "../helpers/fixtures.js";
import { fixtureInputs } from "../oip/fixture-request.js";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Admission", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("admits up to maxQueue requests and refuses the next with queue_full", async () => {
    const rejected: string[] = [];
    const a = new Admission({ maxQueue: 2, deadlineMs: 60_000, onReject: (r) => rejected.push(r) });
    const gate = deferred();
    const first = a.run(() => gate.promise.then(() => 1));
    const second = a.run(() => gate.promise.then(() => 2));
    expect(a.size).toBe(2);
    const third = a.run(() => Promise.resolve(3));
    await expect(third).rejects.toBeInstanceOf(OverloadedError);
    await expect(third).rejects.toMatchObject({ reason: "queue_full", retryAfterSeconds: 60 });
    expect(rejected).toEqual(["queue_full"]);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(a.size).toBe(0);
    expect(await a.run(() => Promise.resolve(4))).toBe(4);
  });

  it("fails a request at its deadline, aborts its signal, and frees the slot only when the work ends", async () => {
    vi.useFakeTimers();
    const rejected: string[] = [];
    const a = new Admission({ maxQueue: 1, deadlineMs: 500, onReject: (r) => rejected.push(r) });
    const gate = deferred();
    let signal: AbortSignal | undefined;
    const p = a.run((s) => {
      signal = s;
      return gate.promise;
    });
    const outcome = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(499);
    expect(signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await outcome;
    expect(err).toBeInstanceOf(OverloadedError);
    expect(err).toMatchObject({ reason: "deadline", retryAfterSeconds: 1 });
    expect(signal!.aborted).toBe(true);
    expect(rejected).toEqual(["deadline"]);
    // The work still runs: its slot is taken until it ends.
    expect(a.size).toBe(1);
    await expect(a.run(() => Promise.resolve())).rejects.toMatchObject({ reason: "queue_full" });
    gate.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.size).toBe(0);
  });

  it("counts work that throws synchronously as finished", async () => {
    const a = new Admission({ maxQueue: 1, deadlineMs: 1000 });
    await expect(
      a.run(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(a.size).toBe(0);
  });
});

/** Hold every ONNX run of a model until `gate` opens; count the runs started. */
function holdRuns(model: LoadedModel, gate: Promise<void>) {
  const run = model.run.bind(model);
  const started = { count: 0 };
  model.run = async (p) => {
    started.count++;
    await gate;
    return run(p);
  };
  return started;
}

async function metric(app: Awaited<ReturnType<typeof makeApp>>["app"], pattern: RegExp): Promise<number | undefined> {
  const text = (await call(app, "GET", "/metrics")).text;
  const m = text.split("\n").find((l) => pattern.test(l));
  return m ? Number(m.split(" ").pop()) : undefined;
}

describe.skipIf(!HAS_MODELS)("admission through the API", () => {
  const one = midEpisode(20, 3);

  it("answers 503 overloaded with Retry-After when MAX_QUEUE requests are in flight, and counts it", async () => {
    const { app, deps } = await makeApp({ MAX_QUEUE: "2", REQUEST_DEADLINE_MS: "60000" });
    const gate = deferred();
    holdRuns(deps.registry.get("hybrid")!, gate.promise);
    const held = [call(app, "POST", "/predict", one), call(app, "POST", "/predict", one)];
    // Both are admitted once the gauge says so (no sleeping on time).
    while ((await metric(app, /^edge_placement_inference_admitted\{/)) !== 2) await new Promise((r) => setImmediate(r));
    const refused = await call(app, "POST", "/predict", one);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.json).toMatchObject({ error: "overloaded" });
    expect(refused.json.message).toContain("MAX_QUEUE");
    expect(await metric(app, /^edge_placement_inference_rejected_total\{.*reason="queue_full"/)).toBe(1);
    expect(await metric(app, /^edge_placement_http_requests_total\{method="POST",route="\/predict",status="503"/)).toBe(1);
    gate.resolve();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    expect(await metric(app, /^edge_placement_inference_admitted\{/)).toBe(0);
  });

  it("answers 503 at REQUEST_DEADLINE_MS and skips the batch's runs that had not started", async () => {
    const { app, deps } = await makeApp({ REQUEST_DEADLINE_MS: "200" });
    const gate = deferred();
    const started = holdRuns(deps.registry.get("hybrid")!, gate.promise);
    // Two sizes far apart: two ONNX runs, one after the other.
    const small = midEpisode(20, 4);
    const large = midEpisode(300, 5);
    const r = await call(app, "POST", "/batch-predict", {
      network_states: [small.network_state, large.network_state],
      tasks: [small.task, large.task],
    });
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("1");
    expect(r.json.message).toContain("REQUEST_DEADLINE_MS");
    expect(await metric(app, /^edge_placement_inference_rejected_total\{.*reason="deadline"/)).toBe(1);
    expect(started.count).toBe(1);
    gate.resolve();
    while ((await metric(app, /^edge_placement_inference_admitted\{/)) !== 0) await new Promise((r) => setImmediate(r));
    expect(started.count).toBe(1);
  });

  it("bounds /v2 inference with the same queue, answering the protocol's error JSON", async () => {
    const { app, deps } = await makeApp({ MAX_QUEUE: "1", REQUEST_DEADLINE_MS: "60000" });
    const gate = deferred();
    holdRuns(deps.registry.get("hybrid")!, gate.promise);
    const held = call(app, "POST", "/predict", one);
    while ((await metric(app, /^edge_placement_inference_admitted\{/)) !== 1) await new Promise((r) => setImmediate(r));
    const c = loadFixture("hybrid").cases[0]!;
    const refused = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: fixtureInputs(c, ["x", "parent", "edge_attr", "link_index", "link_attr", "mask"]) });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(Object.keys(refused.json)).toEqual(["error"]);
    expect(refused.json.error).toContain("MAX_QUEUE");
    gate.resolve();
    expect((await held).status).toBe(200);
  });
});
