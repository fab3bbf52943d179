/**
 * Raw tensor inference for the Open Inference Protocol (docs/api.md, "Open Inference Protocol v2"): a
 * model's own inputs and outputs, checked against the graph's metadata before anything runs. Shapes,
 * datatypes and element counts are validated (and bounded by the node limits) first, element values
 * in one pass after; index inputs must point inside their network, since onnxruntime would fail on
 * an index out of range.
 */
import * as ort from "onnxruntime-node";
import { ApiError } from "../lib/errors.js";
import type { LoadedModel } from "./loaded-model.js";

export type Datatype = "FP32" | "INT64";
const DATATYPES: Partial<Record<string, Datatype>> = { float32: "FP32", int64: "INT64" };
const ELEMENT_BYTES: Record<Datatype, number> = { FP32: 4, INT64: 8 };
const FLOAT32_MAX = 3.4028234663852886e38;

export interface TensorMetadata {
  name: string;
  datatype: Datatype;
  /** -1 for a dynamic axis */
  shape: number[];
}

/** A request input: nested or flat JSON values, or little-endian bytes (binary tensor data extension). */
export interface InputTensor {
  name: string;
  shape: number[];
  datatype: string;
  values: { json: unknown[] } | { bytes: Uint8Array };
}

export interface OutputTensor {
  name: string;
  shape: number[];
  datatype: Datatype;
  data: Float32Array | BigInt64Array;
}

/** Bounds of one request's dynamic axes, from the node limits of the configuration. */
export interface TensorLimits {
  /** most networks (axis `batch`) */
  maxBatch: number;
  /** most nodes of one network (axis `nodes`) */
  maxNodes: number;
  /** most nodes over all networks (batch x nodes); any other dynamic axis is bounded by it too */
  maxBatchNodes: number;
  /** most links over all networks (axis `links`) */
  maxLinks: number;
}

/** A request the protocol answers with 400 and `{"error": message}`. */
export class InvalidTensorError extends ApiError {
  constructor(message: string) {
    super(400, "invalid_tensor", message);
  }
}

function datatypeOf(meta: ort.InferenceSession.ValueMetadata): { datatype: Datatype; dims: (number | string)[] } {
  if (!meta.isTensor || !DATATYPES[meta.type]) throw new Error(`graph value '${meta.name}' is not an FP32 or INT64 tensor`);
  return { datatype: DATATYPES[meta.type]!, dims: [...meta.shape] };
}

function describe(meta: readonly ort.InferenceSession.ValueMetadata[]): TensorMetadata[] {
  return meta.map((m) => {
    const { datatype, dims } = datatypeOf(m);
    return { name: m.name, datatype, shape: dims.map((d) => (typeof d === "number" && d >= 0 ? d : -1)) };
  });
}

/** The graph's inputs and outputs as the protocol's model metadata lists them. */
export function modelTensors(model: LoadedModel): { inputs: TensorMetadata[]; outputs: TensorMetadata[] } {
  return { inputs: describe(model.session.inputMetadata), outputs: describe(model.session.outputMetadata) };
}

/** Which axis each index input points along: its values must lie in [0, size). */
const INDEX_RANGE: Record<string, (axes: Map<string, number>) => number> = {
  parent: (axes) => axes.get("nodes") ?? 0,
  link_index: (axes) => (axes.get("batch") ?? 0) * (axes.get("nodes") ?? 0),
};

function boundAxes(axes: Map<string, number>, limits: TensorLimits): void {
  const bound = (axis: string, max: number, min: number, rule: string) => {
    const v = axes.get(axis);
    if (v !== undefined && (v > max || v < min)) {
      throw new InvalidTensorError(`axis '${axis}' is ${v}; ${v < min ? `at least ${min}` : `at most ${max} (${rule})`}`);
    }
  };
  bound("batch", limits.maxBatch, 1, "MAX_BATCH");
  bound("nodes", limits.maxNodes, 1, "MAX_NODES");
  bound("links", limits.maxLinks, 0, "4 x MAX_BATCH_NODES");
  const nodes = (axes.get("batch") ?? 1) * (axes.get("nodes") ?? 1);
  if (nodes > limits.maxBatchNodes) throw new InvalidTensorError(`batch x nodes is ${nodes}; at most ${limits.maxBatchNodes} (MAX_BATCH_NODES)`);
  for (const [axis, v] of axes) {
    if (!["batch", "nodes", "links"].includes(axis) && v > limits.maxBatchNodes) {
      throw new InvalidTensorError(`axis '${axis}' is ${v}; at most ${limits.maxBatchNodes} (MAX_BATCH_NODES)`);
    }
  }
}

