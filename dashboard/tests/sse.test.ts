import { describe, expect, it } from "vitest";
import { readSse, SseParser } from "../lib/sse";

describe("SSE parsing", () => {
  it("splits events across arbitrary chunk boundaries", () => {
    const p = new SseParser();
    const text = 'event: progress\ndata: {"done":1}\n\nevent: result\ndata: {"a":\ndata: 2}\n\n';
    const events = [...text].flatMap((ch) => p.push(ch));
    expect(events).toEqual([
      { event: "progress", data: '{"done":1}' },
      { event: "result", data: '{"a":\n2}' },
    ]);
  });

  it("handles CRLF, comments, missing event names and events without data", () => {
    const p = new SseParser();
    expect(p.push(": keep-alive\r\n\r\ndata:x\r\n\r\nevent: empty\r\n\r\n")).toEqual([{ event: "message", data: "x" }]);
  });

  it("keeps an unfinished event until its blank line arrives", () => {
    const p = new SseParser();
    expect(p.push("event: progress\ndata: 1\n")).toEqual([]);
    expect(p.push("\n")).toEqual([{ event: "progress", data: "1" }]);
  });

  it("reads events from a streamed body, including a final event without its blank line", async () => {
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode("event: progress\ndata: {\"done\":5}\n\nevent: res"));
        c.enqueue(enc.encode("ult\ndata: {\"ok\":true}"));
        c.close();
      },
    });
    const events = [];
    for await (const e of readSse(body)) events.push(e);
    expect(events).toEqual([
      { event: "progress", data: '{"done":5}' },
      { event: "result", data: '{"ok":true}' },
    ]);
  });
});
