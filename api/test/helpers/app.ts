/** Build an app for tests (silent logs, own metrics registry) and call it through app.request. */
import { createApp } from "../../src/app.js";
import { createDeps } from "../../src/bootstrap.js";
import { loadConfig } from "../../src/config/env.js";
import { silentLogger } from "../../src/observability/logger.js";

export async function makeApp(env: Record<string, string> = {}, opts: { load?: boolean } = {}) {
  const config = loadConfig({ LOG_LEVEL: "silent", ...env });
  const deps = createDeps(config, silentLogger(), { defaultMetrics: false });
  if (opts.load ?? true) await deps.models.loadServed();
  const app = createApp(deps);
  return { app, deps, config };
}

export type TestApp = Awaited<ReturnType<typeof makeApp>>["app"];

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** JSON bodies are stringified; strings are sent as they are. */
export async function call(
  app: TestApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      (init.headers as Record<string, string>)["content-type"] = "application/json";
    }
  }
  const res = await app.request(path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Every 4xx/5xx body is an RFC 9457 problem with the service's fields, sent as application/problem+json. */
export function expectErrorShape(r: Reply): void {
  if (!r.json || typeof r.json.error !== "string" || typeof r.json.message !== "string") {
    throw new Error(`not an error body: ${r.text.slice(0, 300)}`);
  }
  const { type, title, status, detail } = r.json;
  if (type !== `urn:edge-placement:problem:${r.json.error}` || typeof title !== "string" || status !== r.status || detail !== r.json.message) {
    throw new Error(`not an RFC 9457 problem for ${r.status}: ${r.text.slice(0, 300)}`);
  }
  if (!r.headers.get("content-type")?.startsWith("application/problem+json")) {
    throw new Error(`content-type ${r.headers.get("content-type")} is not application/problem+json`);
  }
  if (r.json.issues !== undefined) {
    if (!Array.isArray(r.json.issues)) throw new Error("issues is not an array");
    for (const i of r.json.issues) {
      if (typeof i.path !== "string" || typeof i.message !== "string") throw new Error(`bad issue ${JSON.stringify(i)}`);
    }
  }
  if (/\bat .+\(.+:\d+:\d+\)/.test(r.text)) throw new Error("stack trace in response");
}
