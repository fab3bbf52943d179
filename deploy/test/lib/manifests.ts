/**
 * Reading deploy/k8s: every YAML file, its documents, the kustomizations and what they reference,
 * and the rendered output of each kustomization (`kubectl kustomize`, when kubectl is installed).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseAllDocuments } from "yaml";

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export interface YamlDoc {
  file: string;
  index: number;
  object: K8sObject;
}

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

/** Every document of a YAML stream; a syntax error or an empty document throws, naming the file. */
export function parseDocs(text: string, file: string): YamlDoc[] {
  return parseAllDocuments(text).map((doc, index) => {
    if (doc.errors.length > 0) throw new Error(`${file} document ${index}: ${doc.errors.map((e) => e.message).join("; ")}`);
    const object = doc.toJS() as K8sObject | null;
    if (!object || typeof object !== "object") throw new Error(`${file} document ${index} is empty`);
    return { file, index, object };
  });
}

export function readDocs(file: string): YamlDoc[] {
  return parseDocs(readFileSync(file, "utf8"), file);
}

/** The one object of a single-document file. */
export function readObject(file: string): K8sObject {
  const docs = readDocs(file);
  if (docs.length !== 1) throw new Error(`${file} has ${docs.length} documents, expected one`);
  return docs[0]!.object;
}

export interface Kustomization {
  dir: string;
  resources: string[];
  patches: string[];
  /** Kustomizations this one builds on (resources that are directories). */
  bases: string[];
  /** Resource files (not directories). */
  files: string[];
  spec: K8sObject;
}

/** The kustomization.yaml fields used here; any other field fails rather than being ignored. */
const KUSTOMIZATION_FIELDS = new Set(["apiVersion", "kind", "namespace", "labels", "resources", "images", "patches"]);

export function readKustomization(dir: string): Kustomization {
  const file = join(dir, "kustomization.yaml");
  const [doc] = readDocs(file);
  const spec = doc!.object;
  const unknown = Object.keys(spec).filter((k) => !KUSTOMIZATION_FIELDS.has(k));
  if (unknown.length > 0) throw new Error(`${file}: fields not handled by this test: ${unknown.join(", ")}`);
  const resources = ((spec.resources ?? []) as string[]).map((r) => resolve(dir, r));
  const patches = ((spec.patches ?? []) as { path?: string }[]).map((p) => {
    if (!p.path) throw new Error(`${file}: only file patches (path:) are used here`);
    return resolve(dir, p.path);
  });
  for (const path of [...resources, ...patches]) {
    if (!existsSync(path)) throw new Error(`${file} lists ${relative(dir, path)}, which does not exist`);
  }
  const bases = resources.filter((r) => statSync(r).isDirectory());
  for (const base of bases) {
    if (!existsSync(join(base, "kustomization.yaml"))) throw new Error(`${file}: ${relative(dir, base)} has no kustomization.yaml`);
  }
  return { dir, resources, patches, bases, files: resources.filter((r) => !bases.includes(r)), spec };
}

export function kustomizationDirs(root: string): string[] {
  return yamlFiles(root)
    .filter((f) => f.endsWith("/kustomization.yaml"))
    .map((f) => dirname(f));
}

/** The objects a kustomization declares before patching: its resource files and those of its bases. */
export function declaredObjects(dir: string): YamlDoc[] {
  const k = readKustomization(dir);
  return [...k.bases.flatMap((b) => declaredObjects(b)), ...k.files.flatMap((f) => readDocs(f))];
}

export const objectId = (o: Pick<K8sObject, "apiVersion" | "kind" | "metadata">) => `${o.apiVersion}/${o.kind}/${o.metadata?.name}`;

/**
 * Patches whose target (apiVersion, kind, name) is not declared by the kustomization's resources.
 * kustomize itself fails on these too; checked here without it.
 */
export function orphanPatches(dir: string): string[] {
  const k = readKustomization(dir);
  const ids = new Set(declaredObjects(dir).map((d) => objectId(d.object)));
  return k.patches.flatMap((p) =>
    readDocs(p)
      .filter((d) => !ids.has(objectId(d.object)))
      .map((d) => `${relative(dir, p)}: ${objectId(d.object)}`),
  );
}

export function kubectlAvailable(): boolean {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** `kubectl kustomize <dir>`: the objects the kustomization applies. */
export function render(dir: string): K8sObject[] {
  const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return parseDocs(out, `kubectl kustomize ${dir}`).map((d) => d.object);
}

/** KEY=value and commented "# KEY=value" lines of an env file: the settings it documents. */
export function envFileKeys(file: string): Set<string> {
  const keys = readFileSync(file, "utf8")
    .split("\n")
    .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((k): k is string => k !== undefined);
  return new Set(keys);
}
