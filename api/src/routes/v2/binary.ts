/**
 * The binary tensor data extension (Triton's `binary_tensor_data`): the body is the JSON request of
 * `Inference-Header-Content-Length` bytes followed by the raw little-endian bytes of every input whose
 * `parameters.binary_data_size` says so, in input order. Outputs asked for with `binary_data: true` (or
 * all, with the request's `binary_data_output: true`) come back the same way.
 */
import { ApiError } from "../../lib/errors.js";
import type { InputTensor, OutputTensor } from "../../inference/oip.js";
import type { OipInferenceRequest } from "../../schemas/oip.js";

export const HEADER_LENGTH = "inference-header-content-length";

/** Split a binary request body into its JSON header and the bytes after it. */
export function splitBody(body: Uint8Array, headerLength: string): { header: unknown; rest: Uint8Array } {
  if (!/^\d{1,10}$/.test(headerLength) || Number(headerLength) > body.byteLength) {
    throw new ApiError(400, "bad_request", `Inference-Header-Content-Length is '${headerLength}'; it must be the byte length of the JSON header (the body has ${body.byteLength} bytes)`);
  }
  const n = Number(headerLength);
  try {
    return { header: JSON.parse(new TextDecoder().decode(body.subarray(0, n))), rest: body.subarray(n) };
  } catch {
    throw new ApiError(400, "bad_request", `the first ${n} bytes (Inference-Header-Content-Length) are not a JSON inference request`);
  }
}

const binarySize = (p: Record<string, unknown> | undefined): number | undefined => {
  const v = p?.binary_data_size;
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw new ApiError(400, "bad_request", `binary_data_size is ${JSON.stringify(v)}; a byte count`);
  return v;
};

/** The request's inputs, with the bytes after the JSON header (if any) handed out in input order. */
export function requestInputs(req: OipInferenceRequest, rest: Uint8Array = new Uint8Array(0)): InputTensor[] {
  let offset = 0;
  const inputs = req.inputs.map((input) => {
    const size = binarySize(input.parameters);
    const base = { name: input.name, shape: input.shape, datatype: input.datatype };
    if (size === undefined) {
      if (!input.data) throw new ApiError(400, "bad_request", `input '${input.name}' has neither data nor parameters.binary_data_size`);
      return { ...base, values: { json: input.data } };
    }
    if (input.data) throw new ApiError(400, "bad_request", `input '${input.name}' has both data and parameters.binary_data_size`);
    if (offset + size > rest.byteLength) {
      throw new ApiError(400, "bad_request", `input '${input.name}' wants ${size} bytes of binary data; only ${rest.byteLength - offset} are left`);
    }
    const bytes = rest.subarray(offset, offset + size);
    offset += size;
    return { ...base, values: { bytes } };
  });
  if (offset !== rest.byteLength) {
    throw new ApiError(400, "bad_request", `${rest.byteLength - offset} bytes after the JSON header belong to no input (binary_data_size)`);
  }
  return inputs;
}

/** Whether an output goes back as binary data. */
export function wantsBinary(req: OipInferenceRequest, name: string): boolean {
  if (req.parameters?.binary_data_output === true) return true;
  return req.outputs?.find((o) => o.name === name)?.parameters?.binary_data === true;
}

/** JSON numbers of an output: INT64 as numbers (graph values are far below 2^53). */
export function jsonData(t: OutputTensor): number[] {
  return t.data instanceof BigInt64Array ? Array.from(t.data, Number) : Array.from(t.data);
}

/** The response body of the extension: JSON header then the binary outputs' bytes, in output order. */
export function binaryBody(json: unknown, chunks: Uint8Array[]): { body: Uint8Array<ArrayBuffer>; headerLength: number } {
  const header = new TextEncoder().encode(JSON.stringify(json));
  const body = new Uint8Array(new ArrayBuffer(header.byteLength + chunks.reduce((n, b) => n + b.byteLength, 0)));
  body.set(header, 0);
  let offset = header.byteLength;
  for (const b of chunks) {
    body.set(b, offset);
    offset += b.byteLength;
  }
  return { body, headerLength: header.byteLength };
}
