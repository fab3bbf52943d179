// Reproducible snippets (curl and fetch) of the exact request the dashboard just made.

export interface RecordedRequest {
  method: string;
  /** Path on the API, e.g. "/predict" (no /api proxy prefix). */
  path: string;
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
  parts.push(shellQuote(url));
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
  if (req.body !== undefined) {
    lines.push(`  headers: { "Content-Type": "application/json" },`);
    lines.push(`  body: JSON.stringify(${req.body}),`);
  }
  lines.push("});", "const data = await res.json();");
  return lines.join("\n");
}

/** Size of the snippet body in a human unit, to warn before copying megabytes. */
export function bodySize(req: RecordedRequest): number {
  return req.body ? new TextEncoder().encode(req.body).length : 0;
}
