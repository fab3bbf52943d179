import type { Metadata } from "next";
import { connection } from "next/server";
import { apiPublicUrl } from "../../lib/server-config";
import { Card } from "../../components/Card";
import { EndpointList } from "../../components/EndpointList";

export const metadata: Metadata = { title: "About / API" };

export default async function AboutPage() {
  // Rendered per request so the links follow API_URL / API_PUBLIC_URL at run time.
  await connection();
  const base = apiPublicUrl();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>About / API</h1>
          <p>What this product does, and where to find the API behind the dashboard.</p>
        </div>
        <div className="row">
          <a className="button primary" href={`${base}/docs`} target="_blank" rel="noreferrer" data-testid="swagger-link">
            Open Swagger UI
          </a>
          <a className="button" href={`${base}/openapi.json`} target="_blank" rel="noreferrer">
            openapi.json
          </a>
        </div>
      </div>

      <div className="grid two" style={{ marginBottom: 16 }}>
        <Card title="Task placement at the edge">
          <p>
            An IoT network has three tiers: <strong>sensors</strong> that produce tasks, <strong>fog</strong> nodes close to them, and
            distant but powerful <strong>cloud</strong> nodes. Tasks arrive at sensors in bursts, each with a CPU, memory and data demand and a
            deadline, and each must be placed on one node. Its data queues on the links of its route and its work queues behind earlier tasks
            at the chosen node, so every placement also delays the tasks that come after it.
          </p>
          <p>
            Trained policies decide the placement: a node-wise DQN, a node-wise PPO actor-critic, and hybrid graph networks (route-tree
            convolution or attention) distilled from a look-ahead planner, then fine-tuned on the reward. They are exported to ONNX and
            served by the inference API, which also runs the heuristic baselines for comparison: random, round-robin, least-loaded,
            nearest, greedy (the exact one-step optimum), greedy-static, JSED and power-of-two.
          </p>
        </Card>
        <Card title="What the dashboard shows">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            <li>
              <strong>Overview</strong>: API health, the loaded models, live request counts, error rates and latency percentiles.
            </li>
            <li>
              <strong>Predict</strong>: generate a network (idle, or congested in the middle of an episode) or paste one, place a task
              with any model, see the topology with node and link backlogs, the scores and the resources, and compare every model and
              baseline on the same network.
            </li>
            <li>
              <strong>Simulate</strong>: run an episode of a thousand or more tasks with several policies on the same arrivals, watch
              its progress, replay it on the topology step by step and compare cumulative reward, deadlines and backlogs.
            </li>
            <li>
              <strong>Analytics</strong>: the held-out evaluation: each policy&apos;s difference in return from greedy with 95% confidence
              intervals by network size and load, per-size tables, ablations, training curves and live latency.
            </li>
            <li>
              <strong>Models</strong>: each model&apos;s manifest and a reload button.
            </li>
          </ul>
          <p className="small muted">
            Every number on these pages comes from the API. The browser talks only to this dashboard, which forwards <code>/api/*</code> to
            the API at <code data-testid="api-url">{base}</code>.
          </p>
        </Card>
      </div>

      <Card
        flush
        title="Endpoints"
        description={
          <>
            From the API&apos;s OpenAPI document. Try them in the{" "}
            <a href={`${base}/docs`} target="_blank" rel="noreferrer">
              Swagger UI
            </a>
            .
          </>
        }
      >
        <EndpointList />
      </Card>
    </>
  );
}
