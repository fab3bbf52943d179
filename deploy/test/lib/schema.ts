/**
 * Schema validation of one Kubernetes object: the kubernetes-models class of its apiVersion and
 * kind (the Kubernetes OpenAPI schemas, compiled), or, for KEDA's ScaledObject (a CRD that neither
 * kubernetes-models nor any installed @kubernetes-models package covers), the fields of KEDA's
 * documented keda.sh/v1alpha1 schema, checked here.
 *
 * kubernetes-models checks types, enums, formats and required fields; it does not reject unknown
 * fields (the API server's strict field validation does), so a misspelt optional field passes it.
 */
import type { K8sObject } from "./manifests.js";

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: object) => Validatable;

/** "apps/v1" + "Deployment" -> kubernetes-models/apps/v1/Deployment; core "v1" -> kubernetes-models/v1/<Kind>. */
async function modelClass(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  if (!/^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z]+$/.test(kind)) return undefined;
  try {
    const mod = (await import(/* @vite-ignore */ `kubernetes-models/${apiVersion}/${kind}`)) as Record<string, ModelClass>;
    return mod[kind];
  } catch {
    return undefined;
  }
}

/** Schema errors of one object; empty when it is valid. Throws for a kind nothing here can validate. */
export async function schemaErrors(obj: K8sObject): Promise<string[]> {
  if (obj.apiVersion === "keda.sh/v1alpha1" && obj.kind === "ScaledObject") return scaledObjectErrors(obj);
  if (obj.apiVersion === "serving.kserve.io/v1beta1" && obj.kind === "InferenceService") return inferenceServiceErrors(obj);
  const Model = await modelClass(String(obj.apiVersion), String(obj.kind));
  if (!Model) throw new Error(`no schema for ${obj.apiVersion} ${obj.kind}`);
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

type Check = (value: unknown, path: string, errors: string[]) => void;

const is =
  (type: "string" | "integer" | "boolean", extra?: (v: never) => string | undefined): Check =>
  (value, path, errors) => {
    const ok = type === "integer" ? Number.isInteger(value) : typeof value === type;
    if (!ok) return void errors.push(`${path} must be ${type === "integer" ? "an integer" : `a ${type}`}`);
    const problem = extra?.(value as never);
    if (problem) errors.push(`${path} ${problem}`);
  };
const nonNegative = is("integer", (v: number) => (v < 0 ? "must be >= 0" : undefined));
const oneOf = (...values: string[]) => is("string", (v: string) => (values.includes(v) ? undefined : `must be one of ${values.join(", ")}`));

/** An object with these fields (and no others); `required` lists the mandatory ones. */
function object(fields: Record<string, Check>, required: string[] = []): Check {
  return (value, path, errors) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return void errors.push(`${path} must be an object`);
    const v = value as Record<string, unknown>;
    for (const key of required) if (v[key] === undefined) errors.push(`${path}.${key} is required`);
    for (const [key, field] of Object.entries(v)) {
      const check = fields[key];
      if (!check) errors.push(`${path}.${key} is not a field of the schema`);
      else check(field, `${path}.${key}`, errors);
    }
  };
}
const map = (values: Check): Check => (value, path, errors) => {
  if (!value || typeof value !== "object" || Array.isArray(value)) return void errors.push(`${path} must be an object`);
  for (const [key, v] of Object.entries(value)) values(v, `${path}.${key}`, errors);
};
const array = (items: Check, minItems = 0): Check => (value, path, errors) => {
  if (!Array.isArray(value)) return void errors.push(`${path} must be an array`);
  if (value.length < minItems) errors.push(`${path} needs at least ${minItems} item(s)`);
  value.forEach((item, i) => items(item, `${path}[${i}]`, errors));
};
const anything: Check = () => {};

/**
 * keda.sh/v1alpha1 ScaledObject, from KEDA's reference (keda.sh/docs/latest/reference/scaledobject-spec
 * and the scalers' pages). Trigger metadata values are strings in the CRD; the prometheus and cpu
 * scalers' keys are checked since those are the ones used here.
 */
