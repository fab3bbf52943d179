/** GET /ready follows what the service can serve: the default model, and shutdown. */
import { cpSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { DEFAULT_MODEL } from "../../src/context.js";
import { HAS_MODELS } from "../helpers/fixtures.js";
import { call, makeApp } from "../helpers/app.js";
import { tempDir } from "../helpers/temp.js";

/** Every ONNX graph of `model` under dir (flat <name>.onnx, or a <name>/ folder). */
function graphsOf(dir: string, model: string, inside = false): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return graphsOf(p, model, inside || f === model);
    return f.endsWith(".onnx") && (inside || basename(f, ".onnx") === model) ? [p] : [];
  });
}

describe.skipIf(!HAS_MODELS)("GET /ready", () => {
  const dir = tempDir("ready-models-");

  it("is 503 naming the default model when it failed to load, without any server path", async () => {
    cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
    const broken = graphsOf(dir, DEFAULT_MODEL);
    expect(broken.length).toBeGreaterThan(0);
    for (const f of broken) writeFileSync(f, "not an onnx graph");
    const { app } = await makeApp({ MODELS_DIR: dir });
    const r = await call(app, "GET", "/ready");
    expect(r.status).toBe(503);
    expect(r.json.ready).toBe(false);
    expect(r.json.message).toContain(`'${DEFAULT_MODEL}'`);
    expect(r.json.loaded_models.length).toBeGreaterThan(0); // the other models still serve
    expect(r.text).not.toContain(dir);
    expect(r.text).not.toContain(DEFAULT_MODELS_DIR);
  });

  it("is 503 without a path when no model loads at all", async () => {
    const { app } = await makeApp({ MODELS_DIR: join(dir, "missing") });
    const r = await call(app, "GET", "/ready");
    expect(r.status).toBe(503);
    expect(r.text).not.toContain(dir);
  });

  it("is 200 with the default model, and 503 once draining", async () => {
    const { app, deps } = await makeApp();
    expect((await call(app, "GET", "/ready")).status).toBe(200);
    deps.lifecycle.draining = true;
    const r = await call(app, "GET", "/ready");
    expect(r.status).toBe(503);
    expect(r.json.message).toMatch(/shutting down/);
    // Liveness is unaffected: the process is healthy while it drains.
    expect((await call(app, "GET", "/health")).status).toBe(200);
  });
});
