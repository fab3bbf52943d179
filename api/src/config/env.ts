/**
 * Configuration: every setting comes from an environment variable, validated with zod at start-up.
 * A bad value throws a ConfigError naming the variable; server.ts prints it and exits 1.
 */
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const here = dirname(fileURLToPath(import.meta.url));

/** The api package root (works from src/config and from dist/config). */
export const API_ROOT = resolve(here, "..", "..");
/** The monorepo root. */
export const REPO_ROOT = resolve(API_ROOT, "..");
/** The model repository: <name>/config.json and <name>/<version>/{model.onnx, manifest.json} (docs/model-contract.md). */
export const DEFAULT_MODELS_DIR = resolve(REPO_ROOT, "models", "repository");
export const DEFAULT_EVAL_PATH = resolve(REPO_ROOT, "models", "reports", "eval.json");

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** "1mb", "512kb", "1048576" -> bytes. */
export function parseByteSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? "b").toLowerCase();
  const mult = unit === "gb" ? 1024 ** 3 : unit === "mb" ? 1024 ** 2 : unit === "kb" ? 1024 : 1;
  const bytes = Math.floor(n * mult);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

const intIn = (min: number, max: number, def: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? def);

const onOff = (def: boolean) =>
  z
    .enum(["on", "off", "true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? def : v === "on" || v === "true" || v === "1"));

const byteSize = (def: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return def;
      const n = parseByteSize(v);
      if (n === undefined || n < 1024) {
        ctx.addIssue({ code: "custom", message: 'must be a size of at least 1kb such as "64mb", "512kb" or a byte count' });
        return z.NEVER;
      }
      return n;
    });

/** The dashboard's default origins (DASHBOARD_HOST 127.0.0.1, DASHBOARD_PORT 3000). */
export const DEFAULT_CORS_ORIGINS = ["http://127.0.0.1:3000", "http://localhost:3000"];

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

export const EnvSchema = z.object({
  PORT: intIn(0, 65535, 8000),
  HOST: z.string().trim().min(1).optional().default("127.0.0.1"),
  MODELS_DIR: z
    .string()
    .trim()
    .min(1)
    .optional()
    .transform((v) => (v ? resolve(v) : DEFAULT_MODELS_DIR)),
  EVAL_PATH: z
    .string()
    .trim()
    .min(1)
    .optional()
    .transform((v) => (v ? resolve(v) : DEFAULT_EVAL_PATH)),
  /** Most nodes in one network (a 10,000-node network is ~2 MB of JSON). */
  MAX_NODES: intIn(2, 100_000, 10_000),
  MAX_BATCH: intIn(1, 100_000, 1024),
  /** Most nodes over all networks of one /batch-predict request (edges: 4 per node of it). */
  MAX_BATCH_NODES: intIn(2, 10_000_000, 10_000),
  /** Bytes of request bodies being read, parsed, validated and served at once; past it 503 + Retry-After. */
  BODY_BUDGET: byteSize(32 * 1024 * 1024),
  /** Request bodies in progress at once; past it 503 + Retry-After. */
  BODY_CONCURRENCY: intIn(1, 100_000, 256),
  /** Origins a browser may call the API from; the dashboard's by default, * for any. */
  CORS_ORIGINS: csv.transform((list) => (list.length === 0 ? DEFAULT_CORS_ORIGINS : list)),
  API_KEYS: csv,
  /** Host names requests may be addressed to (DNS rebinding); "*" any. Default below, from HOST. */
  ALLOWED_HOSTS: csv,
  /** With API_KEYS set: on leaves /metrics open (scrapers without a key), off makes it need a key. */
  METRICS_PUBLIC: onOff(true),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional().default("info"),
  ORT_INTRA_OP_THREADS: intIn(0, 64, 1),
  /** Intra-op threads of a second session used for large runs (B * N >= 2048 nodes); <= ORT_INTRA_OP_THREADS turns it off. */
  ORT_BATCH_THREADS: intIn(0, 64, 2),
  /** Single predictions arriving in the same event-loop turn share one ONNX run ("on"/"off"). */
  MICROBATCH: onOff(true),
  /** Max networks in one ONNX run (micro-batches and /batch-predict chunks). */
  MAX_RUN_BATCH: intIn(1, 100_000, 1024),
  /** node:cluster workers behind one port; 1 serves from a single process. */
  WORKERS: intIn(1, 256, availableParallelism()),
  /** After SIGTERM/SIGINT: /ready answers 503 and the listener keeps accepting for this long. */
  SHUTDOWN_GRACE_MS: intIn(0, 600_000, 5_000),
  /** After the grace period: how long in-flight requests may take before the process exits 1. */
  SHUTDOWN_TIMEOUT_MS: intIn(0, 600_000, 10_000),
  /** Node's http.Server timeouts and connection cap (per worker). */
  HEADERS_TIMEOUT_MS: intIn(1_000, 600_000, 10_000),
  REQUEST_TIMEOUT_MS: intIn(1_000, 3_600_000, 60_000),
  KEEP_ALIVE_TIMEOUT_MS: intIn(0, 600_000, 5_000),
  MAX_CONNECTIONS: intIn(1, 1_000_000, 4_096),
  /** Inference requests admitted at once per worker (queued or running); more get a 503. */
  MAX_QUEUE: intIn(1, 1_000_000, 512),
  /** An inference request not answered this long after admission gets a 503. */
  REQUEST_DEADLINE_MS: intIn(1, 600_000, 10_000),
  /** Most scored tasks in one /simulate episode. */
  SIM_MAX_TASKS: intIn(1, 1_000_000, 5000),
  /** Most (warm-up tasks + tasks x policies) x nodes in one /simulate request (each placement evaluates every node). */
  SIM_MAX_WORK: intIn(1, 1_000_000_000, 5_000_000),
  /** Most tasks x nodes for the planner (each of its decisions is 480 rollout steps over every node). */
  SIM_MAX_PLANNER_WORK: intIn(0, 1_000_000_000, 250_000),
});

type ParsedEnv = z.output<typeof EnvSchema>;
export type Config = ParsedEnv;

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]", "::1"];
/** A loopback bind allows the loopback names; any other bind (0.0.0.0 in a container) any name. */
function defaultAllowedHosts(host: string): string[] {
  return LOOPBACK.includes(host) || host.startsWith("127.") ? ["127.0.0.1", "localhost", "[::1]", ...(LOOPBACK.includes(host) ? [] : [host])] : ["*"];
}

export class ConfigError extends Error {
  constructor(public readonly problems: { name: string; message: string }[]) {
    super(
      "Invalid configuration:\n" + problems.map((p) => `  ${p.name}: ${p.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Validate the environment. Empty strings count as "not set". Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    input[key] = v === undefined || v === "" ? undefined : v;
  }
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        name: String(i.path[0] ?? "env"),
        message: `${i.message} (got ${JSON.stringify(input[String(i.path[0])] ?? null)})`,
      })),
    );
  }
  const config = parsed.data;
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS) {
    // node:http refuses this pair at start-up; say which setting to change.
    throw new ConfigError([
      { name: "HEADERS_TIMEOUT_MS", message: `must not exceed REQUEST_TIMEOUT_MS (${config.REQUEST_TIMEOUT_MS}) (got ${config.HEADERS_TIMEOUT_MS})` },
    ]);
  }
  if (config.ALLOWED_HOSTS.length === 0) config.ALLOWED_HOSTS = defaultAllowedHosts(config.HOST);
  return config;
}

/** The config used by tests and tools: defaults plus overrides. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ LOG_LEVEL: "silent", ...overrides });
}
