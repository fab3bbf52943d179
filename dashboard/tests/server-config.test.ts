import { describe, expect, it } from "vitest";
import { apiBaseUrl, apiPublicUrl, DEFAULT_API_URL, proxyTimeoutMs } from "../lib/server-config";

describe("server config", () => {
  it("defaults the API address and trims trailing slashes", () => {
    expect(apiBaseUrl({})).toBe(DEFAULT_API_URL);
    expect(apiBaseUrl({ API_URL: " " })).toBe(DEFAULT_API_URL);
    expect(apiBaseUrl({ API_URL: "http://api:8000//" })).toBe("http://api:8000");
  });
  it("shows API_PUBLIC_URL when set, else API_URL", () => {
    expect(apiPublicUrl({ API_URL: "http://api:8000" })).toBe("http://api:8000");
    expect(apiPublicUrl({ API_URL: "http://api:8000", API_PUBLIC_URL: "http://localhost:8000/" })).toBe("http://localhost:8000");
  });
  it("reads a positive timeout", () => {
    expect(proxyTimeoutMs({})).toBe(30000);
    expect(proxyTimeoutMs({ API_TIMEOUT_MS: "500" })).toBe(500);
    expect(proxyTimeoutMs({ API_TIMEOUT_MS: "-1" })).toBe(30000);
  });
});
