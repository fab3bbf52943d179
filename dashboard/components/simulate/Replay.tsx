"use client";
// Replay of a finished episode: play / pause and a scrubber over the tasks; the topology as the
// chosen policy left it at that task (node fill by compute backlog, links by their backlog), the
// task's source and the node the policy chose.
import { useEffect, useMemo, useState } from "react";
import { formatMs, formatNumber } from "../../lib/format";
import { replayNetwork, taskAt } from "../../lib/simulate";
import type { SimulateResponse } from "../../lib/types";
import { Card } from "../Card";
import { TopologyGraph } from "../TopologyGraph";

/** Playback: one backlog sample per frame. The parent keys this component by run, so a new answer starts at task 1. */
const FRAME_MS = 120;

export function Replay({ answer, policy, onPolicy }: { answer: SimulateResponse; policy: string; onPolicy: (p: string) => void }) {
  const steps = answer.trace.steps;
  const every = answer.trace.every;
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => setStep((s) => Math.min(steps - 1, s + every)), FRAME_MS);
    return () => window.clearInterval(id);
  }, [playing, steps, every]);
  // Playback stops at the last task.
  if (playing && step >= steps - 1) setPlaying(false);

  const network = useMemo(() => replayNetwork(answer, policy, step), [answer, policy, step]);
  const task = taskAt(answer, policy, step);
  const chosen = task.node >= 0 ? task.node : null;

  return (
    <Card
      testId="sim-replay"
      title="Replay"
      description={`The network as ${policy} left it when each task arrived: nodes filled by compute backlog, links by their backlog (sampled every ${every} tasks); the task's source has a dashed border, ${policy}'s node a blue ring.`}
      actions={
        <div className="segmented" role="tablist" aria-label="Policy to replay" data-testid="sim-replay-policy">
          {answer.summaries.map((s) => (
            <button key={s.policy} role="tab" aria-selected={s.policy === policy} className={s.policy === policy ? "on" : ""} onClick={() => onPolicy(s.policy)}>
              {s.policy}
            </button>
          ))}
        </div>
      }
    >
      <div className="replay-controls">
        <button
          className="primary small"
          onClick={() => {
            if (!playing && step >= steps - 1) setStep(0);
            setPlaying(!playing);
          }}
          data-testid="sim-play"
          aria-pressed={playing}
        >
          {playing ? "Pause" : "Play"}
        </button>
        <input
          type="range"
          min={0}
          max={steps - 1}
          value={step}
          onChange={(e) => {
            setPlaying(false);
            setStep(Number(e.target.value));
          }}
          aria-label="Task"
          data-testid="sim-scrubber"
        />
        <span className="small mono" data-testid="sim-step">
          task {step + 1} / {steps}
        </span>
      </div>
      <p className="small replay-task" data-testid="sim-task" data-source={task.source} data-node={task.node}>
        at {formatMs(task.time_ms, 0)}
        {task.burst && <span className="badge warn">burst</span>} · from node <strong>{task.source}</strong> →{" "}
        {chosen === null ? (
          <span className="badge bad">dropped</span>
        ) : (
          <>
            node <strong>{chosen}</strong> · reward {formatNumber(task.reward, 3)} · done in {formatMs(task.latency_ms, 0)} of {formatMs(task.deadline_ms, 0)}{" "}
            <span className={`badge ${task.met ? "ok" : "bad"}`}>{task.met ? "met" : "missed"}</span>
          </>
        )}
      </p>
      <TopologyGraph network={network} selected={chosen} source={task.source} fill="backlog" selectedName={`${policy}'s node`} />
    </Card>
  );
}
