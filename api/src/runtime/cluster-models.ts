/**
 * Model loads and rollbacks in a cluster. Each worker has its own registry, and every worker must serve
 * the same versions, whichever of them a request lands on.
 *
 * The primary runs one operation at a time, for the whole cluster:
 * - a load or rollback: the worker that got the request applies it (its errors answer the request exactly
 *   as in a single process, and nothing else changes), then every other worker converges to the state it
 *   reached (inference/model-control.ts), and only then is the request answered;
 * - a worker that starts (or replaces one that died) loads the default versions, then, in the same queue,
 *   converges to every state the operations so far set, before it listens: it never serves a version the
 *   others have left, and no operation can slip between its snapshot and its first request.
 */
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import { ModelLoadFailedError, ModelNotFoundError, ModelReplicationError, NoPreviousVersionError, VersionNotServedError } from "../inference/errors.js";
import { converge, loadDefaults, servedState, type ModelControl, type ServedState } from "../inference/model-control.js";
import type { ModelRegistry } from "../inference/registry.js";

/** A worker that does not answer in this time (a load should take well under a second) counts as failed. */
const ASK_TIMEOUT_MS = 60_000;

/** worker -> primary: this worker has an operation to run (id: the worker's own; it keeps the operation) */
interface OpRequest {
  type: "edge:models-op";
  id: number;
}
/** worker -> primary: this worker has loaded its defaults; bring it to the cluster's state */
interface JoinRequest {
  type: "edge:models-join";
}
/** primary -> the worker that sent the operation: apply it now */
interface Apply {
  type: "edge:models-apply";
  ask: number;
  id: number;
}
/** primary -> a worker: converge to these states */
interface Converge {
  type: "edge:models-converge";
  ask: number;
  states: ServedState[];
}
/** worker -> primary: the answer to an Apply or a Converge */
interface Answer {
  type: "edge:models-answer";
  ask: number;
  ok: boolean;
  state?: ServedState;
  error?: string;
}
/** primary -> worker: the operation is done everywhere it could be */
interface Done {
  type: "edge:models-done";
  id: number;
  failures: { worker: number; reason: string }[];
}
/** primary -> worker: joined */
interface Joined {
  type: "edge:models-joined";
}

const isMessage = <T extends { type: string }>(m: unknown, type: T["type"]): m is T =>
  typeof m === "object" && m !== null && (m as { type?: unknown }).type === type;

/** In the primary: the cluster's queue of model operations and the state they left. */
export function servePrimaryModels(logger: Logger): void {
  const states = new Map<string, ServedState>();
  const joined = new Set<number>();
  const asks = new Map<number, { worker: number; settle: (a: Answer) => void }>();
  let nextAsk = 0;
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => {
    queue = queue.then(job).catch((e: unknown) => logger.error({ err: e }, "model operation failed in the primary"));
  };

  const ask = (worker: Worker, msg: Omit<Apply, "ask"> | Omit<Converge, "ask">): Promise<Answer> =>
    new Promise((resolve) => {
      const id = nextAsk++;
      const timer = setTimeout(() => settle({ type: "edge:models-answer", ask: id, ok: false, error: `no answer within ${ASK_TIMEOUT_MS / 1000} s` }), ASK_TIMEOUT_MS);
      const settle = (a: Answer) => {
        clearTimeout(timer);
        asks.delete(id);
        resolve(a);
      };
      asks.set(id, { worker: worker.id, settle });
      if (worker.isConnected()) worker.send({ ...msg, ask: id });
      else settle({ type: "edge:models-answer", ask: id, ok: false, error: "the worker exited" });
    });

  const send = (worker: Worker, msg: Done | Joined) => {
    if (worker.isConnected()) worker.send(msg);
  };

  cluster.on("message", (worker: Worker, m: unknown) => {
    if (isMessage<Answer>(m, "edge:models-answer")) {
      asks.get(m.ask)?.settle(m);
    } else if (isMessage<JoinRequest>(m, "edge:models-join")) {
      enqueue(async () => {
        const a = await ask(worker, { type: "edge:models-converge", states: [...states.values()] });
        if (!a.ok) logger.error({ worker: worker.id, reason: a.error }, "a starting worker could not load what the others serve; it serves what it could load");
        joined.add(worker.id);
        send(worker, { type: "edge:models-joined" });
      });
    } else if (isMessage<OpRequest>(m, "edge:models-op")) {
      enqueue(async () => {
        const own = await ask(worker, { type: "edge:models-apply", id: m.id });
        const failures: Done["failures"] = [];
        const others = [...joined].map((id) => cluster.workers?.[id]).filter((w): w is Worker => !!w && w !== worker && w.isConnected());
        if (!own.ok && own.error !== undefined) {
          // Not the operation's own error but no answer in time: should it still succeed there, nobody followed.
          for (const w of others) failures.push({ worker: w.id, reason: `not applied: the worker that got the request gave ${own.error}` });
        } else if (own.ok && own.state) {
          states.set(own.state.name, own.state);
          const { name, active, previous } = own.state;
          logger.info({ model: name, version: active.version, previous: previous?.version ?? null, by: worker.id, followers: others.map((w) => w.id) }, "model operation applied; the other workers follow");
          const answers = await Promise.all(others.map((w) => ask(w, { type: "edge:models-converge", states: [own.state!] }).then((a) => [w, a] as const)));
          for (const [w, a] of answers) if (!a.ok) failures.push({ worker: w.id, reason: a.error ?? "unknown" });
          if (failures.length > 0) logger.error({ model: own.state.name, version: own.state.active.version, failures }, "workers could not follow a model operation");
        }
        send(worker, { type: "edge:models-done", id: m.id, failures });
      });
    }
  });

  cluster.on("exit", (w: Worker) => {
    joined.delete(w.id);
    for (const [id, a] of asks) if (a.worker === w.id) a.settle({ type: "edge:models-answer", ask: id, ok: false, error: "the worker exited" });
  });
}

