/**
 * docker/Dockerfile.api, replayed: the same npm commands on the same copied files in a clean
 * temporary directory, then the runtime stage's CMD with its ENV, answering /health and /predict.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimeEnv, staticProblems } from "./lib/dockerfile.js";
import { readObject } from "./lib/manifests.js";
import { startApi } from "./helpers/api-process.js";
import { readDockerfile, replayDockerfile, type Replayed } from "./helpers/replay.js";
import { K8S_DIR, REPO_ROOT } from "./helpers/repo.js";

describe("docker/Dockerfile.api as written", () => {
  it("copies only files that exist and are not .dockerignored, from stages that exist", () => {
    expect(staticProblems(readDockerfile("Dockerfile.api"), REPO_ROOT)).toEqual([]);
  });

  it("runs as the non-root node user (uid 1000, the runAsUser of deploy/k8s) and exposes the port the Deployment opens", () => {
    const runtime = readDockerfile("Dockerfile.api").stages.at(-1)!;
    const arg = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
    expect(arg("USER")).toEqual(["node"]);
    const deployment = readObject(join(K8S_DIR, "base/api-deployment.yaml"));
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext.runAsUser).toBe(1000);
    expect(arg("EXPOSE")).toEqual([String(pod.containers[0].ports[0].containerPort)]);
  });
});

describe("docker/Dockerfile.api replayed", () => {
  let image: Replayed;
  beforeAll(async () => {
    image = await replayDockerfile("Dockerfile.api");
  });
  afterAll(() => image?.cleanup());

  it("ran every RUN step of every stage", () => {
    const runs = image.steps.filter((s) => s.startsWith("RUN"));
    console.log(runs.join("\n"));
    expect(runs.map((s) => s.replace(/ \(.+ s\)$/, ""))).toEqual([
      "RUN npm ci --workspace api --include-workspace-root --no-audit --no-fund -> exit 0",
      "RUN npm run build --workspace api -> exit 0",
      "RUN npm ci --omit=dev --workspace api --no-audit --no-fund -> exit 0",
    ]);
  });

  it("the runtime holds the compiled server, production dependencies and the models, not the sources or dev tools", () => {
    const at = (p: string) => existsSync(join(image.workdir, p));
    expect(at("api/dist/server.js")).toBe(true);
    expect(at("node_modules/onnxruntime-node/package.json")).toBe(true);
    expect(at("node_modules/hono/package.json")).toBe(true);
    expect(at("api/src")).toBe(false);
    expect(at("node_modules/typescript")).toBe(false);
    expect(at("node_modules/vitest")).toBe(false);
    const modelsDir = runtimeEnv(image.runtime).MODELS_DIR!;
    const graphs = readdirSync(modelsDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".onnx"));
    expect(graphs.length).toBeGreaterThan(0);
  });

  it("its CMD serves: /health, /predict on a generated network, the metric the KEDA example scales on, the HEALTHCHECK, a clean SIGTERM", async () => {
    const env = runtimeEnv(image.runtime);
    expect(env.NODE_ENV).toBe("production");
    const api = startApi({ cwd: image.workdir, command: image.runtime.cmd!, baseEnv: { PATH: process.env.PATH!, ...env } });
    try {
      const base = await api.ready();
      const health = (await (await fetch(`${base}/health`)).json()) as { status: string; loaded_models: string[] };
      expect(health.status).toBe("healthy");
      expect(health.loaded_models).toContain("hybrid");

      const net = (await (
        await fetch(`${base}/networks/generate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ num_nodes: 10, seed: 4, load: 0.7 }) })
      ).json()) as { network_state: { nodes: unknown[] }; task: unknown; load: number };
      // /predict takes exactly these fields (unknown ones are refused), so pick them from the generated answer.
      const body = { network_state: net.network_state, task: net.task, load: net.load };
      const res = await fetch(`${base}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      const p = (await res.json()) as { selected_node: number; valid_nodes: number[] };
      expect(p.valid_nodes).toContain(p.selected_node);

      const scaled = readObject(join(K8S_DIR, "overlays/keda/scaledobject.yaml"));
      const metric = /^sum\(rate\((\w+)\{/.exec(scaled.spec.triggers[0].metadata.query)![1]!;
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(new RegExp(`^${metric}\\{.*route="/predict"`, "m"));

      const port = new URL(base).port;
      const check = await promisify(execFile)("sh", ["-c", image.runtime.healthcheck!], { env: { PATH: process.env.PATH!, PORT: port } }).then(
        () => 0,
        (e: { code: number }) => e.code,
      );
      expect(check).toBe(0);
    } finally {
      expect(await api.stop()).toBe(0);
    }
  });
});
