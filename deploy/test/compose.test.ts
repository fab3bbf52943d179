/** docker/compose.yaml builds the Dockerfiles the replay tests replay, and passes settings the API reads. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envPairs } from "./lib/dockerfile.js";
import { envFileKeys } from "./lib/manifests.js";
import { readDockerfile } from "./helpers/replay.js";
import { DOCKER_DIR, REPO_ROOT } from "./helpers/repo.js";

interface Service {
  build: { context: string; dockerfile: string };
  environment?: Record<string, string | null>;
  env_file?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  depends_on?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(DOCKER_DIR, "compose.yaml"), "utf8")) as { services: Record<string, Service> };
const ENV_EXAMPLE = join(REPO_ROOT, ".env.example");
const envDefault = (key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(readFileSync(ENV_EXAMPLE, "utf8"))?.[1];

describe("docker/compose.yaml", () => {
  it("builds from the repository root with the Dockerfiles the replay tests replay", () => {
    const builds = Object.values(compose.services).map((s) => {
      const context = resolve(DOCKER_DIR, s.build.context);
      expect(context).toBe(resolve(REPO_ROOT));
      expect(existsSync(join(context, s.build.dockerfile))).toBe(true);
      return s.build.dockerfile;
    });
    expect(builds.sort()).toEqual(["docker/Dockerfile.api", "docker/Dockerfile.dashboard"]);
  });

  it("every env_file exists and every API setting is one .env.example documents", () => {
    const keys = envFileKeys(ENV_EXAMPLE);
    const api = compose.services.api!;
    expect(Object.keys(api.environment ?? {}).filter((k) => !keys.has(k))).toEqual([]);
    for (const s of Object.values(compose.services)) {
      for (const f of s.env_file ?? []) expect(existsSync(resolve(DOCKER_DIR, f)), f).toBe(true);
      for (const v of Object.values(s.environment ?? {})) {
        for (const [, name] of String(v ?? "").matchAll(/\$\{(\w+)/g)) expect(keys.has(name!), name).toBe(true);
      }
    }
  });

  it("the API's health check and the dashboard's API_URL use the port the image sets; the stop grace period outlasts the drain", () => {
    const runtimeEnv = Object.assign(
      {},
      ...readDockerfile("Dockerfile.api")
        .stages.at(-1)!
        .instructions.filter((i) => i.keyword === "ENV")
        .map((i) => envPairs(i.args)),
    ) as Record<string, string>;
    const port = runtimeEnv.PORT!;
    expect(compose.services.api!.healthcheck!.test.join(" ")).toContain(`127.0.0.1:${port}/`);
    expect(compose.services.dashboard!.environment!.API_URL).toBe(`http://api:${port}`);
    expect(compose.services.dashboard!.depends_on).toHaveProperty("api");
    const grace = Number(/^(\d+)s$/.exec(compose.services.api!.stop_grace_period!)![1]) * 1000;
    expect(grace).toBeGreaterThan(Number(envDefault("SHUTDOWN_TIMEOUT_MS")));
  });
});
