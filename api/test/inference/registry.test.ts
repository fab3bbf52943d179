/**
 * Registry: discovery, every way a load can fail (each with a clear reason that names no server path),
 * versions and rollback. Failure cases use deliberately broken files; the others the committed models.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { ModelLoadFailedError, NoPreviousVersionError, VersionNotServedError } from "../../src/inference/errors.js";
import { CONTRACT_INPUTS } from "../../src/inference/loaded-model.js";
import { ModelRegistry } from "../../src/inference/registry.js";
import { packGroup, prepareNetwork } from "../../src/inference/tensors.js";
import { silentLogger } from "../../src/observability/logger.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";
import { midEpisode } from "../helpers/networks.js";
import { addVersion, readJson, repositoryConfig, tempRepository, tempRepositoryAt } from "../helpers/repository.js";

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const registry = (dir: string, batchThreads = 0) => new ModelRegistry({ dir, intraOpThreads: 1, batchThreads, logger: silentLogger() });

/** Model `m` version 1 with the given files (a string is written as is, an object as JSON). */
function repoWith(files: { config?: unknown; manifest?: unknown; onnx?: Buffer | string }): string {
  const dir = tempRepository();
  mkdirSync(join(dir, "m", "1"), { recursive: true });
  const write = (path: string, content: unknown) =>
    writeFileSync(path, typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  write(join(dir, "m", "config.json"), files.config ?? { name: "m", versions: [1], default_version: 1 });
  if (files.manifest !== undefined) write(join(dir, "m", "1", "manifest.json"), files.manifest);
  if (files.onnx !== undefined) write(join(dir, "m", "1", "model.onnx"), files.onnx);
  return dir;
}

async function loadError(dir: string, version?: number): Promise<string> {
  try {
    await registry(dir).load("m", version);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelLoadFailedError);
    const reason = (e as ModelLoadFailedError).reason;
    expect(reason).not.toContain(dir);
    return reason;
  }
  throw new Error("load unexpectedly succeeded");
}

describe("ModelRegistry discovery", () => {
  it("finds the directories with a config.json", async () => {
    const dir = repoWith({});
    mkdirSync(join(dir, "empty"));
    writeFileSync(join(dir, "notes.txt"), "");
    const r = registry(dir);
    expect(await r.scan()).toEqual(["m"]);
    expect(r.isKnown("m")).toBe(true);
    expect(r.isKnown("empty")).toBe(false);
    expect(r.status("m")).toMatchObject({ loaded: false, versions: [1], default_version: 1, active_version: null });
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
    ["invalid config.json", { config: "{nope" }, /m\/config.json is not valid JSON/],
    ["config.json whose default is not served", { config: { name: "m", versions: [2], default_version: 1 } }, /config.json is invalid: default_version/],
    ["config.json naming another model", { config: { name: "other", versions: [1], default_version: 1 } }, /names model 'other'/],
    ["no manifest", { onnx: garbage }, /m\/1\/manifest.json not found/],
    ["invalid manifest JSON", { manifest: "{nope", onnx: garbage }, /not valid JSON/],
    ["manifest of another shape", { manifest: { name: "m", version: "1" }, onnx: garbage }, /manifest.json is invalid/],
  ])("%s", async (_, files, reason) => {
    expect(await loadError(repoWith(files))).toMatch(reason);
  });

  it("a version config.json does not serve", async () => {
    await expect(registry(repoWith({})).load("m", 2)).rejects.toBeInstanceOf(VersionNotServedError);
  });

  it("remembers the last error for /models and /health", async () => {
    const r = registry(repoWith({ manifest: "{", onnx: garbage }));
    const res = await r.loadAll();
    expect(Object.keys(res.failed)).toEqual(["m"]);
    expect(r.status("m")).toMatchObject({ loaded: false });
    expect(r.status("m").last_error).toMatch(/not valid JSON/);
  });

  describe.skipIf(!HAS_MODELS)("with a real manifest", () => {
    const real = () => readJson(join(DEFAULT_MODELS_DIR, exportedModels()[0]!, "1", "manifest.json"));
    const good = (over: Record<string, unknown> = {}) => ({ ...real(), name: "m", onnx: { file: "model.onnx", opset: 17, sha256: sha(garbage) }, ...over });
    const features = () => real().features as { name: string }[];

    it.each([
      ["manifest naming another model", () => ({ ...good(), name: "other" }), /names model 'other'/],
      ["manifest of another version", () => good({ version: 3 }), /says version 3/],
      ["node features the API cannot build", () => good({ features: features().slice(1) }), /features .* differ/],
      ["sha256 mismatch", () => good({ onnx: { file: "model.onnx", opset: 17, sha256: sha("other bytes") } }), /sha256 mismatch for m\/1\/model.onnx/],
      ["bytes onnxruntime cannot parse", () => good(), /onnxruntime could not load m\/1\/model.onnx/],
    ])("%s", async (_, manifest, reason) => {
      expect(await loadError(repoWith({ manifest: manifest(), onnx: garbage }))).toMatch(reason);
    });

    it("missing model.onnx", async () => {
      expect(await loadError(repoWith({ manifest: good() }))).toMatch(/m\/1\/model.onnx not found/);
    });
  });
});