const trigger: Check = (value, path, errors) => {
  object(
    {
      type: is("string"),
      name: is("string"),
      metadata: map(is("string")),
      metricType: oneOf("AverageValue", "Value", "Utilization"),
      useCachedMetrics: is("boolean"),
      authenticationRef: object({ name: is("string"), kind: oneOf("TriggerAuthentication", "ClusterTriggerAuthentication") }, ["name"]),
    },
    ["type", "metadata"],
  )(value, path, errors);
  const t = value as { type?: string; metadata?: Record<string, unknown>; metricType?: string };
  const keys = Object.keys(t.metadata ?? {});
  const need = (required: string[], allowed: string[]) => {
    for (const k of required) if (!keys.includes(k)) errors.push(`${path}.metadata.${k} is required by the ${t.type} scaler`);
    for (const k of keys) if (!allowed.includes(k)) errors.push(`${path}.metadata.${k} is not a ${t.type} scaler field`);
  };
  if (t.type === "prometheus") {
    need(
      ["serverAddress", "query", "threshold"],
      ["serverAddress", "query", "threshold", "activationThreshold", "namespace", "customHeaders", "ignoreNullValues", "queryParameters", "unsafeSsl", "timeout"],
    );
    if (t.metadata?.threshold !== undefined && !(Number(t.metadata.threshold) > 0)) errors.push(`${path}.metadata.threshold must be a number > 0`);
  } else if (t.type === "cpu" || t.type === "memory") {
    need(["value"], ["value", "containerName"]);
    if (t.metricType === undefined) errors.push(`${path}.metricType is required by the ${t.type} scaler`);
  } else {
    errors.push(`${path}.type ${String(t.type)}: only the prometheus, cpu and memory scalers are checked here`);
  }
};

const scaledObjectSpec = object(
  {
    scaleTargetRef: object({ name: is("string"), apiVersion: is("string"), kind: is("string"), envSourceContainerName: is("string") }, ["name"]),
    pollingInterval: nonNegative,
    cooldownPeriod: nonNegative,
    initialCooldownPeriod: nonNegative,
    idleReplicaCount: nonNegative,
    minReplicaCount: nonNegative,
    maxReplicaCount: nonNegative,
    fallback: object({ failureThreshold: nonNegative, replicas: nonNegative, behavior: is("string") }, ["failureThreshold", "replicas"]),
    advanced: object({
      restoreToOriginalReplicaCount: is("boolean"),
      horizontalPodAutoscalerConfig: object({ name: is("string"), behavior: anything }),
      scalingModifiers: anything,
    }),
    triggers: array(trigger, 1),
  },
  ["scaleTargetRef", "triggers"],
);

const scaledObject = object(
  {
    apiVersion: is("string"),
    kind: is("string"),
    metadata: object({ name: is("string"), namespace: is("string"), labels: map(is("string")), annotations: map(is("string")) }, ["name"]),
    spec: scaledObjectSpec,
  },
  ["metadata", "spec"],
);

export function scaledObjectErrors(obj: unknown): string[] {
  const errors: string[] = [];
  scaledObject(obj, "ScaledObject", errors);
  const spec = (obj as K8sObject).spec as { minReplicaCount?: number; maxReplicaCount?: number } | undefined;
  if (spec?.minReplicaCount !== undefined && spec.maxReplicaCount !== undefined && spec.minReplicaCount > spec.maxReplicaCount) {
    errors.push("ScaledObject.spec.minReplicaCount exceeds maxReplicaCount");
  }
  return errors;
}

const coreModels = { Container: (await modelClass("v1", "Container"))!, Volume: (await modelClass("v1", "Volume"))! };

/** A core/v1 type (Container, Volume) validated with its kubernetes-models class. */
function coreType(kind: keyof typeof coreModels): Check {
  return (value, path, errors) => {
    try {
      new coreModels[kind](value as object).validate();
    } catch (e) {
      errors.push(`${path}: ${(e as Error).message}`);
    }
  };
}

/**
 * serving.kserve.io/v1beta1 InferenceService with a custom predictor, from KServe's API reference
 * (the v1beta1 PredictorSpec fields used by custom containers); its containers and volumes are core
 * Kubernetes types, validated with kubernetes-models.
 */
const inferenceService = object(
  {
    apiVersion: is("string"),
    kind: is("string"),
    metadata: object({ name: is("string"), namespace: is("string"), labels: map(is("string")), annotations: map(is("string")) }, ["name"]),
    spec: object(
      {
        predictor: object({
          minReplicas: nonNegative,
          maxReplicas: nonNegative,
          scaleTarget: nonNegative,
          scaleMetric: oneOf("cpu", "memory", "concurrency", "rps"),
          containerConcurrency: nonNegative,
          timeout: nonNegative,
          canaryTrafficPercent: nonNegative,
          serviceAccountName: is("string"),
          containers: array(coreType("Container"), 1),
          volumes: array(coreType("Volume")),
        }),
      },
      ["predictor"],
    ),
  },
  ["metadata", "spec"],
);

export function inferenceServiceErrors(obj: unknown): string[] {
  const errors: string[] = [];
  inferenceService(obj, "InferenceService", errors);
  const containers = ((obj as K8sObject).spec?.predictor?.containers ?? []) as { name?: string }[];
  if (containers.length > 0 && !containers.some((c) => c.name === "kserve-container")) {
    errors.push("InferenceService.spec.predictor.containers: a custom predictor's serving container is named kserve-container");
  }
  return errors;
}
