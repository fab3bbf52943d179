// Runtime check of every exported policy in onnxruntime-node (issue 2 sections 4 and 6):
//  - sha256 of models/onnx/<name>.onnx equals its manifest's;
//  - inputs x/adj/mask and outputs scores/probs/value with the contract's shapes;
//  - N in {2, 20, 200, 1000} x B in {1, 64}: finite outputs, probs sum to 1 over unmasked nodes and are 0 on masked
//    nodes, all-zero (not NaN) when every node is masked, padded nodes do not change real nodes' outputs;
//  - every case of models/fixtures/<name>.json reproduces within 1e-4.
// Usage (cwd models/): node check/onnx_check.mjs [name ...]
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ort from "onnxruntime-node";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TOL = 1e-4;
const F = 15;
let passed = 0;
let failed = 0;

function check(ok, what) {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.error(`FAIL ${what}`);
  }
  return ok;
}

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Plausible raw features (spec.FEATURES order) for a random network; nodes >= real are padding.
function synthetic(B, N, seed) {
  const rnd = mulberry32(seed);
  const x = new Float32Array(B * N * F);
  const adj = new Float32Array(B * N * N);
  const mask = new Float32Array(B * N);
  const real = [];
  for (let b = 0; b < B; b++) {
    const r = b % 4 === 3 && N > 2 ? N - 1 - Math.floor(rnd() * (N / 2)) : N; // some rows padded
    real.push(r);
    const task = [100 + 1900 * rnd(), 16 + 496 * rnd(), 10 + 990 * rnd(), 100 + 900 * rnd()];
    for (let i = 0; i < r; i++) {
      const type = i === r - 1 ? 2 : rnd() < 0.25 ? 1 : 0;
      const cpu = rnd();
      const proc = task[0] / ([1, 8, 64][type] * Math.max(1 - cpu, 0.05));
      const queue = Math.floor(rnd() * 6);
      const tx = i === 0 ? 0 : rnd() < 0.05 ? 1e5 : 2000 * rnd();
      const row = [cpu, rnd(), 1e4 * rnd(), 1 + 50 * rnd(), 10 + 1000 * rnd(), queue, type, i === 0 ? 1 : 0, tx, proc, queue * proc, ...task];
      x.set(row, (b * N + i) * F);
      mask[b * N + i] = b % 8 === 5 ? 0 : rnd() < 0.8 ? 1 : 0; // row 5 of every 8: every node masked
      const link = (u, v) => {
        adj[(b * N + u) * N + v] = 1;
        adj[(b * N + v) * N + u] = 1;
      };
      if (i > 0) link(i, Math.floor(rnd() * i));
      if (i > 1 && rnd() < 0.3) link(i, Math.floor(rnd() * i));
    }
  }
  return { x, adj, mask, real };
}

const feeds = (x, adj, mask, B, N) => ({
  x: new ort.Tensor("float32", x, [B, N, F]),
  adj: new ort.Tensor("float32", adj, [B, N, N]),
  mask: new ort.Tensor("float32", mask, [B, N]),
});

async function runtimeChecks(name, session) {
  for (const N of [2, 20, 200, 1000]) {
    for (const B of [1, 64]) {
      const { x, adj, mask, real } = synthetic(B, N, 1000 * N + B);
      const t0 = Date.now();
      const out = await session.run(feeds(x, adj, mask, B, N));
      const ms = Date.now() - t0;
      const { scores, probs, value } = out;
      const shapesOk = check(
        String(scores.dims) === String([B, N]) && String(probs.dims) === String([B, N]) && String(value.dims) === String([B]),
        `${name} N=${N} B=${B} output shapes ${scores.dims} ${probs.dims} ${value.dims}`,
      );
      if (!shapesOk) continue;
      let finite = true;
      let sums = true;
      let zeros = true;
      for (let b = 0; b < B; b++) {
        let s = 0;
        let any = false;
        finite &&= Number.isFinite(value.data[b]);
        for (let i = 0; i < N; i++) {
          const k = b * N + i;
          finite &&= Number.isFinite(probs.data[k]) && Number.isFinite(scores.data[k]);
          if (mask[k] > 0 && i < real[b]) {
            s += probs.data[k];
            any = true;
          } else zeros &&= probs.data[k] === 0;
        }
        sums &&= any ? Math.abs(s - 1) < 1e-4 : s === 0;
      }
      check(finite, `${name} N=${N} B=${B} outputs finite`);
      check(sums, `${name} N=${N} B=${B} probs sum to 1 over unmasked nodes (0 when all masked)`);
      check(zeros, `${name} N=${N} B=${B} probs 0 on masked and padded nodes`);
      console.log(`  ${name} N=${N} B=${B} ok (${ms} ms)`);
    }
  }
  // Padding invariance: the same 20-node graph alone and zero-padded to 30 nodes.
  const N = 20;
  const P = 30;
  const { x, adj, mask } = synthetic(1, N, 7);
  const xp = new Float32Array(P * F);
  const ap = new Float32Array(P * P);
  const mp = new Float32Array(P);
  xp.set(x);
  mp.set(mask);
  for (let i = 0; i < N; i++) ap.set(adj.subarray(i * N, (i + 1) * N), i * P);
  const a = await session.run(feeds(x, adj, mask, 1, N));
  const p = await session.run(feeds(xp, ap, mp, 1, P));
  let diff = Math.abs(a.value.data[0] - p.value.data[0]);
  for (let i = 0; i < N; i++) diff = Math.max(diff, Math.abs(a.probs.data[i] - p.probs.data[i]), Math.abs(a.scores.data[i] - p.scores.data[i]));
  check(diff < TOL, `${name} padding to ${P} nodes changes real outputs by ${diff}`);
}

