"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiCall } from "../lib/client";
import { ApiError } from "../lib/client";

export interface Polled<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  updatedAt: number | null;
  reload: () => void;
}

/**
 * Calls `fn` now and then every `intervalMs` (0 = once) while `enabled`. Keeps the last good
 * data when a later call fails, so a blip shows an error without blanking the page.
 */
export function usePolling<T>(fn: () => Promise<ApiCall<T>>, intervalMs: number, enabled = true): Polled<T> {
  const [state, setState] = useState<Omit<Polled<T>, "reload">>({ data: null, error: null, loading: true, updatedAt: null });
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const busy = useRef(false);

  const run = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const r = await fnRef.current();
      setState({ data: r.data, error: null, loading: false, updatedAt: Date.now() });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, "client_error", (e as Error).message);
      setState((s) => ({ ...s, error: err, loading: false }));
    } finally {
      busy.current = false;
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    void run();
    if (intervalMs <= 0) return;
    const id = window.setInterval(() => void run(), intervalMs);
    return () => window.clearInterval(id);
  }, [run, intervalMs, enabled]);

  return { ...state, reload: () => void run() };
}
