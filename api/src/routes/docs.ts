/** GET /docs (Swagger UI, served from the swagger-ui-dist package: works offline) and GET /openapi.json. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { swaggerUI } from "@hono/swagger-ui";
import { Hono } from "hono";
import type { AppEnv } from "../context.js";

const require = createRequire(import.meta.url);

function loadAsset(file: string): string | undefined {
  try {
    return readFileSync(join(dirname(require.resolve("swagger-ui-dist/package.json")), file), "utf8");
  } catch {
    return undefined;
  }
}

export function docsRoutes() {
  const css = loadAsset("swagger-ui.css");
  const js = loadAsset("swagger-ui-bundle.js");
  const app = new Hono<AppEnv>();
  // Local assets when the package is installed, else the CDN default of @hono/swagger-ui.
  app.get("/docs", swaggerUI({ url: "/openapi.json", title: "Edge placement API", ...(css && js ? { baseUrl: "/docs/assets" } : {}) }));
  // Browsers opening /docs ask for a favicon; answer it so their console stays free of 404s.
  app.get("/favicon.ico", (c) => c.body(null, 204));
  if (css && js) {
    const cache = { "cache-control": "public, max-age=86400" };
    app.get("/docs/assets/swagger-ui-dist/swagger-ui.css", (c) => c.body(css, 200, { ...cache, "content-type": "text/css; charset=utf-8" }));
    app.get("/docs/assets/swagger-ui-dist/swagger-ui-bundle.js", (c) =>
      c.body(js, 200, { ...cache, "content-type": "application/javascript; charset=utf-8" }),
    );
  }
  return app;
}
