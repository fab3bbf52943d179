/**
 * deploy/k8s: every YAML document parses and passes its schema; every kustomization's references
 * exist and, rendered, its objects refer to each other correctly. The last block feeds broken
 * manifests to the same checks, so they are shown to fail.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { crossReferenceErrors } from "./lib/crossref.js";
import {
  declaredObjects,
  envFileKeys,
  kubectlAvailable,
  kustomizationDirs,
  orphanPatches,
  parseDocs,
  readDocs,
  readObject,
  readKustomization,
  render,
  yamlFiles,
  type K8sObject,
} from "./lib/manifests.js";
import { normalized, renderKustomization, strategicMerge } from "./lib/kustomize.js";
import { inferenceServiceErrors, schemaErrors, scaledObjectErrors } from "./lib/schema.js";
import { K8S_DIR, REPO_ROOT } from "./helpers/repo.js";

const ENV_KEYS = envFileKeys(join(REPO_ROOT, ".env.example"));
const KUSTOMIZATIONS = kustomizationDirs(K8S_DIR);
const PATCH_FILES = new Set(KUSTOMIZATIONS.flatMap((d) => readKustomization(d).patches));
const RESOURCE_FILES = yamlFiles(K8S_DIR).filter((f) => !f.endsWith("/kustomization.yaml") && !PATCH_FILES.has(f));
const rel = (p: string) => relative(K8S_DIR, p);

describe("deploy/k8s files", () => {
  it("has the base and overlays, and every YAML file is a kustomization, a resource or a patch of one", () => {
    expect(KUSTOMIZATIONS.map(rel).sort()).toEqual(["base", "overlays/example", "overlays/keda", "overlays/kserve", "overlays/models-volume"]);
    const listed = new Set(KUSTOMIZATIONS.flatMap((d) => readKustomization(d).files));
    expect(RESOURCE_FILES.filter((f) => !listed.has(f)).map(rel)).toEqual([]);
  });

  it.each(RESOURCE_FILES.map((f) => [rel(f), f]))("%s: every document passes the Kubernetes schema", async (_name, file) => {
    const docs = readDocs(file);
    expect(docs.length).toBeGreaterThan(0);
    for (const { object, index } of docs) {
      expect({ document: index, errors: await schemaErrors(object) }).toEqual({ document: index, errors: [] });
    }
  });

  it.each(KUSTOMIZATIONS.map((d) => [rel(d), d]))("%s: listed files exist and every patch targets a declared object", (_name, dir) => {
    expect(() => readKustomization(dir)).not.toThrow();
    expect(orphanPatches(dir)).toEqual([]);
  });
});

describe("each kustomization, rendered", () => {
  it.each(KUSTOMIZATIONS.map((d) => [rel(d), d]))("%s: every object passes its schema and the cross-references hold", async (_name, dir) => {
    const objects = renderKustomization(dir);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      const id = `${object.kind}/${object.metadata.name}`;
      expect({ object: id, errors: await schemaErrors(object) }).toEqual({ object: id, errors: [] });
    }
    expect(crossReferenceErrors(objects, ENV_KEYS)).toEqual([]);
  });

  it("the overlays change what they say they change", () => {
    const example = renderKustomization(join(K8S_DIR, "overlays/example"));
    const namespaced = example.filter((o) => o.kind !== "Namespace");
    expect(namespaced.filter((o) => o.metadata.namespace !== "edge-placement").map((o) => o.kind)).toEqual([]);
    expect(example.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name)).toEqual(["edge-placement"]);
    const api = example.find((o) => o.kind === "Deployment" && o.metadata.name === "edge-placement-api")!;
    expect(api.spec.template.spec.containers[0].image).toBe("registry.example.com/edge-placement-api:1.0.0");
    expect(example.find((o) => o.kind === "HorizontalPodAutoscaler")!.spec).toMatchObject({ minReplicas: 3, maxReplicas: 20 });

    const keda = renderKustomization(join(K8S_DIR, "overlays/keda"));
    expect(keda.filter((o) => o.kind === "HorizontalPodAutoscaler")).toEqual([]);
    expect(keda.filter((o) => o.kind === "ScaledObject")).toHaveLength(1);

    const [isvc] = renderKustomization(join(K8S_DIR, "overlays/kserve"));
    expect(isvc!.spec.predictor.containers[0].image).toBe("registry.example.com/edge-placement-api:1.0.0");

    const volume = renderKustomization(join(K8S_DIR, "overlays/models-volume"));
    const container = volume.find((o) => o.kind === "Deployment" && o.metadata.name === "edge-placement-api")!.spec.template.spec.containers[0];
    expect(container.env).toContainEqual({ name: "MODELS_DIR", value: "/models" });
    expect(container.volumeMounts).toContainEqual({ name: "models", mountPath: "/models", readOnly: true });
    // The base's settings survive the patch (strategic merge by name).
    expect(container.volumeMounts).toContainEqual({ name: "tmp", mountPath: "/tmp" });
    expect(container.env).toContainEqual({ name: "WORKERS", value: "1" });
  });
});

// This machine has kubectl; where it is missing (a clean CI machine) the renderer above is what checks the overlays.
describe.skipIf(!kubectlAvailable())("kubectl kustomize", () => {
  it.each(KUSTOMIZATIONS.map((d) => [rel(d), d]))("%s: gives what the renderer above gives", (_name, dir) => {
    expect(normalized(renderKustomization(dir))).toEqual(normalized(render(dir)));
  });
});

/** The base's objects as declared (no kubectl needed). */
function baseObjects(): K8sObject[] {
  return declaredObjects(join(K8S_DIR, "base")).map((d) => structuredClone(d.object));
}
const find = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)!;

