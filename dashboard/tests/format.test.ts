import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatMs, formatNumber, formatPct, formatUptime, shortHash, tierName } from "../lib/format";

describe("format", () => {
  it("formats uptime at each scale", () => {
    expect(formatUptime(5)).toBe("5s");
    expect(formatUptime(65)).toBe("1m 5s");
    expect(formatUptime(3 * 3600 + 62)).toBe("3h 1m 2s");
    expect(formatUptime(2 * 86400 + 3600)).toBe("2d 1h 0m");
    expect(formatUptime(null)).toBe("—");
    expect(formatUptime(-1)).toBe("—");
  });
  it("formats ms, percentages and numbers, with a dash for missing values", () => {
    expect(formatMs(1.234)).toBe("1.23 ms");
    expect(formatMs(1500)).toBe("1.50 s");
    expect(formatMs(Number.NaN)).toBe("—");
    expect(formatPct(0.1234)).toBe("12.3%");
    expect(formatPct(undefined)).toBe("—");
    expect(formatNumber(1234)).toBe("1,234");
    expect(formatNumber(0.5)).toBe("0.500");
    expect(formatNumber(0.00001)).toBe("1.00e-5");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("—");
    expect(formatCount(1234.4)).toBe("1,234");
  });
  it("shortens hashes and sizes", () => {
    expect(shortHash("a".repeat(64))).toBe(`${"a".repeat(12)}…`);
    expect(shortHash("abc")).toBe("abc");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KiB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MiB");
  });
  it("names tiers", () => {
    expect(tierName(0)).toBe("sensor");
    expect(tierName(1)).toBe("fog");
    expect(tierName(2)).toBe("cloud");
    expect(tierName(7)).toBe("type 7");
  });
});
