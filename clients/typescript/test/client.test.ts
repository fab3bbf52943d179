/** The generated client against a real API server: every call typed by src/schema.d.ts. */
import { describe, expect, inject, it } from "vitest";
import { createClient, type Schemas } from "../src/index.js";

const baseUrl = inject("apiBaseUrl");
const api = createClient({ baseUrl });

async function generated(num_nodes: number, seed: number) {
  const { data, error, response } = await api.POST("/networks/generate", { body: { num_nodes, seed, load: 0.7 } });
  expect(response.status).toBe(200);
  expect(error).toBeUndefined();
  return data!;
}

function expectPlacement(p: Schemas["Prediction"], nodes: number) {
  expect(p.valid_nodes.length).toBeGreaterThan(0);
  expect(p.valid_nodes).toContain(p.selected_node);
  expect(Object.keys(p.node_scores)).toHaveLength(nodes);
  const total = Object.values(p.node_scores).reduce((a, b) => a + b, 0);
  expect(total).toBeCloseTo(1, 4);
  // The selected node is the most probable one.
  expect(p.node_scores[String(p.selected_node)]).toBe(Math.max(...Object.values(p.node_scores)));
}

describe("@edge-placement/client against a real server", () => {
  it("GET /health", async () => {
    const { data, response } = await api.GET("/health");
    expect(response.status).toBe(200);
    expect(data!.status).toBe("healthy");
    expect(data!.loaded_models).toContain("hybrid");
  });

  it("POST /predict on a network from /networks/generate", async () => {
    const net = await generated(16, 11);
    expect(net.network_state.nodes).toHaveLength(16);
    const { data, error, response } = await api.POST("/predict", {
      body: { network_state: net.network_state, task: net.task, load: net.load, model_type: "hybrid" },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expectPlacement(data!, 16);
    expect(data!.model.name).toBe("hybrid");
    expect(data!.task.source).toBe(net.task!.source);
  });

  it("POST /batch-predict answers each network in order, as /predict does one by one", async () => {
    const nets = await Promise.all([generated(8, 1), generated(12, 2), generated(20, 3)]);
    const { data, response } = await api.POST("/batch-predict", { body: { network_states: nets.map((n) => n.network_state) } });
    expect(response.status).toBe(200);
    expect(data!.predictions).toHaveLength(3);
    for (const [i, p] of data!.predictions.entries()) {
      expectPlacement(p, nets[i]!.network_state.nodes.length);
      const single = await api.POST("/predict", { body: { network_state: nets[i]!.network_state } });
      expect(p.selected_node).toBe(single.data!.selected_node);
    }
  });

  it("a 422 comes back as the typed error, naming the field", async () => {
    const net = await generated(4, 5);
    const { data, error, response } = await api.POST("/predict", {
      body: { network_state: { ...net.network_state, nodes: net.network_state.nodes.slice(0, 1) } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(error!.error).toBe("validation_error");
    expect(error!.issues!.map((i) => i.path)).toContain("network_state.nodes");
  });

  it("sends the API key when given one", async () => {
    let sent: string | null = null;
    const keyed = createClient({
      baseUrl,
      apiKey: "k-123",
      fetch: (req: Request) => {
        sent = req.headers.get("x-api-key");
        return fetch(req);
      },
    });
    const { response } = await keyed.GET("/health");
    expect(response.status).toBe(200);
    expect(sent).toBe("k-123");
  });
});
