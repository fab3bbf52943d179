import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_MODELS_DIR, loadConfig, parseByteSize } from "../../src/config/env.js";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8000);
    expect(c.HOST).toBe("127.0.0.1");
    expect(c.MODELS_DIR).toBe(DEFAULT_MODELS_DIR);
    expect(c.MAX_NODES).toBe(10_000);
    expect(c.MAX_BATCH).toBe(1024);
    expect(c.MAX_BATCH_NODES).toBe(10_000);
    expect(c.BODY_BUDGET).toBe(32 * 1024 * 1024);
    expect(c.BODY_CONCURRENCY).toBe(256);
    expect(c.CORS_ORIGINS).toEqual(["http://127.0.0.1:3000", "http://localhost:3000"]);
    expect(c.METRICS_PUBLIC).toBe(true);
    expect(c.API_KEYS).toEqual([]);
    expect(c.LOG_LEVEL).toBe("info");
    expect(c.ORT_INTRA_OP_THREADS).toBe(1);
    expect(c.ORT_BATCH_THREADS).toBe(2);
    expect(c.MICROBATCH).toBe(true);
  });

  it("parses every setting", () => {
    const c = loadConfig({
      PORT: "9001",
      HOST: "0.0.0.0",
      MODELS_DIR: "/tmp/m",
      MAX_NODES: "50",
      MAX_BATCH: "8",
      MAX_BATCH_NODES: "5000",
      BODY_BUDGET: "2mb",
      BODY_CONCURRENCY: "9",
      METRICS_PUBLIC: "off",
      CORS_ORIGINS: "http://a.example, http://b.example",
      API_KEYS: "k1,k2",
      LOG_LEVEL: "debug",
      ORT_INTRA_OP_THREADS: "2",
      MICROBATCH: "off",
    });
    expect(c).toMatchObject({
      PORT: 9001,
      HOST: "0.0.0.0",
      MODELS_DIR: "/tmp/m",
      MAX_NODES: 50,
      MAX_BATCH: 8,
      MAX_BATCH_NODES: 5000,
      BODY_BUDGET: 2 * 1024 * 1024,
      BODY_CONCURRENCY: 9,
      METRICS_PUBLIC: false,
      CORS_ORIGINS: ["http://a.example", "http://b.example"],
      API_KEYS: ["k1", "k2"],
      LOG_LEVEL: "debug",
      ORT_INTRA_OP_THREADS: 2,
      MICROBATCH: false,
    });
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ PORT: "", API_KEYS: "" }).PORT).toBe(8000);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["MAX_NODES", "1"],
    ["MAX_BATCH", "0"],
    ["MAX_BATCH_NODES", "1"],
    ["BODY_BUDGET", "lots"],
    ["BODY_BUDGET", "10b"],
    ["BODY_CONCURRENCY", "0"],
    ["METRICS_PUBLIC", "sometimes"],
    ["LOG_LEVEL", "verbose"],
    ["ORT_INTRA_OP_THREADS", "1.5"],
    ["MICROBATCH", "maybe"],
  ])("rejects %s=%s with a message naming it", (name, value) => {
    let err: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(name);
    expect((err as ConfigError).problems.map((p) => p.name)).toContain(name);
  });
});

describe("parseByteSize", () => {
  it.each([
    ["1024", 1024],
    ["1kb", 1024],
    ["1.5mb", 1.5 * 1024 * 1024],
    ["2GB", 2 * 1024 ** 3],
  ])("%s -> %d", (s, n) => expect(parseByteSize(s)).toBe(n));
  it("rejects garbage", () => expect(parseByteSize("12 parsecs")).toBeUndefined());
});
