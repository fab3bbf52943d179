/**
 * The install: onnxruntime-node's postinstall would download CUDA provider binaries (hundreds of MB,
 * useless here: its CPU binaries ship inside the package). npm 11 runs a dependency's install script
 * only when the root package.json's allowScripts approves it (https://docs.npmjs.com/cli/commands/npm-install-scripts),
 * so the project denies it there; .npmrc's old `onnxruntime-node-install=skip` is an unknown key that
 * npm 11 warns about on every command.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/repo.js";

const rootPackage = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  allowScripts?: Record<string, boolean>;
  packageManager?: string;
};

describe("install", () => {
  it("denies onnxruntime-node's (CUDA download) and Scarf's (telemetry) install scripts, with npm >= 11 pinned", () => {
    expect(rootPackage.allowScripts).toMatchObject({ "onnxruntime-node": false, "@scarf/scarf": false });
    expect(rootPackage.packageManager).toMatch(/^npm@(1[1-9]|[2-9]\d)\./);
    const npmrc = existsSync(join(REPO_ROOT, ".npmrc")) ? readFileSync(join(REPO_ROOT, ".npmrc"), "utf8") : "";
    expect(npmrc).not.toMatch(/onnxruntime-node-install/);
  });

  it("installed onnxruntime-node's CPU binaries and no CUDA provider", () => {
    const require = createRequire(join(REPO_ROOT, "api", "package.json"));
    const pkg = dirname(require.resolve("onnxruntime-node/package.json"));
    const bin = join(pkg, "bin", "napi-v6", process.platform, process.arch);
    const files = readdirSync(bin);
    expect(files).toContain("onnxruntime_binding.node");
    expect(files.filter((f) => /cuda|tensorrt/i.test(f))).toEqual([]);
  });
});