/** Check each input's name, datatype and shape against the graph; returns the dynamic axes' sizes. */
function checkShapes(model: LoadedModel, inputs: InputTensor[], limits: TensorLimits): Map<string, number> {
  const declared = new Map(model.session.inputMetadata.map((m) => [m.name, datatypeOf(m)]));
  const seen = new Set<string>();
  const axes = new Map<string, number>();
  for (const input of inputs) {
    const spec = declared.get(input.name);
    if (!spec) throw new InvalidTensorError(`unexpected input '${input.name}'; model '${model.name}' takes ${[...declared.keys()].join(", ")}`);
    if (seen.has(input.name)) throw new InvalidTensorError(`input '${input.name}' is given twice`);
    seen.add(input.name);
    if (input.datatype !== spec.datatype) {
      throw new InvalidTensorError(`input '${input.name}' has datatype ${input.datatype}; the model expects ${spec.datatype}`);
    }
    const expected = spec.dims.map((d) => (typeof d === "number" && d >= 0 ? d : -1));
    if (input.shape.length !== spec.dims.length) {
      throw new InvalidTensorError(`input '${input.name}' has shape [${input.shape}]; the model expects [${expected}] (-1: any size)`);
    }
    spec.dims.forEach((d, i) => {
      const got = input.shape[i]!;
      if (typeof d === "number" && d >= 0) {
        if (got !== d) throw new InvalidTensorError(`input '${input.name}' has shape [${input.shape}]; dimension ${i} must be ${d}`);
        return;
      }
      const axis = typeof d === "string" && d !== "" ? d : `${input.name}[${i}]`;
      const known = axes.get(axis);
      if (known !== undefined && known !== got) {
        throw new InvalidTensorError(`input '${input.name}' has ${got} along axis '${axis}', other inputs ${known}`);
      }
      axes.set(axis, got);
    });
  }
  const missing = [...declared.keys()].filter((n) => !seen.has(n));
  if (missing.length > 0) throw new InvalidTensorError(`missing input(s) ${missing.join(", ")} of model '${model.name}'`);
  boundAxes(axes, limits);
  return axes;
}

/** Flatten JSON data in row-major order; nested data must follow the shape exactly. */
function flatten(input: InputTensor, data: unknown[], count: number): unknown[] {
  if (!data.some(Array.isArray)) return data;
  const out: unknown[] = [];
  const walk = (v: unknown[], depth: number) => {
    if (v.length !== input.shape[depth]) {
      throw new InvalidTensorError(`input '${input.name}': data has ${v.length} entries at depth ${depth}; shape [${input.shape}] wants ${input.shape[depth]} (or give all ${count} values flat)`);
    }
    for (const e of v) {
      if (depth + 1 < input.shape.length) {
        if (!Array.isArray(e)) throw new InvalidTensorError(`input '${input.name}': data is not nested like shape [${input.shape}]`);
        walk(e, depth + 1);
      } else {
        if (Array.isArray(e)) throw new InvalidTensorError(`input '${input.name}': data is nested deeper than shape [${input.shape}]`);
        out.push(e);
      }
    }
  };
  walk(data, 0);
  return out;
}

function toTensor(input: InputTensor, datatype: Datatype, count: number): ort.Tensor {
  const dims = input.shape;
  if ("bytes" in input.values) {
    const bytes = input.values.bytes;
    if (bytes.byteLength !== count * ELEMENT_BYTES[datatype]) {
      throw new InvalidTensorError(`input '${input.name}' has ${bytes.byteLength} bytes; shape [${dims}] of ${datatype} needs ${count * ELEMENT_BYTES[datatype]}`);
    }
    // Copy into an aligned buffer: the bytes may start at any offset of the request body.
    const aligned = new Uint8Array(bytes).buffer;
    if (datatype === "INT64") return new ort.Tensor("int64", new BigInt64Array(aligned), dims);
    const data = new Float32Array(aligned);
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i]!)) throw new InvalidTensorError(`input '${input.name}'[${i}] is not a finite number`);
    }
    return new ort.Tensor("float32", data, dims);
  }
  const values = flatten(input, input.values.json, count);
  if (values.length !== count) throw new InvalidTensorError(`input '${input.name}' has ${values.length} values; shape [${dims}] needs ${count}`);
  if (datatype === "INT64") {
    const data = new BigInt64Array(count);
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new InvalidTensorError(`input '${input.name}'[${i}] is ${JSON.stringify(v)}; INT64 data are whole numbers`);
      data[i] = BigInt(v);
    }
    return new ort.Tensor("int64", data, dims);
  }
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (typeof v !== "number" || !(Math.abs(v) <= FLOAT32_MAX)) throw new InvalidTensorError(`input '${input.name}'[${i}] is ${JSON.stringify(v) ?? String(v)}; FP32 data are finite numbers within float32 range`);
    data[i] = v;
  }
  return new ort.Tensor("float32", data, dims);
}

function checkIndices(name: string, tensor: ort.Tensor, size: number): void {
  const data = tensor.data as BigInt64Array;
  const max = BigInt(size);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < 0n || v >= max) throw new InvalidTensorError(`input '${name}'[${i}] is ${v}; its values index nodes and must lie in [0, ${size})`);
  }
}

/**
 * Run the model on raw tensors and return the requested outputs (all of them, in graph order, if none
 * is named). Throws InvalidTensorError for anything the graph would not accept.
 */
export async function inferTensors(model: LoadedModel, inputs: InputTensor[], requested: string[] | undefined, limits: TensorLimits): Promise<OutputTensor[]> {
  const axes = checkShapes(model, inputs, limits);
  const outputs = describe(model.session.outputMetadata);
  const names = requested ?? outputs.map((o) => o.name);
  for (const n of names) {
    if (!outputs.some((o) => o.name === n)) throw new InvalidTensorError(`unknown output '${n}'; model '${model.name}' gives ${outputs.map((o) => o.name).join(", ")}`);
  }
  const feeds: Record<string, ort.Tensor> = {};
  for (const input of inputs) {
    const datatype = input.datatype as Datatype;
    const tensor = toTensor(input, datatype, input.shape.reduce((a, b) => a * b, 1));
    const range = INDEX_RANGE[input.name];
    if (range && datatype === "INT64") checkIndices(input.name, tensor, range(axes));
    feeds[input.name] = tensor;
  }
  const out = await model.runFeeds(feeds, (axes.get("batch") ?? 1) * (axes.get("nodes") ?? 1));
  return names.map((name) => {
    const t = out[name]!;
    return { name, shape: [...t.dims], datatype: outputs.find((o) => o.name === name)!.datatype, data: t.data as Float32Array | BigInt64Array };
  });
}
