import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { bodySize, joinUrl, shellQuote, toCurl, toFetch } from "../lib/snippet";

describe("snippet", () => {
  it("joins base and path with one slash", () => {
    expect(joinUrl("http://h:8000/", "/predict")).toBe("http://h:8000/predict");
    expect(joinUrl("http://h:8000", "predict")).toBe("http://h:8000/predict");
  });

  it("quotes for the shell so the body survives unchanged", () => {
    const body = `{"note":"it's \\"quoted\\" $HOME \`x\`"}`;
    const out = execFileSync("sh", ["-c", `printf %s ${shellQuote(body)}`]).toString();
    expect(out).toBe(body);
  });

  it("writes a curl command with method, JSON header and the exact body", () => {
    const curl = toCurl({ method: "post", path: "/predict", body: '{"a":1}' }, "http://127.0.0.1:8000");
    expect(curl).toContain("-X POST");
    expect(curl).toContain("'http://127.0.0.1:8000/predict'");
    expect(curl).toContain("-H 'Content-Type: application/json'");
    expect(curl).toContain(`--data-raw '{"a":1}'`);
  });

  it("omits -X and body for a GET", () => {
    const curl = toCurl({ method: "GET", path: "/health" }, "http://x");
    expect(curl).toBe("curl -sS \\\n  'http://x/health'");
  });

  it("writes a fetch call whose body is the same JSON", () => {
    const js = toFetch({ method: "POST", path: "/compare", body: '{"b":[1,2]}' }, "http://x/");
    expect(js).toContain('fetch("http://x/compare"');
    expect(js).toContain('method: "POST"');
    expect(js).toContain('body: JSON.stringify({"b":[1,2]})');
    // the snippet is valid JavaScript
    expect(() => new Function(`return async () => { ${js} }`)).not.toThrow();
  });

  it("asks for the event stream exactly as the dashboard did", () => {
    const req = { method: "POST", path: "/simulate", accept: "text/event-stream", body: '{"tasks":10}' };
    const curl = toCurl(req, "http://x");
    expect(curl).toContain("-N");
    expect(curl).toContain("-H 'Accept: text/event-stream'");
    expect(curl).toContain(`--data-raw '{"tasks":10}'`);
    const js = toFetch(req, "http://x");
    expect(js).toContain('headers: { "Content-Type": "application/json", Accept: "text/event-stream" }');
    expect(js).toContain("res.body");
    expect(() => new Function(`return async () => { ${js} }`)).not.toThrow();
  });

  it("measures the body in bytes", () => {
    expect(bodySize({ method: "POST", path: "/", body: "é" })).toBe(2);
    expect(bodySize({ method: "GET", path: "/" })).toBe(0);
  });
});
