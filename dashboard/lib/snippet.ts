// Reproducible snippets (curl and fetch) of the exact request the dashboard just made.

export interface RecordedRequest {
  method: string;
  /** Path on the API, e.g. "/predict" (no /api proxy prefix). */
  path: string;
  /** The Accept header, when the request asked for something other than JSON (text/event-stream). */
  accept?: string;
  /** The exact JSON text that was sent, if any. */
  body?: string;
}

/** Quote a string for POSIX shells using single quotes. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

export function toCurl(req: RecordedRequest, base: string): string {
  const url = joinUrl(base, req.path);
  const method = req.method.toUpperCase();
  const parts = ["curl -sS"];
  if (method !== "GET") parts.push(`-X ${method}`);
  // -N: print a stream's events as they arrive
  if (req.accept === "text/event-stream") parts.push("-N");
  parts.push(shellQuote(url));
  if (req.accept) parts.push(`-H ${shellQuote(`Accept: ${req.accept}`)}`);
  if (req.body !== undefined) {
    parts.push(`-H 'Content-Type: application/json'`);
    parts.push(`--data-raw ${shellQuote(req.body)}`);
  }
  return parts.join(" \\\n  ");
}

export function toFetch(req: RecordedRequest, base: string): string {
  const url = joinUrl(base, req.path);
  const method = req.method.toUpperCase();
  const lines = [`const res = await fetch(${JSON.stringify(url)}, {`, `  method: ${JSON.stringify(method)},`];
  const headers = [...(req.body !== undefined ? [`"Content-Type": "application/json"`] : []), ...(req.accept ? [`Accept: ${JSON.stringify(req.accept)}`] : [])];
  if (headers.length) lines.push(`  headers: { ${headers.join(", ")} },`);
  if (req.body !== undefined) lines.push(`  body: JSON.stringify(${req.body}),`);
  // A stream is read as it arrives: res.body is its Server-Sent Events.
  lines.push("});", req.accept === "text/event-stream" ? "const events = res.body; /* Server-Sent Events: progress ..., then one result */" : "const data = await res.json();");
  return lines.join("\n");
}

/** Size of the snippet body in a human unit, to warn before copying megabytes. */
export function bodySize(req: RecordedRequest): number {
  return req.body ? new TextEncoder().encode(req.body).length : 0;
}
