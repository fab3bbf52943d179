/**
 * The compact trace of an episode: column arrays (one array per field, not one object per step).
 * Per scored task: the task and, per policy, the chosen node, reward and latency; per policy, node
 * and link backlogs at every `every`-th task (the state that task met, before it was placed).
 * Trace values are rounded (rewards to 1e-6, times and demands to 1e-3, backlogs to 0.1 ms); the
 * summaries are computed from the exact values.
 */
import type { EpisodeResult } from "./runner.js";

/** At most about this many backlog samples by default. */
export const TRACE_SAMPLES = 200;

export function defaultTraceEvery(tasks: number): number {
  return Math.max(1, Math.ceil(tasks / TRACE_SAMPLES));
}

const roundTo = (digits: number) => {
  const f = 10 ** digits;
  return (v: number) => Math.round(v * f) / f;
};
const r6 = roundTo(6);
const r3 = roundTo(3);
const r1 = roundTo(1);

export interface PolicyTrace {
  /** chosen node per task, -1 = dropped */
  node: number[];
  reward: number[];
  /** null when dropped */
  latency_ms: (number | null)[];
  /** [sample][node] */
  backlog_ms: number[][];
  /** [sample][link], links in network_state.edges order */
  link_backlog_ms: number[][];
}

export interface Trace {
  /** scored tasks in the trace */
  steps: number;
  every: number;
  /** scored task index of each backlog sample */
  sample_steps: number[];
  tasks: {
    /** arrival time since the first scored task's arrival, ms */
    time_ms: number[];
    gap_ms: number[];
    source: number[];
    cpu_mcycles: number[];
    mem_mb: number[];
    data_kb: number[];
    deadline_ms: number[];
    /** 1 during a burst */
    burst: number[];
  };
  policies: Record<string, PolicyTrace>;
}

export function buildTrace(res: EpisodeResult, every: number): Trace {
  const n = res.completed;
  const stream = res.stream.slice(0, n);
  const time: number[] = [];
  let clock = 0;
  stream.forEach((a, t) => {
    if (t > 0) clock += a.gap_ms;
    time.push(r3(clock));
  });
  const samples = res.sampleSteps.filter((s) => s < n);
  const policies: Record<string, PolicyTrace> = {};
  for (const rec of res.records) {
    const node: number[] = [];
    const reward: number[] = [];
    const latency: (number | null)[] = [];
    for (let t = 0; t < n; t++) {
      node.push(rec.node[t]!);
      reward.push(r6(rec.reward[t]!));
      latency.push(rec.node[t]! < 0 ? null : r3(rec.latency[t]!));
    }
    policies[rec.name] = {
      node,
      reward,
      latency_ms: latency,
      backlog_ms: rec.backlog.slice(0, samples.length).map((b) => Array.from(b, r1)),
      link_backlog_ms: rec.linkBacklog.slice(0, samples.length).map((b) => Array.from(b, r1)),
    };
  }
  return {
    steps: n,
    every,
    sample_steps: samples,
    tasks: {
      time_ms: time,
      gap_ms: stream.map((a) => r3(a.gap_ms)),
      source: stream.map((a) => a.source),
      cpu_mcycles: stream.map((a) => r3(a.cpu_mcycles)),
      mem_mb: stream.map((a) => r3(a.mem_mb)),
      data_kb: stream.map((a) => r3(a.data_kb)),
      deadline_ms: stream.map((a) => r3(a.deadline_ms)),
      burst: stream.map((a) => (a.burst ? 1 : 0)),
    },
    policies,
  };
}
