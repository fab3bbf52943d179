import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/context.js";
import {
  ModelLoadFailedError,
  ModelNotFoundError,
  ModelReplicationError,
  ModelUnavailableError,
  NoPreviousVersionError,
  NoValidNodeError,
  VersionNotServedError,
} from "../../src/inference/errors.js";
import { OverloadedError } from "../../src/runtime/admission.js";
import { errorHandler, methodTable } from "../../src/middleware/errors.js";
import { silentLogger } from "../../src/observability/logger.js";
import { call, expectErrorShape } from "../helpers/app.js";

function appThrowing(err: unknown) {
  const a = new Hono<AppEnv>();
  a.get("/", () => {
    throw err;
  });
  a.onError(errorHandler(silentLogger()));
  return a;
}

describe("errorHandler maps domain errors in one place", () => {
  it.each([
    [new ModelNotFoundError("gpt", ["dqn", "hybrid"]), 404, "model_not_found"],
    [new ModelUnavailableError("ppo", "model 'ppo' is not loaded"), 503, "model_not_loaded"],
    [new ModelLoadFailedError("ppo", 2, "sha256 mismatch for ppo/2/model.onnx", 1), 422, "model_load_failed"],
    [new VersionNotServedError("ppo", "7", [1, 2]), 404, "version_not_found"],
    [new NoPreviousVersionError("ppo"), 422, "no_previous_version"],
    [new OverloadedError("queue_full", 1, "too many inference requests in flight"), 503, "overloaded"],
    [new NoValidNodeError("network_states[3]", 0), 422, "no_valid_node"],
    [new ModelReplicationError("ppo", 2, [{ worker: 3, reason: "ppo: no answer within 60 s" }]), 500, "model_replication_failed"],
  ] as const)("%s -> %i %s", async (err, status, code) => {
    const r = await call(appThrowing(err) as never, "GET", "/");
    expect(r.status).toBe(status);
    expectErrorShape(r);
    expect(r.json.error).toBe(code);
    expect(r.json.detail).toBe(err.message);
  });

  it("503 model_not_loaded asks to retry; the unknown model lists what exists", async () => {
    expect((await call(appThrowing(new ModelUnavailableError("ppo", "x")) as never, "GET", "/")).headers.get("retry-after")).toBe("5");
    expect((await call(appThrowing(new ModelNotFoundError("gpt", ["dqn"])) as never, "GET", "/")).json.available).toEqual(["dqn"]);
  });

  it("a model operation other workers could not follow names each of them and why", async () => {
    const r = await call(appThrowing(new ModelReplicationError("ppo", 2, [{ worker: 3, reason: "ppo: no answer within 60 s" }])) as never, "GET", "/");
    expect(r.json.issues).toEqual([{ path: "worker 3", message: "ppo: no answer within 60 s" }]);
  });

  it("anything else is a 500 without its message or stack", async () => {
    const r = await call(appThrowing(new Error("secret /srv/models/x.onnx")) as never, "GET", "/");
    expect(r.status).toBe(500);
    expectErrorShape(r);
    expect(r.text).not.toContain("/srv");
  });

  it("cannot fail: when logging the error throws, the fixed 500 still goes out", async () => {
    const a = new Hono<AppEnv>();
    a.get("/", () => {
      throw new Error("unexpected");
    });
    const brokenLogger = {
      error() {
        throw new Error("log sink down");
      },
    };
    a.onError(errorHandler(brokenLogger as never));
    const r = await call(a as never, "GET", "/");
    expect(r.status).toBe(500);
    expectErrorShape(r);
  });
});

describe("methodTable", () => {
  const allowed = methodTable([
    { method: "GET", path: "/models" },
    { method: "GET", path: "/models/:name" },
    { method: "POST", path: "/models/:name/load" },
    { method: "ALL", path: "*" },
  ]);
  it("lists the methods of a path, parameters included", () => {
    expect(allowed("/models")).toEqual(["GET", "HEAD"]);
    expect(allowed("/models/hybrid")).toEqual(["GET", "HEAD"]);
    expect(allowed("/models/hybrid/load")).toEqual(["POST"]);
    expect(allowed("/nope")).toEqual([]);
    expect(allowed("/models/a/b/c")).toEqual([]);
  });
});
