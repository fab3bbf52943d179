/**
 * The committed openapi.json and src/schema.d.ts are what the current api source produces: a route
 * or schema changed without `npm run generate -w @edge-placement/client` fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, OPENAPI_FILE, SCHEMA_FILE, schemaTypes, serializeDocument } from "../scripts/openapi.js";

describe("generated files are up to date", () => {
  it("openapi.json and src/schema.d.ts match the api source", async () => {
    const doc = await buildOpenApiDocument();
    expect(JSON.parse(readFileSync(OPENAPI_FILE, "utf8"))).toEqual(doc);
    expect(readFileSync(OPENAPI_FILE, "utf8")).toBe(serializeDocument(doc));
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await schemaTypes(doc));
  });

  it("lists the routes the client tests call", async () => {
    const doc = await buildOpenApiDocument();
    expect(Object.keys(doc.paths ?? {})).toEqual(expect.arrayContaining(["/health", "/ready", "/predict", "/batch-predict", "/networks/generate"]));
  });
});
