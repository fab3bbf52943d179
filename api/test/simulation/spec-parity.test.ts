/**
 * One source of truth for the simulator's constants: models/edgesim/spec.py. spec.ts mirrors it for speed and
 * types; this test reads every constant from Python and fails on any difference, in either direction.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as spec from "../../src/simulation/spec.js";

const PYTHON = "/usr/bin/python3";
const MODELS = fileURLToPath(new URL("../../../models", import.meta.url));
// Derived counts and API-only limits that have no Python counterpart.
const TS_ONLY = new Set(["NUM_NODE_FEATURES", "NUM_EDGE_FEATURES", "MAX_GENERATED_NODES", "MIN_NODES"]);
// Python-only: the generator's field order lives in its own TypeScript type, not in spec.ts.
const PY_ONLY = new Set(["NODE_FIELDS"]);

/** Every UPPER_CASE constant of spec.py as JSON: tuples become arrays, feature tables their names, tier dicts lists. */
const DUMP = `
import json, edgesim.spec as s
out = {}
for k, v in vars(s).items():
    if not k.isupper():
        continue
    if k in ("NODE_FEATURES", "EDGE_FEATURES"):
        v = [f[0] for f in v]
    elif k == "NODE_RANGES":
        v = [v[t] for t in sorted(v)]
    out[k] = v
print(json.dumps(out))
`;

function python(): Record<string, unknown> | null {
  if (!existsSync(PYTHON)) return null;
  try {
    return JSON.parse(execFileSync(PYTHON, ["-c", DUMP], { cwd: MODELS, encoding: "utf8" })) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const py = python();

describe.skipIf(py === null)("spec.ts mirrors models/edgesim/spec.py", () => {
  const ts = spec as unknown as Record<string, unknown>;
  const tsNames = Object.keys(ts).filter((k) => /^[A-Z][A-Z0-9_]*$/.test(k) && !TS_ONLY.has(k));

  it("has every Python constant with the same value", () => {
    for (const [name, value] of Object.entries(py!)) {
      if (PY_ONLY.has(name)) continue;
      expect(ts[name], name).toEqual(value);
    }
  });

  it("has no constant Python does not define", () => {
    expect(tsNames.filter((k) => !(k in py!))).toEqual([]);
  });
});
