import { describe, expect, it } from "vitest";
import { Arena } from "../../src/simulation/arena.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { outcome, resolveTask } from "../../src/simulation/outcome.js";
import { routes } from "../../src/simulation/routing.js";

describe("Arena", () => {
  it("hands out zeroed, aligned views that never overlap, within and across buffers", () => {
    const arena = new Arena(64);
    const views = [arena.u8(3), arena.f64(4), arena.i32(5), arena.f64(2), arena.u8(100), arena.f64(1)];
    expect(views.map((v) => v.length)).toEqual([3, 4, 5, 2, 100, 1]);
    for (const v of views) {
      expect(Array.from(v).every((x) => x === 0)).toBe(true);
      expect(v.byteOffset % v.BYTES_PER_ELEMENT).toBe(0);
    }
    // Fill each view with its own marker, then every view still holds only its own.
    views.forEach((v, i) => v.fill(i + 1));
    views.forEach((v, i) => expect(Array.from(v).every((x) => x === i + 1)).toBe(true));
    // The first buffer (64 bytes) could not hold them all: later views live in other buffers.
    expect(new Set(views.map((v) => v.buffer)).size).toBeGreaterThan(1);
  });

  it("gives the arrays of one routes() call a single buffer, sized up front", () => {
    const net = generateNetwork(200, 3);
    const r = routes(net, 0);
    const arrays = [r.links.source, r.links.capacity, r.links.backlog, r.tree.dist, r.tree.parent, r.tree.order, r.tree.depth];
    expect(new Set(arrays.map((a) => a.buffer)).size).toBe(1);
  });

  it("puts outcome() and its routes in one buffer, with the values routes built apart give", () => {
    const net = generateNetwork(50, 9);
    const task = resolveTask(net, { source: 4 });
    const together = outcome(net, task);
    const apart = outcome(net, task, { routes: routes(net, 4) });
    expect(Array.from(together.reward)).toEqual(Array.from(apart.reward));
    expect(Array.from(together.arrive)).toEqual(Array.from(apart.arrive));
    expect(Array.from(together.valid)).toEqual(Array.from(apart.valid));
    expect(together.reward.buffer).toBe(together.routes.tree.parent.buffer);
  });
});
