// Runtime check of the exported policies in onnxruntime-node against ONNX contract v2 (docs/model-contract.md,
// models/pipeline/export.py). For each model:
//  1. the manifest matches the bytes (sha256), spec.py's feature lists and the graph's inputs/outputs;
//  2. no input has a dimension that grows as N x N (only batch, nodes, links and constants);
//  3. synthetic batches, N in {2, 20, 1000, 10000} x B in {1, 64}: finite outputs, probs a distribution over the
//     unmasked real nodes, exactly 0 elsewhere and all 0 when every node is masked, masked scores <= -1e8;
//  4. padding invariance: a network alone and zero-padded inside a larger batch gives the same outputs;
//  5. every case of the fixtures of the version's weights reproduces PyTorch's outputs and selected node (the
//     manifest's checkpoint checkpoints/[<dir>/]<name>.pt has its fixtures in fixtures/[<dir>/]<name>.json);
//  6. a version that re-exports the weights of another (manifest training.reexport.same_weights_as_version) gives that
//     version's outputs within 1e-5 (relative beyond 1) on the synthetic batches and the fixture cases (or is no
//     farther from PyTorch's fixture output than that version is).
// Prints one line per failed assertion, then `<passed> passed, <failed> failed`; exits 1 on any failure.
// Usage (cwd models/): node check/onnx_check.mjs [name ...]
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ort from "onnxruntime-node";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MODELS = ["dqn", "ppo", "hybrid", "hybrid_gat"];
const INPUTS = ["x", "parent", "edge_attr", "link_index", "link_attr", "mask"];
const OUTPUTS = ["scores", "probs", "value"];
const SYMBOLIC_DIMS = new Set(["batch", "nodes", "links"]);
const LINK_ATTR = 3; // capacity_mbps, latency_ms, backlog_ms
const TOL = 1e-4;
const MASKED_SCORE = -1e8; // masked nodes score -1e9; anything this low can never be selected
const TIE = 1e-6;
// A re-exported graph computes the same function: only float32 rounding (summation order) may differ, so the bound is
// relative to the magnitude for values beyond 1 (Q-values and returns reach tens; masked scores -1e9).
const REEXPORT_TOL = 1e-5; // probs closer than this are a tie that float rounding may break either way
// [N, B] of the synthetic batches; B = 64 at N = 10000 would only slow the run down.
const SIZES = [[2, 1], [2, 64], [20, 1], [20, 64], [1000, 1], [1000, 64], [10000, 1]];

// spec.py constants used to make synthetic nodes plausible.
const CPU_GHZ = [1, 8, 64];
const ENERGY_J = [500, 10000, 100000];
const TX_UNREACHABLE_MS = 1e5;

// ---------------------------------------------------------------------------------------------------------------
// Tally

let passed = 0;
let failed = 0;

function check(ok, what) {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.log(`FAIL ${what}`);
  }
  return ok;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// ---------------------------------------------------------------------------------------------------------------
// 1-2. Manifest, spec and graph metadata

