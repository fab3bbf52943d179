import { describe, expect, it } from "vitest";
import { openApiOperations } from "../lib/openapi";

describe("openapi", () => {
  it("lists operations sorted by path then method", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "Edge API", version: "1.0.0" },
      paths: {
        "/predict": { post: { summary: "Place a task", tags: ["inference"] } },
        "/models/{name}": { get: { description: "One manifest" }, parameters: [] },
        "/health": { get: { summary: "Health" } },
      },
    };
    const r = openApiOperations(doc);
    expect(r.title).toBe("Edge API");
    expect(r.version).toBe("1.0.0");
    expect(r.operations.map((o) => `${o.method} ${o.path}`)).toEqual(["GET /health", "GET /models/{name}", "POST /predict"]);
    expect(r.operations[1]!.summary).toBe("One manifest");
    expect(r.operations[2]!.tags).toEqual(["inference"]);
  });
  it("returns nothing for a non-document", () => {
    expect(openApiOperations({}).operations).toEqual([]);
  });
});
