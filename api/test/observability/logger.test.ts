import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";

describe("createLogger", () => {
  it("writes JSON lines at the configured level and redacts api keys", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = createLogger({ LOG_LEVEL: "info" }, sink);
    log.debug("hidden");
    log.info({ reqId: "r1", req: { headers: { "x-api-key": "secret" } } }, "hello");
    expect(lines).toHaveLength(1);
    const obj = JSON.parse(lines[0]!);
    expect(obj).toMatchObject({ level: 30, msg: "hello", reqId: "r1", service: "edge-placement-api" });
    expect(lines[0]).not.toContain("secret");
  });
});