interface Pending {
  /** the operation; it returns the model it acted on */
  run: () => Promise<unknown>;
  model: string;
  outcome?: { value: unknown } | { error: unknown };
  /** the other workers that could not follow, once the primary is done (possibly before `run` ends: it timed out) */
  failures?: Done["failures"];
  settle: (o: { value: unknown } | { error: unknown }) => void;
}

/** In a worker: model operations through the primary's queue. */
export function workerControl(registry: ModelRegistry, logger: Logger): ModelControl {
  let nextId = 0;
  const pending = new Map<number, Pending>();
  let onJoined: (() => void) | undefined;
  const answer = (a: Omit<Answer, "type">) => process.send?.({ type: "edge:models-answer", ...a } satisfies Answer);
  /** Settle an operation once it has run here and the primary is done with it. */
  const finish = (id: number) => {
    const p = pending.get(id);
    if (!p?.outcome || !p.failures) return;
    pending.delete(id);
    const active = registry.get(p.model);
    if ("value" in p.outcome && p.failures.length > 0 && active) p.settle({ error: new ModelReplicationError(p.model, active.version, p.failures) });
    else p.settle(p.outcome);
  };

  process.on("message", (m: unknown) => {
    if (isMessage<Apply>(m, "edge:models-apply")) {
      const p = pending.get(m.id);
      if (!p) return void answer({ ask: m.ask, ok: false, error: "no such operation" });
      p.run().then(
        (value) => {
          p.outcome = { value };
          answer({ ask: m.ask, ok: true, state: servedState(registry, p.model)! });
          finish(m.id);
        },
        (error: unknown) => {
          p.outcome = { error };
          answer({ ask: m.ask, ok: false });
          finish(m.id);
        },
      );
    } else if (isMessage<Converge>(m, "edge:models-converge")) {
      void convergeAll(registry, m.states, logger).then((errors) =>
        answer({ ask: m.ask, ok: errors.length === 0, ...(errors.length > 0 ? { error: errors.join("; ") } : {}) }),
      );
    } else if (isMessage<Done>(m, "edge:models-done")) {
      const p = pending.get(m.id);
      if (p) p.failures = m.failures;
      finish(m.id);
    } else if (isMessage<Joined>(m, "edge:models-joined")) {
      onJoined?.();
    }
  });

  /** Run `run` when the primary says so; settle when every other worker has followed. */
  const through = <T>(model: string, run: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const settle = (o: { value: unknown } | { error: unknown }) => ("error" in o ? reject(o.error) : resolve(o.value as T));
      pending.set(id, { run, model, settle });
      process.send?.({ type: "edge:models-op", id } satisfies OpRequest);
    });

  return {
    async loadServed() {
      await loadDefaults(registry, logger);
      await new Promise<void>((resolve) => {
        onJoined = resolve;
        process.send?.({ type: "edge:models-join" } satisfies JoinRequest);
      });
    },
    load: (name, version) => through(name, () => registry.load(name, version)),
    rollback: (name) => through(name, () => registry.rollback(name)),
  };
}

/** Converge to each state; the reasons of those that failed, as clients may read them (domain errors name no server path). */
async function convergeAll(registry: ModelRegistry, states: ServedState[], logger: Logger): Promise<string[]> {
  const errors: string[] = [];
  for (const s of states) {
    await converge(registry, s).catch((e: unknown) => {
      const domain = e instanceof ModelLoadFailedError || e instanceof ModelNotFoundError || e instanceof VersionNotServedError || e instanceof NoPreviousVersionError;
      if (!domain) logger.error({ err: e, model: s.name }, "converging to the cluster's model state failed");
      errors.push(domain ? e.message : `${s.name}: unexpected error (in this worker's log)`);
    });
  }
  return errors;
}
