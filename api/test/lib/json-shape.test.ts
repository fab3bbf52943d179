import { describe, expect, it } from "vitest";
import { checkJsonShape } from "../../src/lib/json-shape.js";

describe("checkJsonShape", () => {
  it("measures depth and values without parsing", () => {
    expect(checkJsonShape('{"a":[1,2,[3]]}', 3, 10)).toBeUndefined();
    expect(checkJsonShape('{"a":[1,2,[3]]}', 2, 10)).toEqual({ kind: "depth", limit: 2 });
    expect(checkJsonShape("[1,2,3,4,5]", 8, 4)).toEqual({ kind: "values", limit: 4 });
    expect(checkJsonShape("[[],[],[]]", 8, 3)).toEqual({ kind: "values", limit: 3 });
  });
  it("skips brackets, commas and escaped quotes inside strings", () => {
    const s = JSON.stringify({ k: '[[[[,,,,{{{{ \\" "' + "]".repeat(20), b: "\\\\" });
    expect(JSON.parse(s)).toBeTruthy();
    expect(checkJsonShape(s, 1, 3)).toBeUndefined();
    expect(checkJsonShape('["a\\\\",[[[1]]]]', 3, 10)).toEqual({ kind: "depth", limit: 3 });
  });
  it("leaves malformed text to JSON.parse", () => {
    expect(checkJsonShape('{"unterminated', 1, 2)).toBeUndefined();
    expect(checkJsonShape("]]]]", 1, 1)).toBeUndefined();
  });
});
