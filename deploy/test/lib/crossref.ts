/**
 * Checks between the objects of one rendered kustomization, the mistakes a schema cannot see: a
 * Service or policy whose selector matches no pods, a probe on a port the container does not open,
 * an autoscaler aimed at a missing Deployment, a ConfigMap key the API does not read.
 */
import type { K8sObject } from "./manifests.js";

interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string }[];
  envFrom?: { configMapRef?: { name: string } }[];
  [probe: string]: unknown;
}

const PROBES = ["startupProbe", "livenessProbe", "readinessProbe"] as const;

const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function podLabels(d: K8sObject): Record<string, string> {
  return d.spec?.template?.metadata?.labels ?? {};
}

function containers(d: K8sObject): Container[] {
  return d.spec?.template?.spec?.containers ?? [];
}

function opensPort(d: K8sObject, port: string | number): boolean {
  return containers(d).some((c) => (c.ports ?? []).some((p) => (typeof port === "number" ? p.containerPort === port : p.name === port)));
}

/** Every problem found; `envKeys` are the settings .env.example documents. */
export function crossReferenceErrors(objects: K8sObject[], envKeys: Set<string>): string[] {
  const errors: string[] = [];
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = of("Deployment");
  const deployment = (name: string) => deployments.find((d) => d.metadata.name === name);
  const matching = (selector: Record<string, string> | undefined) => deployments.filter((d) => selects(selector, podLabels(d)));

  for (const d of deployments) {
    const name = `Deployment ${d.metadata.name}`;
    if (!selects(d.spec?.selector?.matchLabels, podLabels(d))) errors.push(`${name}: selector does not match its pod template's labels`);
    const pod = d.spec?.template?.spec ?? {};
    if (pod.securityContext?.runAsNonRoot !== true) errors.push(`${name}: pods must set runAsNonRoot`);
    for (const c of containers(d)) {
      const where = `${name} container ${c.name}`;
      const sc = (c.securityContext ?? {}) as { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
      if (sc.readOnlyRootFilesystem !== true) errors.push(`${where}: root filesystem must be read-only`);
      if (sc.allowPrivilegeEscalation !== false) errors.push(`${where}: allowPrivilegeEscalation must be false`);
      const resources = (c.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> };
      if (!resources.requests?.cpu || !resources.requests?.memory || !resources.limits?.memory) {
        errors.push(`${where}: needs cpu and memory requests and a memory limit`);
      }
      for (const probe of PROBES) {
        const p = c[probe] as { httpGet?: { port: string | number } } | undefined;
        if (!p) errors.push(`${where}: no ${probe}`);
        else if (p.httpGet && !opensPort(d, p.httpGet.port)) errors.push(`${where}: ${probe} port ${p.httpGet.port} is not a container port`);
      }
      const mounts = (c.volumeMounts ?? []) as { name: string }[];
      const volumes = ((pod.volumes ?? []) as { name: string }[]).map((v) => v.name);
      for (const m of mounts) if (!volumes.includes(m.name)) errors.push(`${where}: mounts volume ${m.name}, which the pod does not define`);
      for (const ref of c.envFrom ?? []) {
        const cmName = ref.configMapRef?.name;
        const cm = of("ConfigMap").find((m) => m.metadata.name === cmName);
        if (cmName && !cm) {
          errors.push(`${where}: envFrom ConfigMap ${cmName} does not exist`);
          continue;
        }
        const timeout = Number(cm?.data?.SHUTDOWN_TIMEOUT_MS);
        const grace = (pod.terminationGracePeriodSeconds ?? 30) * 1000;
        if (Number.isFinite(timeout) && grace <= timeout) {
          errors.push(`${name}: terminationGracePeriodSeconds (${grace / 1000} s) must exceed SHUTDOWN_TIMEOUT_MS (${timeout} ms)`);
        }
      }
    }
  }

  const apiConfigMaps = new Set(deployments.flatMap((d) => containers(d).flatMap((c) => (c.envFrom ?? []).map((r) => r.configMapRef?.name))));
  for (const cm of of("ConfigMap").filter((m) => apiConfigMaps.has(m.metadata.name))) {
    for (const key of Object.keys(cm.data ?? {})) {
      if (!envKeys.has(key)) errors.push(`ConfigMap ${cm.metadata.name}: ${key} is not a setting in .env.example`);
    }
  }

  for (const s of of("Service")) {
    const targets = matching(s.spec?.selector);
    if (targets.length === 0) errors.push(`Service ${s.metadata.name}: selector matches no Deployment's pods`);
    for (const port of s.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      for (const d of targets) if (!opensPort(d, target)) errors.push(`Service ${s.metadata.name}: targetPort ${target} is not a port of ${d.metadata.name}`);
    }
  }

  const scaleTargets = [
    ...of("HorizontalPodAutoscaler").map((h) => ({ what: `HorizontalPodAutoscaler ${h.metadata.name}`, ref: h.spec?.scaleTargetRef })),
    ...of("ScaledObject").map((s) => ({ what: `ScaledObject ${s.metadata.name}`, ref: s.spec?.scaleTargetRef })),
  ];
  for (const { what, ref } of scaleTargets) {
    if ((ref?.kind ?? "Deployment") !== "Deployment" || !deployment(ref?.name)) errors.push(`${what}: scaleTargetRef ${ref?.kind} ${ref?.name} is not a Deployment here`);
  }
  const autoscaled = scaleTargets.map((t) => t.ref?.name);
  for (const name of new Set(autoscaled)) {
    if (autoscaled.filter((n) => n === name).length > 1) errors.push(`Deployment ${name} has more than one autoscaler`);
  }

  for (const p of of("PodDisruptionBudget")) {
    if (matching(p.spec?.selector?.matchLabels).length === 0) errors.push(`PodDisruptionBudget ${p.metadata.name}: selector matches no Deployment's pods`);
  }

  for (const n of of("NetworkPolicy")) {
    const targets = matching(n.spec?.podSelector?.matchLabels);
    if (targets.length === 0) errors.push(`NetworkPolicy ${n.metadata.name}: podSelector matches no Deployment's pods`);
    for (const rule of n.spec?.ingress ?? []) {
      for (const port of rule.ports ?? []) {
        for (const d of targets) if (!opensPort(d, port.port)) errors.push(`NetworkPolicy ${n.metadata.name}: ingress port ${port.port} is not a port of ${d.metadata.name}`);
      }
      for (const peer of rule.from ?? []) {
        if (peer.podSelector && !peer.namespaceSelector && matching(peer.podSelector.matchLabels).length === 0) {
          errors.push(`NetworkPolicy ${n.metadata.name}: ingress podSelector matches no Deployment's pods`);
        }
      }
    }
  }

  for (const ing of of("Ingress")) {
    for (const rule of ing.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        const svc = of("Service").find((s) => s.metadata.name === backend?.name);
        if (!svc) errors.push(`Ingress ${ing.metadata.name}: backend Service ${backend?.name} does not exist`);
        else if (!(svc.spec?.ports ?? []).some((p: { name?: string; port: number }) => p.name === backend.port?.name || p.port === backend.port?.number)) {
          errors.push(`Ingress ${ing.metadata.name}: Service ${svc.metadata.name} has no port ${backend.port?.name ?? backend.port?.number}`);
        }
      }
    }
  }

  for (const claim of deployments.flatMap((d) => ((d.spec?.template?.spec?.volumes ?? []) as { persistentVolumeClaim?: { claimName: string } }[]))) {
    const name = claim.persistentVolumeClaim?.claimName;
    if (name && !of("PersistentVolumeClaim").some((p) => p.metadata.name === name)) errors.push(`PersistentVolumeClaim ${name} is mounted but not declared`);
  }
  return errors;
}
