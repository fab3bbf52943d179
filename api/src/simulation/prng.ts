/**
 * mulberry32, bit for bit the same as models/edgesim/prng.py: a seed names the same stream in
 * Python and TypeScript. Returns floats in [0, 1).
 */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    // Python: seed & 0xFFFFFFFF (ToUint32 is the same for every safe integer, negative ones included).
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** A function-style generator, like the Python object's __call__. */
export function mulberry32(seed: number): () => number {
  const g = new Mulberry32(seed);
  return () => g.next();
}
