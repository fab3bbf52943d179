// Server-side settings, read from the environment on every call (runtime, not build time).

export const DEFAULT_API_URL = "http://127.0.0.1:8000";

function clean(url: string): string {
  return url.trim().replace(/\/+$/, "");
}

/** Where the proxy sends requests: API_URL, default http://127.0.0.1:8000. */
export function apiBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const v = env.API_URL;
  return v && v.trim() ? clean(v) : DEFAULT_API_URL;
}

/**
 * The API address shown to people (snippets, Swagger link). API_PUBLIC_URL when the proxy
 * reaches the API under an internal name (e.g. http://api:8000 in docker compose).
 */
export function apiPublicUrl(env: Record<string, string | undefined> = process.env): string {
  const v = env.API_PUBLIC_URL;
  return v && v.trim() ? clean(v) : apiBaseUrl(env);
}

/** Proxy timeout in ms (API_TIMEOUT_MS, default 30000). */
export function proxyTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.API_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? n : 30_000;
}
