/**
 * models/onnx/<name>.json: the export contract's manifest (issue 2, section 4), validated with zod.
 * Only what the API relies on is required; everything else is kept and served by GET /models/{name}.
 */
import { z } from "zod";
import * as spec from "../simulation/spec.js";

const FeatureSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({ name: z.string() }),
]);

const TensorSpecSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({ name: z.string() }),
]);

export const ManifestSchema = z.looseObject({
  name: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String),
  algorithm: z.string().optional(),
  architecture: z.unknown().optional(),
  features: z.array(FeatureSchema).min(1),
  /** sha256 of the .onnx file; either top-level or inside `onnx`/`file` blocks */
  sha256: z.string().regex(/^[0-9a-f]{64}$/i).optional(),
  onnx: z.union([z.string(), z.looseObject({ file: z.string().optional(), path: z.string().optional(), sha256: z.string().optional() })]).optional(),
  file: z.string().optional(),
  inputs: z.union([z.array(TensorSpecSchema), z.record(z.string(), z.unknown())]).optional(),
  outputs: z.union([z.array(TensorSpecSchema), z.record(z.string(), z.unknown())]).optional(),
});

export type Manifest = z.output<typeof ManifestSchema>;

/** The .onnx file name the manifest points at (default `<name>.onnx`). */
export function onnxFileOf(m: Manifest, fallback: string): string {
  if (typeof m.onnx === "string") return m.onnx;
  if (m.onnx && typeof m.onnx === "object") return m.onnx.file ?? m.onnx.path ?? fallback;
  return m.file ?? fallback;
}

export function sha256Of(m: Manifest): string | undefined {
  if (m.sha256) return m.sha256.toLowerCase();
  if (m.onnx && typeof m.onnx === "object" && m.onnx.sha256) return m.onnx.sha256.toLowerCase();
  return undefined;
}

export function featureNames(m: Manifest): string[] {
  return m.features.map((f) => f.name);
}

/** Throws unless the manifest's features are exactly the ones the TypeScript feature builder writes. */
export function checkFeatures(m: Manifest): void {
  const names = featureNames(m);
  const expected = spec.FEATURES as readonly string[];
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    throw new Error(
      `manifest features [${names.join(", ")}] differ from the API's feature builder [${expected.join(", ")}]`,
    );
  }
}
