// The dashboard's only way to reach the API: the typed hono client pointed at the dashboard's
// own proxy (/api/*, app/api/[...path]/route.ts), so the browser needs no second address.
// Each call records the exact request it sent, for the copyable curl / fetch snippet.
import { hc } from "hono/client";
import type { AppType } from "./app-type";
import type { RecordedRequest } from "./snippet";
import type {
  ApiErrorBody,
  Client,
  CompareRequest,
  CompareResponse,
  EvalReport,
  GenerateRequest,
  GenerateResponse,
  HealthResponse,
  LoadResult,
  ModelDetail,
  ModelListResponse,
  PredictRequest,
  PredictResponse,
  ReadyResponse,
  SimulateProgress,
  SimulateRequest,
  SimulateResponse,
  StatsResponse,
} from "./types";
import { readSse } from "./sse";

/** Path prefix of the proxy route on the dashboard's origin. */
export const PROXY_PREFIX = "/api";

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues: { path: string; message: string }[] = [],
    public readonly available: string[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** True when the API itself could not be reached (proxy answered 502/504 or fetch failed). */
  get unreachable(): boolean {
    return this.code === "api_unreachable" || this.code === "network_error";
  }
}

export interface ApiCall<T> {
  data: T;
  status: number;
  request: RecordedRequest;
  /** Base URL of the API behind the proxy, as the proxy reported it (for snippets). */
  upstream: string | null;
}

function origin(): string {
  return typeof window === "undefined" ? "http://localhost" : window.location.origin;
}

/** Strip the proxy prefix and origin from a URL the client fetched. */
export function apiPath(url: string): string {
  const u = new URL(url, origin());
  const p = u.pathname.startsWith(PROXY_PREFIX + "/") ? u.pathname.slice(PROXY_PREFIX.length) : u.pathname;
  return p + u.search;
}

export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    /* not JSON */
  }
  return new ApiError(
    res.status,
    typeof body.error === "string" ? body.error : `http_${res.status}`,
    typeof body.message === "string" ? body.message : `${res.status} ${res.statusText || "error"}`,
    Array.isArray(body.issues) ? body.issues : [],
    Array.isArray(body.available) ? body.available : [],
  );
}

interface Sent {
  res: Response;
  request: RecordedRequest;
  upstream: string | null;
}

/** Send one typed client call through the proxy, recording the exact request; non-2xx (unless in `answers`) throws. */
async function send(fn: (c: Client) => Promise<Response>, fetchImpl: typeof fetch, answers: readonly number[] = []): Promise<Sent> {
  let request: RecordedRequest | null = null;
  const recordingFetch: typeof fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === "string" ? init.body : undefined;
    const accept = new Headers(init?.headers).get("accept");
    request = {
      method: (init?.method ?? "GET").toUpperCase(),
      path: apiPath(url),
      ...(accept ? { accept } : {}),
      ...(body !== undefined ? { body } : {}),
    };
    return fetchImpl(input, { ...init, cache: "no-store" });
  };
  const client = hc<AppType>(`${origin()}${PROXY_PREFIX}`, { fetch: recordingFetch });
  let res: Response;
  try {
    res = await fn(client);
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network_error", `The dashboard server could not be reached: ${(e as Error).message}`);
  }
  if (!res.ok && !answers.includes(res.status)) throw await errorFromResponse(res);
  return { res, request: request ?? { method: "GET", path: "/" }, upstream: res.headers.get("x-api-public-url") };
}

/**
 * Run one typed client call and return its JSON body with the request that produced it.
 * A status outside 2xx is an ApiError unless `answers` lists it (a route whose non-2xx status is
 * a normal answer, such as /ready's 503 before a model is loaded). `fetchImpl` is injectable for tests.
 */
export async function call<T>(
  fn: (c: Client) => Promise<Response>,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  answers: readonly number[] = [],
): Promise<ApiCall<T>> {
  const { res, request, upstream } = await send(fn, fetchImpl, answers);
  let data: T;
  try {
    data = (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, "bad_response", "The API answered with a body that is not JSON.");
  }
  return { data, status: res.status, request, upstream };
}

export interface SimulationHandlers {
  signal: AbortSignal;
  onProgress: (p: SimulateProgress) => void;
}

/**
 * POST /simulate with `Accept: text/event-stream`: reports each `progress` event and resolves with
 * the `result` event's answer (the same JSON the route answers without the header). Aborting
 * `signal` closes the connection, which stops the run on the server.
 */
export async function simulateStream(
  body: SimulateRequest,
  { signal, onProgress }: SimulationHandlers,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<ApiCall<SimulateResponse>> {
  const { res, request, upstream } = await send(
    (c) => c.simulate.$post({ json: body }, { headers: { accept: "text/event-stream" }, init: { signal } }),
    fetchImpl,
  );
  if (!res.body) throw new ApiError(res.status, "bad_response", "The API answered without a body.");
  for await (const e of readSse(res.body)) {
    const data = JSON.parse(e.data) as unknown;
    if (e.event === "progress") onProgress(data as SimulateProgress);
    else if (e.event === "result") return { data: data as SimulateResponse, status: res.status, request, upstream };
    else if (e.event === "error") {
      const err = data as ApiErrorBody;
      throw new ApiError(res.status, err.error, err.message);
    }
  }
  throw new ApiError(res.status, "incomplete_stream", "The simulation stream ended before its result.");
}

/** Every endpoint the dashboard uses, with the API's own request and response types. */
export const api = {
  health: () => call<HealthResponse>((c) => c.health.$get()),
  ready: () => call<ReadyResponse>((c) => c.ready.$get(), undefined, [503]),
  stats: () => call<StatsResponse>((c) => c.stats.$get()),
  models: () => call<ModelListResponse>((c) => c.models.$get()),
  model: (name: string) => call<ModelDetail>((c) => c.models[":name"].$get({ param: { name } })),
  loadModel: (name: string) => call<LoadResult>((c) => c.models[":name"].load.$post({ param: { name } })),
  generate: (body: GenerateRequest) => call<GenerateResponse>((c) => c.networks.generate.$post({ json: body })),
  predict: (body: PredictRequest) => call<PredictResponse>((c) => c.predict.$post({ json: body })),
  compare: (body: CompareRequest) => call<CompareResponse>((c) => c.compare.$post({ json: body })),
  evaluation: () => call<EvalReport>((c) => c.evaluation.$get()),
};
