/** npm run generate -w @edge-placement/client: rewrite openapi.json and src/schema.d.ts from the api source. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument, OPENAPI_FILE, SCHEMA_FILE, schemaTypes, serializeDocument } from "./openapi.js";

const doc = await buildOpenApiDocument();
writeFileSync(OPENAPI_FILE, serializeDocument(doc));
writeFileSync(SCHEMA_FILE, await schemaTypes(doc));
const paths = Object.keys(doc.paths ?? {}).length;
console.log(`wrote ${fileURLToPath(OPENAPI_FILE)} (${paths} paths) and ${fileURLToPath(SCHEMA_FILE)}`);
