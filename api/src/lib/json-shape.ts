/**
 * The shape of a JSON text measured without parsing it: nesting depth and number of values
 * (approximated as containers + commas, an upper bound of the values minus one). One pass over the
 * text; strings are skipped with indexOf. JSON.parse of 9 MB of `[[[[...` blocks the event loop for
 * over a second and of `[[],[],...]` takes ~15x the text in memory, so routes check these bounds first.
 */

export type ShapeProblem = { kind: "depth" | "values"; limit: number };

export function checkJsonShape(text: string, maxDepth: number, maxValues: number): ShapeProblem | undefined {
  let depth = 0;
  let values = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        if (j < 0) return undefined; // unterminated string: JSON.parse reports it
        let slashes = 0;
        for (let k = j - 1; text.charCodeAt(k) === 0x5c; k--) slashes++;
        if (slashes % 2 === 0) break;
      }
      i = j;
    } else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      if (++depth > maxDepth) return { kind: "depth", limit: maxDepth };
      if (++values > maxValues) return { kind: "values", limit: maxValues };
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) {
      depth--;
    } else if (ch === 0x2c /* , */) {
      if (++values > maxValues) return { kind: "values", limit: maxValues };
    }
  }
  return undefined;
}
