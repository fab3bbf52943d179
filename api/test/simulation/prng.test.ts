import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Mulberry32, mulberry32 } from "../../src/simulation/prng.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/generator-python.json", import.meta.url), "utf8")) as {
  prng: Record<string, number[]>;
};

describe("mulberry32", () => {
  it.each(Object.entries(fixture.prng))("seed %s reproduces the Python stream bit for bit", (seed, expected) => {
    const r = new Mulberry32(Number(seed));
    expect(expected.map(() => r.next())).toEqual(expected);
  });

  it("stays in [0, 1) and is deterministic", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it("reduces seeds modulo 2^32 like Python's seed & 0xFFFFFFFF", () => {
    expect(new Mulberry32(2 ** 32 + 5).next()).toBe(new Mulberry32(5).next());
    expect(new Mulberry32(-1).next()).toBe(new Mulberry32(0xffffffff).next());
  });
});
