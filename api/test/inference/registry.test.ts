/**
 * Registry: discovery and every way a load can fail, each with a clear reason. Failure cases use
 * deliberately broken files (they never load); success cases use the exported models when present.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { CONTRACT_INPUTS, ModelLoadError, ModelRegistry } from "../../src/inference/registry.js";
import { prepareNetwork, packGroup } from "../../src/inference/tensors.js";
import { silentLogger } from "../../src/observability/logger.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import * as spec from "../../src/simulation/spec.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";
import { midEpisode } from "../helpers/networks.js";

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const features = spec.NODE_FEATURES.map((name) => ({ name }));
const edge_features = spec.EDGE_FEATURES.map((name) => ({ name }));

function dirWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "api-reg-"));
  for (const [f, content] of Object.entries(files)) writeFileSync(join(dir, f), content);
  return dir;
}

const registry = (dir: string) => new ModelRegistry({ dir, intraOpThreads: 1, logger: silentLogger() });

async function loadError(dir: string, name: string): Promise<string> {
  try {
    await registry(dir).load(name);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelLoadError);
    return (e as ModelLoadError).reason;
  }
  throw new Error("load unexpectedly succeeded");
}

describe("ModelRegistry discovery", () => {
  it("finds <name>.json next to <name>.onnx only", async () => {
    const dir = dirWith({ "a.json": "{}", "a.onnx": "x", "b.json": "{}", "notes.txt": "", "c.onnx": "x" });
    const r = registry(dir);
    expect(await r.scan()).toEqual(["a"]);
    expect(r.isKnown("a")).toBe(true);
    expect(r.isKnown("b")).toBe(false);
  });
  it("an empty or missing directory loads nothing and does not throw", async () => {
    const r = registry("/nonexistent/models");
    expect(await r.loadAll()).toEqual({ loaded: [], failed: {} });
    expect(r.initialLoadDone).toBe(true);
  });
});

describe("ModelRegistry load failures", () => {
  const garbage = Buffer.from("definitely not an onnx protobuf");
  it.each([
    ["invalid manifest JSON", { "m.json": "{nope", "m.onnx": garbage }, /not valid JSON/],
    ["manifest without features", { "m.json": JSON.stringify({ name: "m", version: "1" }), "m.onnx": garbage }, /invalid: features/],
    ["manifest naming another model", { "m.json": JSON.stringify({ name: "other", version: "1", features, edge_features, sha256: sha(garbage) }), "m.onnx": garbage }, /names model 'other'/],
    ["feature list the API cannot build", { "m.json": JSON.stringify({ name: "m", version: "1", features: features.slice(1), edge_features, sha256: sha(garbage) }), "m.onnx": garbage }, /differ/],
    ["a contract v1 manifest (no edge_features)", { "m.json": JSON.stringify({ name: "m", version: "1", features, sha256: sha(garbage) }), "m.onnx": garbage }, /no edge_features/],
    ["edge features the API cannot build", { "m.json": JSON.stringify({ name: "m", version: "1", features, edge_features: edge_features.slice(1), sha256: sha(garbage) }), "m.onnx": garbage }, /edge_features .* differ/],
    ["no sha256", { "m.json": JSON.stringify({ name: "m", version: "1", features, edge_features }), "m.onnx": garbage }, /no sha256/],
    ["sha256 mismatch", { "m.json": JSON.stringify({ name: "m", version: "1", features, edge_features, sha256: sha("other bytes") }), "m.onnx": garbage }, /sha256 mismatch/],
    ["bytes onnxruntime cannot parse", { "m.json": JSON.stringify({ name: "m", version: "1", features, edge_features, sha256: sha(garbage) }), "m.onnx": garbage }, /onnxruntime could not load/],
    ["missing .onnx", { "m.json": JSON.stringify({ name: "m", version: "1", features, edge_features, sha256: sha(garbage) }) }, /not found/],
  ])("%s", async (_, files, reason) => {
    expect(await loadError(dirWith(files as Record<string, string | Buffer>), "m")).toMatch(reason);
  });

  it("remembers the last error for /models and /health", async () => {
    const r = registry(dirWith({ "m.json": "{", "m.onnx": garbage }));
    const res = await r.loadAll();
    expect(Object.keys(res.failed)).toEqual(["m"]);
    expect(r.status("m")).toMatchObject({ loaded: false });
    expect(r.status("m").last_error).toMatch(/not valid JSON/);
  });
});

describe.skipIf(!HAS_MODELS)("ModelRegistry with the exported models", () => {
  it.each(exportedModels())("%s loads, verifies, feeds the inputs its graph declares and runs B in {1, 64}, N in {2, 20, 200}", async (name) => {
    const r = registry(DEFAULT_MODELS_DIR);
    const m = await r.load(name);
    expect(m.sha256).toBe(sha(readFileSync(m.onnxPath)));
    expect(m.inputs).toEqual(expect.arrayContaining(["x", "mask"]));
    for (const input of m.inputs) expect(CONTRACT_INPUTS).toContain(input);
    for (const n of [2, 20, 200]) {
      for (const b of [1, 64]) {
        // idle networks and mid-episode ones (node and link backlogs), and a 2-node network without links
        const preps = Array.from({ length: b }, (_, i) => {
          if (n === 2 && i === 0) return prepareNetwork({ nodes: generateNetwork(2, i).nodes, edges: [] });
          if (i % 2) {
            const mid = midEpisode(n, i, 0.9, 20);
            return prepareNetwork(mid.network_state, mid.task, mid.load);
          }
          return prepareNetwork(generateNetwork(n, i));
        });
        const out = await m.run(packGroup(preps, n));
        expect(out.probs.length).toBe(b * n);
        for (let k = 0; k < b; k++) {
          let sum = 0;
          for (let i = 0; i < n; i++) {
            const p = out.probs[k * n + i]!;
            expect(Number.isNaN(p)).toBe(false);
            if (!preps[k]!.out.valid[i]) expect(p).toBeLessThan(1e-6);
            sum += p;
          }
          expect(sum).toBeCloseTo(preps[k]!.out.validCount > 0 ? 1 : 0, 4);
        }
      }
    }
    await r.close();
  });

  it.each(exportedModels())("%s: the multi-threaded session for large runs gives the same outputs", async (name) => {
    const single = registry(DEFAULT_MODELS_DIR);
    const multi = new ModelRegistry({ dir: DEFAULT_MODELS_DIR, intraOpThreads: 1, batchThreads: 2, logger: silentLogger() });
    const a = await single.load(name);
    const b = await multi.load(name);
    expect(a.bigSession).toBeUndefined();
    expect(b.bigSession).toBeDefined();
    const preps = Array.from({ length: 64 }, (_, i) => prepareNetwork(generateNetwork(40, i)));
    const packed = packGroup(preps, 40); // 2560 nodes: the large-run session
    const [oa, ob] = [await a.run(packed), await b.run(packed)];
    for (let i = 0; i < oa.probs.length; i++) expect(Math.abs(oa.probs[i]! - ob.probs[i]!)).toBeLessThan(1e-5);
    await single.close();
    await multi.close();
  });

  it("a failed reload keeps the serving version; a good one swaps atomically", async () => {
    const name = exportedModels()[0]!;
    const dir = mkdtempSync(join(tmpdir(), "api-swap-"));
    copyFileSync(join(DEFAULT_MODELS_DIR, `${name}.json`), join(dir, `${name}.json`));
    copyFileSync(join(DEFAULT_MODELS_DIR, `${name}.onnx`), join(dir, `${name}.onnx`));
    const r = registry(dir);
    const first = await r.load(name);
    writeFileSync(join(dir, `${name}.onnx`), Buffer.concat([readFileSync(join(dir, `${name}.onnx`)), Buffer.from("junk")]));
    await expect(r.load(name)).rejects.toThrow(/sha256 mismatch/);
    expect(r.get(name)).toBe(first);
    copyFileSync(join(DEFAULT_MODELS_DIR, `${name}.onnx`), join(dir, `${name}.onnx`));
    const second = await r.load(name);
    expect(second).not.toBe(first);
    expect(r.get(name)).toBe(second);
    expect(first.retired).toBe(true);
    await r.close();
  });
});
