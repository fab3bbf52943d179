/**
 * Replays a Dockerfile without a Docker engine: each stage becomes a directory standing for its
 * root filesystem; COPY copies the same files (the build context filtered by .dockerignore, or an
 * earlier stage's directory), RUN runs the same command in the stage's WORKDIR with its ENV, and
 * the last stage's CMD can then be started. What cannot be replayed here is named, not skipped:
 * instructions other than those below fail the parse, file ownership (--chown, USER) is recorded
 * but not applied, and the base image's Node.js is this machine's.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, posix, relative } from "node:path";

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name: string;
  /** The FROM image after ARG substitution: an earlier stage's name or an external image. */
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  file: string;
  stages: Stage[];
}

const HANDLED = new Set(["FROM", "ARG", "WORKDIR", "ENV", "COPY", "RUN", "USER", "EXPOSE", "HEALTHCHECK", "CMD"]);

export function parseDockerfile(text: string, file: string): Dockerfile {
  const logical: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split("\n").forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith("#") || (trimmed === "" && !pending)) return;
    const continues = trimmed.endsWith("\\");
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    pending = pending ? { text: `${pending.text} ${part}`, line: pending.line } : { text: part, line: i + 1 };
    if (!continues) {
      const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(pending.text) ?? [];
      logical.push({ keyword: keyword.toUpperCase(), args, line: pending.line });
      pending = undefined;
    }
  });

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const ins of logical) {
    if (!HANDLED.has(ins.keyword)) throw new Error(`${file}:${ins.line}: ${ins.keyword} is not replayed by this test`);
    if (ins.keyword === "FROM") {
      const [image = "", as, name] = ins.args.split(/\s+/);
      const from = image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string, b: string) => {
        const v = globalArgs[a ?? b];
        if (v === undefined) throw new Error(`${file}:${ins.line}: ARG ${a ?? b} has no default`);
        return v;
      });
      if (as !== undefined && (as.toUpperCase() !== "AS" || !name)) throw new Error(`${file}:${ins.line}: cannot read FROM ${ins.args}`);
      stages.push({ name: name ?? String(stages.length), from, instructions: [] });
    } else if (stages.length === 0) {
      if (ins.keyword !== "ARG") throw new Error(`${file}:${ins.line}: ${ins.keyword} before the first FROM`);
      const [k = "", v] = ins.args.split("=", 2);
      if (v !== undefined) globalArgs[k] = v;
    } else {
      stages.at(-1)!.instructions.push(ins);
    }
  }
  if (stages.length === 0) throw new Error(`${file}: no FROM`);
  return { file, stages };
}

/** COPY's flags, sources and destination. */
export function copyParts(args: string): { from?: string; chown?: string; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  const flags: Record<string, string> = {};
  while (words[0]?.startsWith("--")) {
    const [k = "", v = ""] = words.shift()!.slice(2).split("=", 2);
    flags[k] = v;
  }
  if (words.length < 2) throw new Error(`COPY ${args}: needs a source and a destination`);
  const dest = words.pop()!;
  return { from: flags.from, chown: flags.chown, sources: words, dest };
}

/** KEY=value pairs of one ENV instruction (values here carry no spaces or quotes). */
export function envPairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const eq = word.indexOf("=");
    if (eq <= 0) throw new Error(`ENV ${args}: only the KEY=value form is replayed`);
    pairs[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return pairs;
}

/** .dockerignore patterns as a predicate on context-relative paths (last matching pattern wins). */
export function dockerignore(contextDir: string): (path: string) => boolean {
  const file = join(contextDir, ".dockerignore");
  const rules = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => {
          const negate = l.startsWith("!");
          const pattern = posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, ""));
          const re = pattern
            .split("/")
            .map((seg) => (seg === "**" ? "(?:.*)" : seg.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")))
            .join("/")
            .replace(/\(\?:\.\*\)\//g, "(?:.*/)?");
          // A match on a directory excludes everything under it.
          return { negate, re: new RegExp(`^${re}(?:/.*)?$`) };
        })
    : [];
  return (path) => {
    let ignored = false;
    for (const r of rules) if (r.re.test(path)) ignored = !r.negate;
    return ignored;
  };
}

/** Problems found without running anything: missing or ignored COPY sources, unknown stages. */
export function staticProblems(df: Dockerfile, contextDir: string): string[] {
  const problems: string[] = [];
  const ignored = dockerignore(contextDir);
  df.stages.forEach((stage, i) => {
    const earlier = df.stages.slice(0, i).map((s) => s.name);
    if (!earlier.includes(stage.from) && !/^[\w./-]+:[\w.-]+$/.test(stage.from)) {
      problems.push(`stage ${stage.name}: FROM ${stage.from} is neither an earlier stage nor a tagged image`);
    }
    for (const ins of stage.instructions.filter((x) => x.keyword === "COPY")) {
      const { from, sources } = copyParts(ins.args);
      if (from !== undefined) {
        if (!earlier.includes(from)) problems.push(`line ${ins.line}: COPY --from=${from} names no earlier stage`);
        continue;
      }
      for (const src of sources) {
        const rel = posix.normalize(src).replace(/\/$/, "");
        if (!existsSync(join(contextDir, rel))) problems.push(`line ${ins.line}: COPY source ${src} does not exist`);
        else if (ignored(rel)) problems.push(`line ${ins.line}: COPY source ${src} is excluded by .dockerignore`);
      }
    }
  });
  const cmd = df.stages.at(-1)!.instructions.filter((x) => x.keyword === "CMD");
  if (cmd.length !== 1) problems.push(`the last stage needs one CMD, has ${cmd.length}`);
  return problems;
}

