/**
 * The model repository on disk (docs/model-contract.md, "Model repository"):
 * `<dir>/<name>/config.json` names the versions served and the default one;
 * `<dir>/<name>/<version>/manifest.json` + `model.onnx` hold one version.
 * Reads and verifies files; knows nothing of sessions. Reasons name files relative to the repository,
 * never the server's paths.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { checkFeatures, GRAPH_FILE, ManifestSchema, type Manifest } from "./manifest.js";

export const MODEL_NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;
export const CONFIG_FILE = "config.json";
export const MANIFEST_FILE = "manifest.json";

export const ModelConfigSchema = z
  .strictObject({
    name: z.string().regex(MODEL_NAME_RE),
    versions: z.array(z.number().int().positive()).min(1, "at least one served version"),
    default_version: z.number().int().positive(),
  })
  .refine((c) => c.versions.includes(c.default_version), { message: "default_version must be one of versions", path: ["default_version"] });

export type ModelConfig = z.output<typeof ModelConfigSchema>;

/** One version's verified files. */
export interface VersionFiles {
  manifest: Manifest;
  bytes: Buffer;
  sha256: string;
}

function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.join(".") || "(root)"}: ${i.message}` : "invalid";
}

async function readJson(path: string, label: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch {
    throw new Error(`${label} not found`);
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new Error(`${label} is not valid JSON (${(e as Error).message})`);
  }
}

export class ModelRepository {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** Names of the model directories that hold a config.json. */
  async names(): Promise<string[]> {
    let entries: string[];
    try {
      entries = await readdir(this.dir);
    } catch {
      return [];
    }
    const names: string[] = [];
    for (const name of entries.filter((e) => MODEL_NAME_RE.test(e)).sort()) {
      try {
        if ((await readdir(join(this.dir, name))).includes(CONFIG_FILE)) names.push(name);
      } catch {
        /* a file, not a model directory */
      }
    }
    return names;
  }

  async config(name: string): Promise<ModelConfig> {
    const label = `${name}/${CONFIG_FILE}`;
    const parsed = ModelConfigSchema.safeParse(await readJson(join(this.dir, name, CONFIG_FILE), label));
    if (!parsed.success) throw new Error(`${label} is invalid: ${firstIssue(parsed.error)}`);
    if (parsed.data.name !== name) throw new Error(`${label} names model '${parsed.data.name}'`);
    return parsed.data;
  }

  /** The manifest and graph of one version, checked against each other and the API's feature builder. */
  async read(name: string, version: number): Promise<VersionFiles> {
    const label = `${name}/${version}/${MANIFEST_FILE}`;
    const parsed = ManifestSchema.safeParse(await readJson(join(this.dir, name, String(version), MANIFEST_FILE), label));
    if (!parsed.success) throw new Error(`${label} is invalid: ${firstIssue(parsed.error)}`);
    const manifest = parsed.data;
    if (manifest.name !== name) throw new Error(`${label} names model '${manifest.name}'`);
    if (manifest.version !== version) throw new Error(`${label} says version ${manifest.version}`);
    checkFeatures(manifest);
    const graph = `${name}/${version}/${GRAPH_FILE}`;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.dir, name, String(version), GRAPH_FILE));
    } catch {
      throw new Error(`${graph} not found`);
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== manifest.onnx.sha256) {
      throw new Error(`sha256 mismatch for ${graph}: manifest says ${manifest.onnx.sha256}, file is ${sha256}`);
    }
    return { manifest, bytes, sha256 };
  }
}
