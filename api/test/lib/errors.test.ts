import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, formatPath, validationError } from "../../src/lib/errors.js";

describe("errors", () => {
  it("formats zod paths like a.b[3].c", () => {
    expect(formatPath(["network_state", "nodes", 3, "cpu_util"])).toBe("network_state.nodes[3].cpu_util");
    expect(formatPath([])).toBe("(root)");
  });
  it("turns a ZodError into a 422 listing every issue", () => {
    const r = z.object({ a: z.number(), b: z.string() }).safeParse({ a: "x", b: 1 });
    expect(r.success).toBe(false);
    const e = validationError(r.error!, "body");
    expect(e.status).toBe(422);
    expect(e.toBody().issues?.map((i) => i.path)).toEqual(["a", "b"]);
    expect(e.toBody().issue_count).toBe(2);
    expect(e.message).toContain("a:");
  });
  it("only includes optional fields when present", () => {
    const base = { type: "urn:edge-placement:problem:x", title: "Not Found", status: 404, detail: "y", error: "x", message: "y" };
    expect(new ApiError(404, "x", "y").toBody()).toEqual(base);
    expect(new ApiError(404, "x", "y", [], ["a"]).toBody()).toEqual({ ...base, available: ["a"] });
  });
});