describe.skipIf(!HAS_MODELS)("ModelRegistry with the exported models", () => {
  it.each(exportedModels())("%s loads, verifies, feeds the inputs its graph declares and runs B in {1, 64}, N in {2, 20, 200}", async (name) => {
    const r = registry(DEFAULT_MODELS_DIR);
    const m = await r.load(name);
    const version = repositoryConfig(name).default_version;
    expect(m.version).toBe(version);
    expect(m.sha256).toBe(sha(readFileSync(join(DEFAULT_MODELS_DIR, name, String(version), "model.onnx"))));
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
    const multi = registry(DEFAULT_MODELS_DIR, 2);
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
    const dir = tempRepository([name]);
    const version = String(repositoryConfig(name).default_version);
    const onnx = join(dir, name, version, "model.onnx");
    const r = registry(dir);
    const first = await r.load(name);
    writeFileSync(onnx, Buffer.concat([readFileSync(onnx), Buffer.from("junk")]));
    await expect(r.load(name)).rejects.toThrow(/sha256 mismatch/);
    expect(r.get(name)).toBe(first);
    writeFileSync(onnx, readFileSync(join(DEFAULT_MODELS_DIR, name, version, "model.onnx")));
    const second = await r.load(name);
    expect(second).not.toBe(first);
    expect(r.get(name)).toBe(second);
    expect(first.retired).toBe(true);
    // reloading the active version keeps no previous one to roll back to
    await expect(r.rollback(name)).rejects.toBeInstanceOf(NoPreviousVersionError);
    await r.close();
  });
});

describe.skipIf(!exportedModels().includes("hybrid") || !exportedModels().includes("hybrid_gat"))("ModelRegistry versions", () => {
  // version 2 of hybrid: hybrid_gat's graph under hybrid's name, so the two versions give different outputs
  const setup = () => {
    const dir = tempRepositoryAt(["hybrid"], 1);
    addVersion(dir, "hybrid", 2, "hybrid_gat");
    return { dir, r: registry(dir) };
  };

  it("loads a version, keeps the previous one, rolls back and forth by swapping", async () => {
    const { r } = setup();
    const v1 = await r.load("hybrid");
    expect(r.status("hybrid")).toMatchObject({ active_version: 1, previous_version: null, versions: [1, 2], default_version: 1 });
    const v2 = await r.load("hybrid", 2);
    expect(r.get("hybrid")).toBe(v2);
    expect(r.getVersion("hybrid", 1)).toBe(v1);
    expect(v1.retired).toBe(false);
    expect(r.status("hybrid")).toMatchObject({ active_version: 2, previous_version: 1 });

    const back = await r.rollback("hybrid");
    expect(back.active).toBe(v1);
    expect(back.previous).toBe(v2);
    expect(r.get("hybrid")).toBe(v1);
    expect(r.status("hybrid")).toMatchObject({ active_version: 1, previous_version: 2 });
    expect((await r.rollback("hybrid")).active).toBe(v2);
    await r.close();
  });

  it("the versions really are different graphs", async () => {
    const { r } = setup();
    const v1 = await r.load("hybrid", 1);
    const v2 = await r.load("hybrid", 2);
    const prep = prepareNetwork(generateNetwork(20, 3));
    const [a, b] = [await v1.run(packGroup([prep], prep.n)), await v2.run(packGroup([prep], prep.n))];
    expect(Array.from(a.probs)).not.toEqual(Array.from(b.probs));
    await r.close();
  });

  it("a third load retires the old previous version; a broken version leaves both in place", async () => {
    const { dir, r } = setup();
    const v1 = await r.load("hybrid", 1);
    const v2 = await r.load("hybrid", 2);
    const v1b = await r.load("hybrid", 1);
    expect(v1.retired).toBe(true);
    expect(r.status("hybrid")).toMatchObject({ active_version: 1, previous_version: 2 });
    expect(r.getVersion("hybrid", 2)).toBe(v2);
    rmSync(join(dir, "hybrid", "2", "model.onnx"));
    await expect(r.load("hybrid", 2)).rejects.toThrow(/hybrid\/2\/model.onnx not found/);
    expect(r.get("hybrid")).toBe(v1b);
    expect(r.getVersion("hybrid", 2)).toBe(v2);
    await r.close();
  });

  it("loads and rollbacks of one model run one at a time, in call order", async () => {
    const { r } = setup();
    await r.load("hybrid", 1);
    const [a, b, back] = await Promise.all([r.load("hybrid", 2), r.load("hybrid", 1), r.rollback("hybrid")]);
    expect([a.version, b.version, back.active.version]).toEqual([2, 1, 2]);
    expect(r.status("hybrid")).toMatchObject({ active_version: 2, previous_version: 1 });
    await r.close();
  });
});

describe("ModelRegistry rescans", () => {
  it("forgets the config of a model directory that was removed", async () => {
    const dir = repoWith({});
    const r = registry(dir);
    await r.scan();
    expect(r.served("m")).toEqual([1]);
    rmSync(join(dir, "m"), { recursive: true });
    expect(await r.scan()).toEqual([]);
    expect(r.served("m")).toEqual([]);
    expect(r.isKnown("m")).toBe(false);
  });
});