// Names of a tuple of ("name", unit, derivation) entries in models/edgesim/spec.py: the Python side is the source of
// truth, and reading it here keeps this check free of a Python dependency.
function specNames(variable) {
  const text = readFileSync(join(ROOT, "edgesim", "spec.py"), "utf8");
  const block = text.match(new RegExp(`^${variable} = \\(\\n([\\s\\S]*?)\\n\\)`, "m"));
  return block ? [...block[1].matchAll(/^\s*\(\s*"(\w+)"/gm)].map((m) => m[1]) : [];
}

const SPEC = { features: specNames("NODE_FEATURES"), edge_features: specNames("EDGE_FEATURES") };

// The names a manifest lists, checking that each entry's index is its position.
const listedNames = (entries) => (entries ?? []).map((e, i) => (e.index === undefined || e.index === i ? e.name : null));

function checkManifest(name, manifest, bytes, reference) {
  const sha = createHash("sha256").update(bytes).digest("hex");
  check(manifest.onnx?.sha256 === sha, `${name} manifest sha256 ${manifest.onnx?.sha256} != ${sha} of its model.onnx`);
  check(manifest.name === name && manifest.contract === 2, `${name} manifest name ${manifest.name}, contract ${manifest.contract} (want 2)`);
  for (const key of ["features", "edge_features"]) {
    const names = listedNames(manifest[key]);
    check(same(names, SPEC[key]), `${name} manifest ${key} [${names}] != spec.py [${SPEC[key]}]`);
    // Every model must read the same columns: a client builds one x for all of them.
    reference[key] ??= { model: name, names };
    check(same(names, reference[key].names), `${name} manifest ${key} differ from ${reference[key].model}'s`);
  }
  // A manifest lists the inputs its graph declares (dqn and ppo read no links): check the widths of those present.
  const shapes = Object.fromEntries((manifest.inputs ?? []).map((i) => [i.name, i.shape]));
  const want = { x: SPEC.features.length, edge_attr: SPEC.edge_features.length, link_attr: LINK_ATTR };
  for (const [input, width] of Object.entries(want)) {
    if (input !== "x" && !(input in shapes)) continue;
    check(shapes[input]?.at(-1) === width, `${name} manifest ${input} last dim ${shapes[input]?.at(-1)} (want ${width})`);
  }
  const outputs = (manifest.outputs ?? []).map((o) => o.name);
  check(same(outputs, OUTPUTS), `${name} manifest outputs [${outputs}] (want [${OUTPUTS}])`);
}

// A shape is linear in N when every dim is a constant or one symbolic axis, and `nodes` appears at most once: an
// [N, N] input (the v1 adjacency) would cost N^2 memory at 10000 nodes.
const linearShape = (shape) =>
  Array.isArray(shape) && shape.every((d) => Number.isInteger(d) || SYMBOLIC_DIMS.has(d))
  && shape.filter((d) => d === "nodes").length <= 1;

function checkGraphIO(name, manifest, session) {
  const declared = session.inputNames;
  check(
    declared.every((n) => INPUTS.includes(n)) && declared.includes("x") && declared.includes("mask"),
    `${name} graph inputs [${declared}] must be a subset of [${INPUTS}] including x and mask`,
  );
  check(same([...session.outputNames].sort(), [...OUTPUTS].sort()), `${name} graph outputs [${session.outputNames}] (want [${OUTPUTS}])`);
  // The manifest describes the whole contract (all six inputs); the graph may leave out the ones it does not read,
  // but what it declares must agree with the manifest.
  const described = Object.fromEntries((manifest.inputs ?? []).map((i) => [i.name, i]));
  const meta = [...(session.inputMetadata ?? []), ...(session.outputMetadata ?? [])];
  check(meta.length === declared.length + session.outputNames.length, `${name} session has no input/output metadata`);
  for (const m of meta) {
    const isInput = declared.includes(m.name);
    const entry = isInput ? described[m.name] : (manifest.outputs ?? []).find((o) => o.name === m.name);
    check(
      entry !== undefined && same(m.shape, entry.shape) && m.type === entry.dtype,
      `${name} ${m.name}: graph ${m.type} [${m.shape}] vs manifest ${entry?.dtype} [${entry?.shape}]`,
    );
    if (isInput) check(linearShape(m.shape), `${name} input ${m.name} shape [${m.shape}] is not linear in the node count`);
  }
  for (const i of manifest.inputs ?? []) {
    check(INPUTS.includes(i.name) && linearShape(i.shape), `${name} manifest input ${i.name} [${i.shape}] unknown or not linear in N`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tensors

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

// A random route tree of n nodes rooted at the source, node 0: each v > 0 hangs off a parent < v. About 3% of the
// nodes are cut from their parent: they and everything below them are unreachable (parent self, no route link), as
// in a disconnected network. Links (local indices) are the tree's edges plus a few extra ones between reachable
// nodes (a cut-off part must stay cut off), each undirected link once, with positive capacity, latency and backlog.
function randomTree(rnd, n) {
  const tree = { parent: new Array(n), reachable: new Array(n), route: new Array(n), links: [] };
  const linked = new Set();
  const link = (u, v) => {
    const attr = { capacity_mbps: 10 + 990 * rnd(), latency_ms: 1 + 20 * rnd(), backlog_ms: rnd() < 0.5 ? 1e-3 + 200 * rnd() : 1e-3 };
    tree.links.push({ u, v, attr });
    linked.add(`${Math.min(u, v)},${Math.max(u, v)}`);
    return attr;
  };
  for (let v = 0; v < n; v++) {
    const p = Math.floor(rnd() * v);
    const cut = v > 0 && rnd() < 0.03;
    const attr = v > 0 && !cut ? link(p, v) : null;
    tree.reachable[v] = v === 0 || (!cut && tree.reachable[p]);
    tree.parent[v] = tree.reachable[v] && v > 0 ? p : v;
    tree.route[v] = tree.reachable[v] ? attr : null; // the link that brings the task to v
  }
  for (let k = 0; k < Math.ceil(n / 10); k++) {
    const [u, v] = [Math.floor(rnd() * n), Math.floor(rnd() * n)];
    if (u !== v && tree.reachable[u] && tree.reachable[v] && !linked.has(`${Math.min(u, v)},${Math.max(u, v)}`)) link(u, v);
  }
  return tree;
}

// One random network of n nodes with plausible raw features in spec units (by name, so a reordered spec still gets
// the right values): transfer times add up along the route, unreachable nodes have tx_ms 1e5, every real node has a
// positive deadline, and masked nodes include every unreachable or overloaded one (all of them with allMasked).
function randomNetwork(rnd, n, allMasked = false) {
  const tree = randomTree(rnd, n);
  const task = { cpu: 100 + 1900 * rnd(), mem: 16 + 496 * rnd(), data: 10 + 990 * rnd(), deadline: 100 + 900 * rnd() };
  const load = 0.3 + 0.6 * rnd();
  const tx = new Float64Array(n);
  const linkWait = new Float64Array(n);
  const net = { n, parent: tree.parent, links: tree.links, x: [], edge: [], mask: [] };
  for (let v = 0; v < n; v++) {
    const route = tree.route[v];
    const transfer = route ? (8 * task.data) / route.capacity_mbps : 0;
    if (route) {
      tx[v] = tx[tree.parent[v]] + route.latency_ms + route.backlog_ms + transfer;
      linkWait[v] = linkWait[tree.parent[v]] + route.backlog_ms;
    }
    const edge = route ? { ...route, transfer_ms: transfer } : {};
    const type = v === n - 1 && n > 2 ? 2 : rnd() < 0.25 ? 1 : 0;
    const cpu = rnd();
    const backlog = rnd() < 0.3 ? 0 : 3000 * rnd();
    const reachable = tree.reachable[v];
    const node = {
      cpu_util: cpu, mem_util: rnd(), energy: ENERGY_J[type] * (0.05 + rnd()), latency: 1 + 50 * rnd(),
      bandwidth: 10 + 1000 * rnd(), backlog_ms: backlog, node_type: type, is_source: v === 0 ? 1 : 0,
      tx_ms: reachable ? tx[v] : TX_UNREACHABLE_MS, link_wait_ms: linkWait[v],
      proc_ms: task.cpu / (CPU_GHZ[type] * Math.max(1 - cpu, 0.05)), wait_ms: reachable ? Math.max(0, backlog - tx[v]) : 0,
      task_cpu_mcycles: task.cpu, task_mem_mb: task.mem, task_data_kb: task.data, task_deadline_ms: task.deadline, load,
    };
    net.x.push(...SPEC.features.map((f) => node[f] ?? 0));
    net.edge.push(...SPEC.edge_features.map((f) => edge[f] ?? 0));
    net.mask.push(!allMasked && reachable && cpu <= 0.95 && rnd() < 0.85 ? 1 : 0);
  }
  return net;
}

// The six contract tensors for networks placed in rows 0..B-1 and zero-padded to N nodes: padding has features 0,
// mask 0, parent = itself and no links; link ends are flattened to b * N + v.
function batchTensors(nets, N) {
  const F = SPEC.features.length;
  const E = SPEC.edge_features.length;
  const B = nets.length;
  const L = nets.reduce((s, net) => s + net.links.length, 0);
  const t = {
    B, N, real: nets.map((net) => net.n),
    x: new Float32Array(B * N * F), parent: new BigInt64Array(B * N), edge_attr: new Float32Array(B * N * E),
    mask: new Float32Array(B * N), link_index: new BigInt64Array(2 * L), link_attr: new Float32Array(L * LINK_ATTR),
  };
  let l = 0;
  nets.forEach((net, b) => {
    t.x.set(net.x, b * N * F);
    t.edge_attr.set(net.edge, b * N * E);
    t.mask.set(net.mask, b * N);
    for (let v = 0; v < N; v++) t.parent[b * N + v] = BigInt(v < net.n ? net.parent[v] : v);
    for (const { u, v, attr } of net.links) {
      t.link_index[l] = BigInt(b * N + u);
      t.link_index[L + l] = BigInt(b * N + v);
      t.link_attr.set([attr.capacity_mbps, attr.latency_ms, attr.backlog_ms], l * LINK_ATTR);
      l += 1;
    }
  });
  return t;
}

// Fixture tensors (nested JSON arrays, batch 1) in the same form as batchTensors.
function fixtureTensors(tensors) {
  const N = tensors.mask[0].length;
  const flat = (a) => a.flat(Infinity);
  return {
    B: 1, N, real: [N],
    x: Float32Array.from(flat(tensors.x)), parent: BigInt64Array.from(flat(tensors.parent), BigInt),
    edge_attr: Float32Array.from(flat(tensors.edge_attr)), mask: Float32Array.from(flat(tensors.mask)),
    link_index: BigInt64Array.from(flat(tensors.link_index), BigInt), link_attr: Float32Array.from(flat(tensors.link_attr)),
  };
}

// Feed exactly the inputs the graph declares: dqn and ppo read no links and reject extra feeds.
function feeds(session, t) {
  const L = t.link_attr.length / LINK_ATTR;
  const dims = {
    x: [t.B, t.N, SPEC.features.length], parent: [t.B, t.N], edge_attr: [t.B, t.N, SPEC.edge_features.length],
    link_index: [2, L], link_attr: [L, LINK_ATTR], mask: [t.B, t.N],
  };
  const type = (name) => (t[name] instanceof BigInt64Array ? "int64" : "float32");
  return Object.fromEntries(session.inputNames.map((name) => [name, new ort.Tensor(type(name), t[name], dims[name])]));
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Invariants on any batch

// A node is a candidate when it is real (not padding) and unmasked; the graph must ignore everything else.
const candidate = (t, b, v) => v < t.real[b] && t.mask[b * t.N + v] > 0.5;

function checkInvariants(label, t, out) {
  const { B, N } = t;
  const { scores, probs, value } = out;
  if (!check(same(scores.dims, [B, N]) && same(probs.dims, [B, N]) && same(value.dims, [B]),
    `${label} output dims scores [${scores.dims}], probs [${probs.dims}], value [${value.dims}]`)) return;
  const bad = { finite: [], sum: [], zero: [], allMasked: [], score: [] };
  for (let b = 0; b < B; b++) {
    let finite = Number.isFinite(value.data[b]);
    let sum = 0;
    let candidates = 0;
    let zero = true;
    let lowScores = true;
    for (let v = 0; v < N; v++) {
      const k = b * N + v;
      finite &&= Number.isFinite(probs.data[k]) && Number.isFinite(scores.data[k]);
      if (candidate(t, b, v)) {
        sum += probs.data[k];
        candidates += 1;
      } else {
        zero &&= probs.data[k] === 0;
        lowScores &&= scores.data[k] <= MASKED_SCORE;
      }
    }
    if (!finite) bad.finite.push(b);
    if (candidates > 0 && !(Math.abs(sum - 1) <= TOL)) bad.sum.push(`${b}:${sum}`);
    if (!zero) bad[candidates > 0 ? "zero" : "allMasked"].push(b);
    if (!lowScores) bad.score.push(b);
  }
  const rows = (list) => `rows ${list.slice(0, 5)}${list.length > 5 ? ` (+${list.length - 5})` : ""}`;
  check(bad.finite.length === 0, `${label} NaN/Infinity in ${rows(bad.finite)}`);
  check(bad.sum.length === 0, `${label} probs over unmasked nodes do not sum to 1: ${rows(bad.sum)}`);
  check(bad.zero.length === 0, `${label} probs not exactly 0 on masked/padded nodes: ${rows(bad.zero)}`);
  check(bad.score.length === 0, `${label} masked/padded node scores above ${MASKED_SCORE}: ${rows(bad.score)}`);
  check(bad.allMasked.length === 0, `${label} probs not all 0 where every node is masked: ${rows(bad.allMasked)}`);
}

// A batch of B networks with the edge cases spread over its rows: every 4th row padded to a smaller network (down to
// a single node), and row 1 with every node masked. B = 1 is a plain full-size network.
function syntheticBatch(N, B) {
  const rnd = mulberry32(1000 * N + B);
  const nets = [];
  for (let b = 0; b < B; b++) {
    const n = b % 4 === 3 ? 1 + Math.floor(rnd() * (N - 1)) : N;
    nets.push(randomNetwork(rnd, n, b === 1));
  }
  return batchTensors(nets, N);
}

async function syntheticChecks(name, session) {
  for (const [N, B] of SIZES) {
    const t = syntheticBatch(N, B);
    checkInvariants(`${name} synthetic N=${N} B=${B}:`, t, await session.run(feeds(session, t)));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Padding invariance

// Scores of masked nodes are -1e9: compare those relatively, everything else absolutely.
const tolerance = (want) => TOL * (want < -1e4 ? Math.abs(want) : 1);

// Largest |got[from + j] - want[j]| as a multiple of its tolerance (<= 1 passes; NaN counts as Infinity).
function excess(got, want, from = 0) {
  if (got.length < from + want.length) return Infinity;
  let worst = 0;
  want.forEach((w, j) => {
    const d = Math.abs(got[from + j] - w) / tolerance(w);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  });
  return worst;
}

// A network alone vs the same network in row 1 of a batch with other networks, zero-padded to more nodes: the
// pooling, messages and softmax must only see real nodes, so its outputs may not move.
async function paddingChecks(name, session) {
  for (const [n, padded] of [[20, 50], [200, 1000]]) {
    const rnd = mulberry32(7 * n);
    const net = randomNetwork(rnd, n);
    const others = [randomNetwork(rnd, padded), randomNetwork(rnd, Math.max(2, Math.floor(padded / 3)))];
    const alone = await session.run(feeds(session, batchTensors([net], n)));
    const inBatch = await session.run(feeds(session, batchTensors([others[0], net, others[1]], padded)));
    const ratio = Math.max(
      excess(inBatch.scores.data, alone.scores.data, padded), // row 1 starts at node padded
      excess(inBatch.probs.data, alone.probs.data, padded),
      excess(inBatch.value.data, alone.value.data, 1),
    );
    check(ratio <= 1, `${name} padding ${n} nodes to ${padded} in a batch of 3 moves real outputs by ${ratio.toFixed(2)} x tolerance`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Fixtures

// selected_node: argmax of probs, lowest index on ties; -1 when no node may take the task.
function selectedNode(t, probs) {
  let best = -1;
  for (let v = 0; v < t.N; v++) if (candidate(t, 0, v) && (best < 0 || probs[v] > probs[best])) best = v;
  return best;
}

// The fixtures made from a version's weights: beside its checkpoint's path, under fixtures/ (docs/model-contract.md, "Files").
function fixturesOf(manifest) {
  return JSON.parse(readFileSync(join(ROOT, manifest.checkpoint.replace(/^checkpoints\//, "fixtures/").replace(/\.pt$/, ".json")), "utf8"));
}

async function fixtureChecks(name, session, manifest) {
  const doc = fixturesOf(manifest);
  check(doc.model === name && doc.cases?.length >= 50, `${name} fixture: model ${doc.model}, ${doc.cases?.length} cases (want >= 50)`);
  for (const [i, c] of (doc.cases ?? []).entries()) {
    const label = `${name} fixture case ${i} (${c.description}):`;
    const t = fixtureTensors(c.tensors);
    const out = await session.run(feeds(session, t));
    for (const k of OUTPUTS) {
      const want = c.expected[k].flat(Infinity);
      const ratio = out[k].data.length === want.length ? excess(out[k].data, want) : Infinity;
      check(ratio <= 1, `${label} ${k} differs from PyTorch by ${ratio.toFixed(2)} x tolerance (${TOL}, relative below -1e4)`);
    }
    // A near-tie that float rounding breaks differently is not a different policy: accept it.
    const want = c.expected.selected_node;
    const got = selectedNode(t, out.probs.data);
    const tie = got >= 0 && want >= 0 && Math.abs(out.probs.data[got] - out.probs.data[want]) <= TIE;
    check(got === want || tie, `${label} selected node ${got}, fixture ${want}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------

// Every version repository/<name>/config.json serves (docs/model-contract.md, "Model repository").
function servedVersions(name) {
  const config = JSON.parse(readFileSync(join(ROOT, "repository", name, "config.json"), "utf8"));
  check(config.name === name && config.versions.includes(config.default_version),
    `${name} config.json: name ${config.name}, default_version ${config.default_version} not in versions [${config.versions}]`);
  return config.versions;
}

// 6. The same weights in another graph form: outputs as the version they were published as, on every input used above.
async function sameWeightsChecks(name, session, manifest) {
  const previous = manifest.training?.reexport?.same_weights_as_version;
  if (previous === undefined) return;
  const other = await ort.InferenceSession.create(readFileSync(join(ROOT, "repository", name, String(previous), "model.onnx")));
  try {
    const doc = fixturesOf(manifest);
    // On fixture cases PyTorch's output is known too: where the old graph's own rounding is larger, a new graph
    // that lands at least as close to PyTorch is not a difference in what it computes.
    const inputs = [...SIZES.map(([N, B]) => [`N=${N} B=${B}`, syntheticBatch(N, B), null]),
      ...doc.cases.map((c, i) => [`fixture case ${i}`, fixtureTensors(c.tensors), c.expected])];
    let worst = 0;
    let where = "";
    for (const [label, t, torch] of inputs) {
      const [got, want] = [await session.run(feeds(session, t)), await other.run(feeds(other, t))];
      for (const k of OUTPUTS) {
        const ref = torch && torch[k].flat(Infinity);
        want[k].data.forEach((w, j) => {
          const g = got[k].data[j];
          const ratio = Math.abs(g - w) / (REEXPORT_TOL * Math.max(1, Math.abs(w)));
          if (ref && Math.abs(g - ref[j]) <= Math.abs(w - ref[j])) return;
          if (!(ratio <= worst)) [worst, where] = [ratio, `${label} ${k}[${j}] ${g} vs ${w}`];
        });
      }
    }
    check(worst <= 1, `${name}/${manifest.version} differs from version ${previous} (same weights) by ${worst.toFixed(2)} x ${REEXPORT_TOL} (relative beyond 1) at ${where}`);
  } finally {
    await other.release();
  }
}

async function checkModel(name, version, reference) {
  const dir = join(ROOT, "repository", name, String(version));
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const bytes = readFileSync(join(dir, "model.onnx"));
  check(manifest.version === version, `${name}/${version} manifest says version ${manifest.version}`);
  checkManifest(name, manifest, bytes, reference);
  const session = await ort.InferenceSession.create(bytes);
  try {
    checkGraphIO(name, manifest, session);
    await syntheticChecks(name, session);
    await paddingChecks(name, session);
    await fixtureChecks(name, session, manifest);
    await sameWeightsChecks(name, session, manifest);
  } finally {
    await session.release();
  }
}

async function main() {
  const t0 = Date.now();
  check(SPEC.features.length === 17 && SPEC.edge_features.length === 4,
    `spec.py NODE_FEATURES/EDGE_FEATURES read as ${SPEC.features.length}/${SPEC.edge_features.length} names (want 17/4)`);
  const names = process.argv.length > 2 ? process.argv.slice(2) : MODELS;
  const reference = {};
  for (const name of names) {
    const m0 = Date.now();
    const before = failed;
    try {
      for (const version of servedVersions(name)) await checkModel(name, version, reference);
    } catch (e) {
      // A missing file or a graph that rejects the contract's inputs: one failure, then the next model.
      check(false, `${name}: ${String(e.message ?? e).split("\n")[0]}`);
    }
    console.error(`${name}: ${failed - before} failures, ${Date.now() - m0} ms`);
  }
  console.error(`total ${Date.now() - t0} ms`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
