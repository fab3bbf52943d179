"use client";
// Polls GET /health through the proxy and shares the result: the top-bar pill and the banner
// shown on every page when the API is down (the pages themselves keep rendering).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { api, ApiError } from "../lib/client";
import type { HealthResponse } from "../lib/types";
import { formatUptime } from "../lib/format";

export type ApiState = "checking" | "up" | "degraded" | "down";

interface ApiStatusValue {
  state: ApiState;
  health: HealthResponse | null;
  error: string | null;
  checkedAt: number | null;
  upstream: string | null;
  refresh: () => void;
}

const Ctx = createContext<ApiStatusValue>({
  state: "checking",
  health: null,
  error: null,
  checkedAt: null,
  upstream: null,
  refresh: () => {},
});

export const useApiStatus = () => useContext(Ctx);

const POLL_MS = 10_000;

export function ApiStatusProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<Omit<ApiStatusValue, "refresh">>({
    state: "checking",
    health: null,
    error: null,
    checkedAt: null,
    upstream: null,
  });
  const inFlight = useRef(false);

  const check = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const r = await api.health();
      // "degraded": the API runs but has no model loaded.
      const healthy = r.data.status === "healthy";
      setValue({
        state: healthy ? "up" : "degraded",
        health: r.data,
        error: healthy ? null : `The API reports status "${r.data.status}".`,
        checkedAt: Date.now(),
        upstream: r.upstream,
      });
    } catch (e) {
      const err = e as ApiError;
      setValue((v) => ({
        state: "down",
        health: null,
        error: err.message,
        checkedAt: Date.now(),
        upstream: v.upstream,
      }));
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    void check();
    const id = window.setInterval(() => void check(), POLL_MS);
    return () => window.clearInterval(id);
  }, [check]);

  return <Ctx.Provider value={{ ...value, refresh: () => void check() }}>{children}</Ctx.Provider>;
}

export function ApiStatusPill() {
  const { state, health } = useApiStatus();
  const cls = state === "up" ? "ok" : state === "degraded" ? "warn" : state === "down" ? "bad" : "";
  const uptime = health?.uptime_seconds ?? null;
  const label =
    state === "up"
      ? `API v${health?.version} up ${formatUptime(uptime)}`
      : state === "degraded"
        ? "API degraded"
        : state === "down"
          ? "API unreachable"
          : "Checking API…";
  return (
    <span className="status-pill" data-testid="api-status" data-state={state}>
      <span className={`dot ${cls}`} />
      {label}
    </span>
  );
}

export function ApiBanner() {
  const { state, error, refresh, checkedAt } = useApiStatus();
  if (state !== "down" && state !== "degraded") return null;
  return (
    <div className="banner-wrap">
      <div className={`banner ${state === "down" ? "bad" : "warn"}`} role="alert" data-testid="api-banner">
        <strong>{state === "down" ? "The inference API is unreachable." : "The inference API is degraded."}</strong>
        <span>{error}</span>
        <span className="spacer" />
        {checkedAt && (
          <span className="small">
            last checked {new Date(checkedAt).toLocaleTimeString()} · retrying every {POLL_MS / 1000} s
          </span>
        )}
        <button className="small" onClick={refresh}>
          Retry now
        </button>
      </div>
    </div>
  );
}
