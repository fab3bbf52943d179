#!/usr/bin/env node
/**
 * The bare Hono floor for `npm run bench`: the same framework and adapter as the service, doing only
 * what every /predict must do around the model. POST /predict parses the JSON body and answers a
 * fixed JSON document (the service's own answer to the benchmark request, read from
 * BENCH_FLOOR_ANSWER), serialised per request as the service does. Listens on 127.0.0.1:PORT (0 =
 * free port) and prints `listening <port>`.
 */
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const answer = JSON.parse(readFileSync(process.env.BENCH_FLOOR_ANSWER, "utf8"));
const app = new Hono();
app.post("/predict", async (c) => {
  const body = await c.req.json();
  if (typeof body !== "object" || body === null) return c.json({ error: "bad_request" }, 400);
  return c.json(answer, 200);
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`listening ${info.port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