export interface StageState {
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  cmd?: string[];
  healthcheck?: string;
  expose: string[];
}

export interface ReplayOptions {
  contextDir: string;
  /** Empty directory for the stages' filesystems. */
  workDir: string;
  /** Added to every RUN's environment: PATH, HOME, the npm cache to install from. */
  runEnv: Record<string, string>;
  log: (line: string) => void;
}

/**
 * Copies a stage's files by hard links (cp -al): a stage's node_modules is a gigabyte of small files.
 * Later steps only add files, never rewrite these in place, so the stages stay independent.
 */
function linkCopy(src: string, dest: string): void {
  execFileSync("cp", ["-al", lstatSync(src).isDirectory() ? `${src}/.` : src, dest]);
}

function run(command: string, cwd: string, env: Record<string, string>, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-6000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) => {
      log(`RUN ${command} -> exit ${code} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      if (code === 0) resolve();
      else reject(new Error(`RUN ${command} failed with exit code ${code}:\n${tail}`));
    });
  });
}

/** Builds every stage in order; returns each stage's final state by name. */
export async function replay(df: Dockerfile, opts: ReplayOptions): Promise<Map<string, StageState>> {
  const ignored = dockerignore(opts.contextDir);
  const states = new Map<string, StageState>();
  for (const stage of df.stages) {
    const root = join(opts.workDir, stage.name);
    const base = states.get(stage.from);
    mkdirSync(root, { recursive: true });
    if (base) linkCopy(base.root, root);
    const state: StageState = base ? { ...structuredClone(base), root } : { root, workdir: "/", env: {}, expose: [] };
    const inRoot = (p: string) => join(root, posix.resolve(state.workdir, p));

    for (const ins of stage.instructions) {
      switch (ins.keyword) {
        case "WORKDIR":
          state.workdir = posix.resolve(state.workdir, ins.args);
          mkdirSync(inRoot("."), { recursive: true });
          break;
        case "ENV":
          Object.assign(state.env, envPairs(ins.args));
          break;
        case "ARG":
          break;
        case "USER":
          state.user = ins.args;
          break;
        case "EXPOSE":
          state.expose.push(...ins.args.split(/\s+/));
          break;
        case "HEALTHCHECK":
          state.healthcheck = ins.args.replace(/^(--\S+\s+)*CMD\s+/, "");
          break;
        case "CMD":
          state.cmd = JSON.parse(ins.args) as string[];
          break;
        case "COPY": {
          const { from, sources, dest } = copyParts(ins.args);
          const fromRoot = from === undefined ? opts.contextDir : states.get(from)?.root;
          if (!fromRoot) throw new Error(`line ${ins.line}: COPY --from=${from}: no such stage`);
          const intoDir = dest.endsWith("/") || sources.length > 1;
          for (const src of sources) {
            const path = join(fromRoot, src);
            const isDir = lstatSync(path).isDirectory();
            const target = intoDir && !isDir ? join(inRoot(dest), basename(src)) : inRoot(dest);
            mkdirSync(isDir ? target : dirname(target), { recursive: true });
            if (from === undefined) {
              cpSync(path, target, { recursive: true, verbatimSymlinks: true, filter: (p) => p === path || !ignored(relative(opts.contextDir, p)) });
            } else {
              linkCopy(path, target);
            }
          }
          opts.log(`COPY ${ins.args}`);
          break;
        }
        case "RUN": {
          // Absolute paths would name the host's files, not the stage's.
          if (/(^|\s)\//.test(ins.args)) throw new Error(`line ${ins.line}: RUN with an absolute path cannot be replayed: ${ins.args}`);
          await run(ins.args, inRoot("."), { ...opts.runEnv, ...state.env }, opts.log);
          break;
        }
        default:
          throw new Error(`line ${ins.line}: ${ins.keyword} is not replayed`);
      }
    }
    states.set(stage.name, state);
  }
  return states;
}

/**
 * The environment of the image's CMD, with ENV values that name files of the image (absolute paths
 * that exist in the replayed root) pointed at the replayed root.
 */
export function runtimeEnv(state: StageState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.env)) env[k] = v.startsWith("/") && existsSync(join(state.root, v)) ? join(state.root, v) : v;
  return env;
}
