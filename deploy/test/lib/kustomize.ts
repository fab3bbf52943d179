/**
 * Renders a kustomization without kubectl, for the fields deploy/k8s uses (readKustomization refuses
 * any other): resources (files and bases), namespace, labels without selectors, images, and strategic
 * merge patches from files, where lists of named objects (containers, env, volumes, volumeMounts)
 * merge by name and `$patch: delete` removes the target. Where kubectl is installed, the tests check
 * that this gives what `kubectl kustomize` gives, so CI machines without kubectl still check every
 * overlay's result.
 */
import { objectId, readDocs, readKustomization, type K8sObject } from "./manifests.js";

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNamedList = (v: Json): v is Record<string, Json>[] => Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.name === "string");

/** Strategic merge of patch into base (a new value; neither argument is changed). */
export function strategicMerge(base: Json, patch: Json): Json {
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, Json> = structuredClone(base);
    for (const [k, v] of Object.entries(patch)) out[k] = k in base ? strategicMerge(base[k], v) : structuredClone(v);
    return out;
  }
  if (isNamedList(base) && isNamedList(patch)) {
    const out = base.map((item) => {
      const p = patch.find((x) => x.name === item.name);
      return p ? strategicMerge(item, p) : structuredClone(item);
    });
    return [...patch.filter((p) => !base.some((b) => b.name === p.name)).map((p) => structuredClone(p)), ...out];
  }
  return structuredClone(patch);
}

const CLUSTER_SCOPED = new Set(["Namespace", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass", "CustomResourceDefinition"]);

/** Every container list in an object, wherever it sits (pod templates, KServe predictors). */
function containerLists(node: Json, found: Record<string, Json>[][] = []): Record<string, Json>[][] {
  if (Array.isArray(node)) node.forEach((n) => containerLists(n, found));
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if ((k === "containers" || k === "initContainers") && Array.isArray(v)) found.push(v as Record<string, Json>[]);
      else containerLists(v, found);
    }
  }
  return found;
}

export function renderKustomization(dir: string): K8sObject[] {
  const k = readKustomization(dir);
  let objects: K8sObject[] = [
    ...k.bases.flatMap((b) => renderKustomization(b)),
    ...k.files.flatMap((f) => readDocs(f).map((d) => structuredClone(d.object))),
  ];

  for (const path of k.patches) {
    for (const { object: patch } of readDocs(path)) {
      const id = objectId(patch);
      const i = objects.findIndex((o) => objectId(o) === id);
      if (i < 0) throw new Error(`${path}: no ${id} to patch`);
      if (patch.$patch === "delete") objects.splice(i, 1);
      else objects[i] = strategicMerge(objects[i], patch) as K8sObject;
    }
  }

  const spec = k.spec as { namespace?: string; labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[]; images?: { name: string; newName?: string; newTag?: string }[] };
  for (const set of spec.labels ?? []) {
    if (set.includeSelectors) throw new Error(`${dir}: labels with includeSelectors are not rendered here`);
    for (const o of objects) o.metadata.labels = { ...o.metadata.labels, ...set.pairs };
  }
  if (spec.namespace) {
    objects = objects.map((o) => (CLUSTER_SCOPED.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace: spec.namespace! } }));
  }
  for (const image of spec.images ?? []) {
    for (const list of objects.flatMap((o) => containerLists(o))) {
      for (const c of list) {
        const [, name, tag] = /^([^:@]+)(?::([^@]+))?/.exec(String(c.image)) ?? [];
        if (name === image.name) c.image = `${image.newName ?? name}:${image.newTag ?? tag ?? "latest"}`;
      }
    }
  }
  return objects;
}

/** Named lists sorted by name and objects by id: the order kustomize emits them in is not part of the result. */
export function normalized(objects: K8sObject[]): K8sObject[] {
  const sortNamed = (v: Json): Json =>
    isNamedList(v)
      ? v.map(sortNamed).sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name)))
      : Array.isArray(v)
        ? v.map(sortNamed)
        : isObject(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sortNamed(x)]))
          : v;
  return objects.map((o) => sortNamed(o) as K8sObject).sort((a, b) => objectId(a).localeCompare(objectId(b)));
}

