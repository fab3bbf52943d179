// Same-origin proxy to the inference API. The browser only ever talks to the dashboard; this
// handler forwards /api/<path> to ${API_URL}/<path>. API_URL is read on every request (not at
// build time), so one build can be pointed at any API.
import type { NextRequest } from "next/server";
import { apiBaseUrl, apiPublicUrl, proxyTimeoutMs } from "../../../lib/server-config";

export const dynamic = "force-dynamic";

// Request headers worth passing on; hop-by-hop and browser-specific ones are dropped.
const FORWARD_REQUEST = ["content-type", "accept", "x-request-id", "authorization", "x-api-key"];
// Response headers passed back; content-length/encoding are recomputed by the platform.
const FORWARD_RESPONSE = ["content-type", "x-request-id", "retry-after", "cache-control"];

type Ctx = { params: Promise<{ path: string[] }> };

async function proxy(req: NextRequest, ctx: Ctx): Promise<Response> {
  const { path } = await ctx.params;
  const base = apiBaseUrl();
  const target = `${base}/${path.map(encodeURIComponent).join("/")}${req.nextUrl.search}`;

  const headers = new Headers();
  for (const h of FORWARD_REQUEST) {
    const v = req.headers.get(h);
    if (v !== null) headers.set(h, v);
  }
  const serverKey = process.env.API_KEY;
  if (serverKey && !headers.has("x-api-key") && !headers.has("authorization")) headers.set("x-api-key", serverKey);

  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // The timeout bounds the wait for the API's answer to start; a stream (POST /simulate's
  // events) then flows for as long as it runs. A browser that goes away aborts the upstream
  // request too, so the API stops the work.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new DOMException("timed out", "TimeoutError")), proxyTimeoutMs());
  const onClientGone = () => abort.abort(req.signal.reason);
  req.signal.addEventListener("abort", onClientGone, { once: true });
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers,
      body: hasBody ? await req.arrayBuffer() : undefined,
      cache: "no-store",
      redirect: "manual",
      signal: abort.signal,
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const timedOut = (abort.signal.reason as Error | undefined)?.name === "TimeoutError";
    const reason = err.cause?.code ?? err.message;
    return Response.json(
      {
        error: "api_unreachable",
        message: timedOut
          ? `The API at ${apiPublicUrl()} did not answer within ${proxyTimeoutMs()} ms.`
          : `The API at ${apiPublicUrl()} is not reachable (${reason}).`,
      },
      { status: timedOut ? 504 : 502, headers: { "x-api-public-url": apiPublicUrl(), "cache-control": "no-store" } },
    );
  } finally {
    clearTimeout(timer);
  }

  const out = new Headers();
  for (const h of FORWARD_RESPONSE) {
    const v = upstream.headers.get(h);
    if (v !== null) out.set(h, v);
  }
  out.set("x-api-public-url", apiPublicUrl());
  if (!out.has("cache-control")) out.set("cache-control", "no-store");
  // An event stream must reach the browser event by event: no-transform keeps next start's
  // compression from buffering it.
  if (out.get("content-type")?.startsWith("text/event-stream")) out.set("cache-control", "no-cache, no-transform");
  return new Response(req.method === "HEAD" ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: out,
  });
}

export { proxy as GET, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE, proxy as HEAD };
