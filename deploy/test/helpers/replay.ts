/** Replays one of docker/'s Dockerfiles in a fresh temporary directory (see lib/dockerfile.ts). */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDockerfile, replay, type Dockerfile, type StageState } from "../lib/dockerfile.js";
import { DOCKER_DIR, REPO_ROOT } from "./repo.js";

export function readDockerfile(name: string): Dockerfile {
  const file = join(DOCKER_DIR, name);
  return parseDockerfile(readFileSync(file, "utf8"), file);
}

export interface Replayed {
  dockerfile: Dockerfile;
  stages: Map<string, StageState>;
  runtime: StageState;
  /** The runtime stage's WORKDIR on this machine. */
  workdir: string;
  steps: string[];
  cleanup(): void;
}

/**
 * npm installs from this machine's npm cache (--prefer-offline: the registry only for what the cache
 * lacks), with a fresh HOME so no user config applies, as in a clean image build.
 */
export async function replayDockerfile(name: string): Promise<Replayed> {
  const dockerfile = readDockerfile(name);
  // Asked outside any workspace (npm run -w sets npm_config_workspace, which `config get` refuses).
  const cache = execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8", cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: process.env.HOME } }).trim();
  const workDir = mkdtempSync(join(tmpdir(), `replay-${name.replace(/\W/g, "-")}-`));
  const home = join(workDir, ".home");
  mkdirSync(home);
  const steps: string[] = [];
  const cleanup = () => rmSync(workDir, { recursive: true, force: true });
  try {
    const stages = await replay(dockerfile, {
      contextDir: REPO_ROOT,
      workDir,
      runEnv: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        npm_config_cache: cache,
        npm_config_prefer_offline: "true",
        npm_config_update_notifier: "false",
      },
      log: (line) => steps.push(line),
    });
    const runtime = stages.get(dockerfile.stages.at(-1)!.name)!;
    return { dockerfile, stages, runtime, workdir: join(runtime.root, runtime.workdir), steps, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
