/**
 * The API's OpenAPI document as the api source builds it (createApp with its real dependencies,
 * default settings, no API keys), and the TypeScript types openapi-typescript derives from it.
 * scripts/generate.ts writes both; test/drift.test.ts checks the committed copies still match.
 */
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { createApp } from "../../../api/src/app.js";
import { createDeps } from "../../../api/src/bootstrap.js";
import { loadConfig } from "../../../api/src/config/env.js";
import { silentLogger } from "../../../api/src/observability/logger.js";

export const OPENAPI_FILE = new URL("../openapi.json", import.meta.url);
export const SCHEMA_FILE = new URL("../src/schema.d.ts", import.meta.url);

/** GET /openapi.json of a freshly built app; settings come from the defaults, not this shell. */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({ LOG_LEVEL: "silent" });
  const app = createApp(createDeps(config, silentLogger(), { defaultMetrics: false }));
  const res = await app.request("/openapi.json");
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenAPI3;
}

export const serializeDocument = (doc: OpenAPI3) => `${JSON.stringify(doc, null, 2)}\n`;

export async function schemaTypes(doc: OpenAPI3): Promise<string> {
  return astToString(await openapiTS(doc));
}
