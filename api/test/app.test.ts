/** AppType works with hono's typed client (what the dashboard uses). */
import { testClient } from "hono/testing";
import { describe, expect, it } from "vitest";
import { createApp, type AppType } from "../src/app.js";
import { createDeps } from "../src/bootstrap.js";
import { loadConfig } from "../src/config/env.js";
import { silentLogger } from "../src/observability/logger.js";

describe("createApp / AppType", () => {
  it("exposes typed routes to hono/client", async () => {
    const app: AppType = createApp(createDeps(loadConfig({ LOG_LEVEL: "silent" }), silentLogger(), { defaultMetrics: false }));
    const client = testClient(app);
    const health = await client.health.$get();
    expect(health.status).toBe(200);
    const body = await health.json();
    expect(typeof body.uptime_seconds).toBe("number");
    const gen = await client.networks.generate.$post({ json: { num_nodes: 4, seed: 2 } });
    expect(gen.status).toBe(200);
    if (gen.status === 200) {
      const g = await gen.json();
      expect(g.network_state.nodes).toHaveLength(4);
    }
  });
});
