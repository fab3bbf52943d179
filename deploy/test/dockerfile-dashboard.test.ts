/**
 * docker/Dockerfile.dashboard, replayed: npm ci and `next build` on the copied files in a clean
 * temporary directory, then the runtime stage's CMD, serving pages and proxying /api to a real API.
 */
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimeEnv, staticProblems } from "./lib/dockerfile.js";
import { startApi } from "./helpers/api-process.js";
import { readDockerfile, replayDockerfile, type Replayed } from "./helpers/replay.js";
import { REPO_ROOT } from "./helpers/repo.js";

/** A port free right now (next start does not take port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

describe("docker/Dockerfile.dashboard as written", () => {
  it("copies only files that exist and are not .dockerignored, from stages that exist", () => {
    expect(staticProblems(readDockerfile("Dockerfile.dashboard"), REPO_ROOT)).toEqual([]);
  });
});

describe("docker/Dockerfile.dashboard replayed", () => {
  let image: Replayed;
  beforeAll(async () => {
    image = await replayDockerfile("Dockerfile.dashboard");
  });
  afterAll(() => image?.cleanup());

  it("ran every RUN step: the install and next build", () => {
    const runs = image.steps.filter((s) => s.startsWith("RUN"));
    console.log(runs.join("\n"));
    expect(runs.map((s) => s.replace(/ -> exit 0 \(.+ s\)$/, ""))).toEqual([
      "RUN npm ci --workspace dashboard --workspace api --include-workspace-root --no-audit --no-fund",
      "RUN npm run build --workspace dashboard",
    ]);
  });

  it("its CMD serves the pages and proxies /api to the API at API_URL; the HEALTHCHECK passes", async () => {
    const api = startApi({ cwd: join(REPO_ROOT, "api"), command: [process.execPath, "--import", "tsx", "src/server.ts"] });
    const port = await freePort();
    const env: Record<string, string> = { PATH: process.env.PATH!, ...runtimeEnv(image.runtime), PORT: String(port), HOSTNAME: "127.0.0.1" };
    let dashboard: ReturnType<typeof spawn> | undefined;
    try {
      env.API_URL = await api.ready();
      const [command, ...args] = image.runtime.cmd!;
      dashboard = spawn(command!, args, { cwd: image.workdir, env, stdio: "ignore" });
      const base = `http://127.0.0.1:${port}`;
      const end = Date.now() + 30_000;
      let status = 0;
      while (status !== 200 && Date.now() < end) {
        status = await fetch(base).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      expect(await (await fetch(base)).text()).toMatch(/<html/);

      const proxied = await fetch(`${base}/api/health`);
      expect(proxied.status).toBe(200);
      expect(((await proxied.json()) as { status: string }).status).toBe("healthy");

      const check = await promisify(execFile)("sh", ["-c", image.runtime.healthcheck!], { env: { PATH: process.env.PATH!, PORT: String(port) } }).then(
        () => 0,
        (e: { code: number }) => e.code,
      );
      expect(check).toBe(0);
    } finally {
      if (dashboard && dashboard.exitCode === null) {
        const exited = new Promise((r) => dashboard!.once("exit", r));
        dashboard.kill("SIGTERM");
        await exited;
      }
      await api.stop();
    }
  });
});