describe("the base as declared", () => {
  it("passes the cross-reference checks", () => {
    expect(crossReferenceErrors(baseObjects(), ENV_KEYS)).toEqual([]);
  });

  it("the API pod is non-root with a read-only root filesystem, probes /health and /ready, and outlives its drain", () => {
    const api = find(baseObjects(), "Deployment", "edge-placement-api").spec.template.spec;
    const c = api.containers[0];
    expect(c.livenessProbe.httpGet.path).toBe("/health");
    expect(c.readinessProbe.httpGet.path).toBe("/ready");
    expect(c.startupProbe.httpGet.path).toBe("/health");
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
    expect(api.securityContext.runAsNonRoot).toBe(true);
    const cm = find(baseObjects(), "ConfigMap", "edge-placement-api-env");
    expect(api.terminationGracePeriodSeconds * 1000).toBeGreaterThan(Number(cm.data.SHUTDOWN_TIMEOUT_MS));
  });
});

describe("the KServe example", () => {
  it("runs the API's image with the base Deployment's port, resources and security settings, ready on the v2 protocol", () => {
    const isvc = readObject(join(K8S_DIR, "overlays/kserve/inferenceservice.yaml"));
    const predictor = isvc.spec.predictor.containers[0];
    const api = find(baseObjects(), "Deployment", "edge-placement-api").spec.template.spec.containers[0];
    expect(predictor.image).toBe(api.image);
    expect(predictor.ports.map((p: { containerPort: number }) => p.containerPort)).toEqual(api.ports.map((p: { containerPort: number }) => p.containerPort));
    expect(predictor.readinessProbe.httpGet).toEqual({ path: "/v2/health/ready", port: api.ports[0].containerPort });
    expect(predictor.resources).toEqual(api.resources);
    expect(predictor.securityContext).toMatchObject(api.securityContext);
    expect(predictor.env).toContainEqual({ name: "WORKERS", value: "1" });
  });
});

describe("the renderer's strategic merge", () => {
  it("merges maps, merges named lists by name (new items first, as kustomize does), replaces other lists", () => {
    const base = { spec: { replicas: 2, env: [{ name: "A", value: "1" }, { name: "B", value: "2" }], args: ["x", "y"] } };
    const patch = { spec: { env: [{ name: "B", value: "3" }, { name: "C", value: "4" }], args: ["z"] } };
    expect(strategicMerge(base, patch)).toEqual({
      spec: { replicas: 2, env: [{ name: "C", value: "4" }, { name: "A", value: "1" }, { name: "B", value: "3" }], args: ["z"] },
    });
    expect(base.spec.env).toHaveLength(2);
  });
});