const flat = (a) => (Array.isArray(a) ? a.flat(Infinity) : [a]);

async function fixtureChecks(name, session) {
  const doc = JSON.parse(readFileSync(join(ROOT, "fixtures", `${name}.json`), "utf8"));
  check(doc.model === name && doc.cases.length >= 50, `${name} fixture has >= 50 cases (${doc.cases.length})`);
  let worst = 0;
  for (const [ci, c] of doc.cases.entries()) {
    const N = c.tensors.mask[0].length;
    const out = await session.run(
      feeds(Float32Array.from(flat(c.tensors.x)), Float32Array.from(flat(c.tensors.adj)), Float32Array.from(flat(c.tensors.mask)), 1, N),
    );
    let diff = 0;
    for (const k of ["scores", "probs", "value"]) {
      const exp = flat(c.expected[k]);
      const got = out[k].data;
      if (got.length !== exp.length) diff = Infinity;
      for (let i = 0; i < exp.length; i++) diff = Math.max(diff, Math.abs(got[i] - exp[i]));
    }
    worst = Math.max(worst, diff);
    const probs = Array.from(out.probs.data);
    const anyValid = flat(c.tensors.mask).some((m) => m > 0);
    const best = Math.max(...probs);
    const sel = c.expected.selected_node;
    const selOk = anyValid ? sel >= 0 && probs[sel] >= best - 1e-6 : sel === -1;
    check(diff <= TOL && selOk, `${name} fixture case ${ci} (${c.description}): max diff ${diff}, selected ${sel}`);
    check(c.expected.node_costs.length === N, `${name} fixture case ${ci} node_costs length`);
  }
  console.log(`  ${name} fixtures: ${doc.cases.length} cases, worst abs diff ${worst.toExponential(2)}`);
}

async function main() {
  const wanted = process.argv.slice(2);
  const names = readdirSync(join(ROOT, "onnx"))
    .filter((f) => f.endsWith(".onnx"))
    .map((f) => f.slice(0, -5))
    .filter((n) => wanted.length === 0 || wanted.includes(n));
  check(["dqn", "ppo", "hybrid"].every((n) => wanted.length > 0 || names.includes(n)), `dqn, ppo and hybrid exported (${names})`);
  for (const name of names) {
    const bytes = readFileSync(join(ROOT, "onnx", `${name}.onnx`));
    const manifest = JSON.parse(readFileSync(join(ROOT, "onnx", `${name}.json`), "utf8"));
    const sha = createHash("sha256").update(bytes).digest("hex");
    check(manifest.onnx.sha256 === sha && manifest.name === name, `${name} manifest sha256 ${manifest.onnx.sha256} vs ${sha}`);
    check(manifest.features.length === F, `${name} manifest lists ${F} features`);
    const session = await ort.InferenceSession.create(bytes);
    check(
      String(session.inputNames) === "x,adj,mask" && String(session.outputNames) === "scores,probs,value",
      `${name} io names ${session.inputNames} -> ${session.outputNames}`,
    );
    console.log(`${name}: sha256 ${sha.slice(0, 12)}, inputs ${session.inputNames}, outputs ${session.outputNames}`);
    await runtimeChecks(name, session);
    await fixtureChecks(name, session);
    await session.release();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
