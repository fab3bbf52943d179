import type { ApiError } from "../lib/client";

/**
 * A failed request, with the API's issues. "API unreachable" errors are left to the global
 * banner unless `showUnreachable` (for errors of an action the user just took).
 */
export function ErrorNotice({ error, title, showUnreachable = false }: { error: ApiError | Error | null; title?: string; showUnreachable?: boolean }) {
  if (!error) return null;
  const api = error as ApiError;
  if (!showUnreachable && api.unreachable) return null;
  const issues = Array.isArray(api.issues) ? api.issues : [];
  return (
    <div className="error-box" role="alert" data-testid="error">
      <strong>{title ?? "Request failed"}</strong>
      {typeof api.status === "number" && api.status > 0 ? ` (HTTP ${api.status}${api.code ? `, ${api.code}` : ""})` : ""}: {error.message}
      {issues.length > 0 && (
        <ul>
          {issues.slice(0, 8).map((i, k) => (
            <li key={k}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
      {Array.isArray(api.available) && api.available.length > 0 && <div>Available: {api.available.join(", ")}</div>}
    </div>
  );
}