describe("broken manifests are rejected", () => {
  it("a schema error: a port that is not an integer, a missing selector", async () => {
    const objects = baseObjects();
    const api = find(objects, "Deployment", "edge-placement-api");
    api.spec.template.spec.containers[0].ports[0].containerPort = "8000x";
    expect((await schemaErrors(api)).join()).toMatch(/containerPort must be integer/);
    delete api.spec.selector;
    expect((await schemaErrors(api)).join()).toMatch(/selector/);
  });

  it("a document that is not YAML, and a kind nothing validates", async () => {
    expect(() => parseDocs("kind: Service\n  metadata: [", "broken.yaml")).toThrow(/broken.yaml/);
    await expect(schemaErrors({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } })).rejects.toThrow(/no schema/);
  });

  it("a KEDA ScaledObject without a query, with an unknown field, or a trigger metadata value that is not a string", () => {
    const object = readObject(join(K8S_DIR, "overlays/keda/scaledobject.yaml"));
    expect(scaledObjectErrors(object)).toEqual([]);
    const broken = structuredClone(object);
    delete broken.spec.triggers[0].metadata.query;
    broken.spec.maxReplicas = 3;
    broken.spec.triggers[0].metadata.threshold = 400;
    expect(scaledObjectErrors(broken)).toEqual([
      "ScaledObject.spec.triggers[0].metadata.threshold must be a string",
      "ScaledObject.spec.triggers[0].metadata.query is required by the prometheus scaler",
      "ScaledObject.spec.maxReplicas is not a field of the schema",
    ]);
  });

  it("an InferenceService whose container breaks the core Container schema, or without kserve-container", () => {
    const isvc = readObject(join(K8S_DIR, "overlays/kserve/inferenceservice.yaml"));
    expect(inferenceServiceErrors(isvc)).toEqual([]);
    const broken = structuredClone(isvc);
    broken.spec.predictor.containers[0].name = "api";
    broken.spec.predictor.containers[0].ports[0].containerPort = "8000";
    broken.spec.predictor.replicas = 2;
    const errors = inferenceServiceErrors(broken);
    expect(errors[0]).toMatch(/^InferenceService.spec.predictor.containers\[0\]: .*containerPort must be integer/);
    expect(errors.slice(1)).toEqual([
      "InferenceService.spec.predictor.replicas is not a field of the schema",
      "InferenceService.spec.predictor.containers: a custom predictor's serving container is named kserve-container",
    ]);
  });

  it("cross-references: a Service selecting nothing, a probe on a closed port, an HPA on a missing Deployment, an unknown setting, a short grace period", () => {
    const objects = baseObjects();
    find(objects, "Service", "edge-placement-api").spec.selector = { "app.kubernetes.io/name": "edge-placement-apl" };
    find(objects, "Deployment", "edge-placement-api").spec.template.spec.containers[0].readinessProbe.httpGet.port = "metrics";
    find(objects, "HorizontalPodAutoscaler", "edge-placement-api").spec.scaleTargetRef.name = "api";
    find(objects, "ConfigMap", "edge-placement-api-env").data.MODEL_DIR = "/models";
    find(objects, "Deployment", "edge-placement-api").spec.template.spec.terminationGracePeriodSeconds = 5;
    expect(crossReferenceErrors(objects, ENV_KEYS)).toEqual([
      "Deployment edge-placement-api container api: readinessProbe port metrics is not a container port",
      "Deployment edge-placement-api: terminationGracePeriodSeconds (5 s) must exceed SHUTDOWN_TIMEOUT_MS (10000 ms)",
      "ConfigMap edge-placement-api-env: MODEL_DIR is not a setting in .env.example",
      "Service edge-placement-api: selector matches no Deployment's pods",
      "HorizontalPodAutoscaler edge-placement-api: scaleTargetRef Deployment api is not a Deployment here",
    ]);
  });

  it("a writable root filesystem, and two autoscalers on one Deployment", () => {
    const objects = baseObjects();
    find(objects, "Deployment", "edge-placement-dashboard").spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false;
    const scaled = readObject(join(K8S_DIR, "overlays/keda/scaledobject.yaml"));
    expect(crossReferenceErrors([...objects, scaled], ENV_KEYS)).toEqual([
      "Deployment edge-placement-dashboard container dashboard: root filesystem must be read-only",
      "Deployment edge-placement-api has more than one autoscaler",
    ]);
  });

  it("a kustomization listing a missing file, or a patch aimed at an object it does not declare", () => {
    const dir = mkdtempSync(join(tmpdir(), "kustomization-"));
    try {
      const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
      write("patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: edge-placement-worker\nspec:\n  replicas: 3\n");
      write("kustomization.yaml", `resources:\n  - ${join(K8S_DIR, "base")}\npatches:\n  - path: patch.yaml\n`);
      expect(orphanPatches(dir)).toEqual(["patch.yaml: apps/v1/Deployment/edge-placement-worker"]);
      write("kustomization.yaml", `resources:\n  - ${join(K8S_DIR, "base")}\n  - ingress.yaml\n`);
      expect(() => readKustomization(dir)).toThrow(/lists ingress.yaml, which does not exist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
