"use client";
// plotly.js-dist-min, loaded in the browser only (dynamic import inside an effect), so no
// server-side rendering touches window. Re-renders with Plotly.react when data or layout change.
import { useEffect, useRef, useState } from "react";
import type { Config, Data, Layout } from "plotly.js";
import { baseLayout } from "../lib/charts";

type PlotlyModule = typeof import("plotly.js-dist-min");
let plotlyPromise: Promise<PlotlyModule> | null = null;
function loadPlotly(): Promise<PlotlyModule> {
  plotlyPromise ??= import("plotly.js-dist-min").then((m) => ((m as unknown as { default?: PlotlyModule }).default ?? m));
  return plotlyPromise;
}

export interface PlotProps {
  data: Data[];
  layout?: Partial<Layout>;
  config?: Partial<Config>;
  height?: number;
  testId?: string;
  ariaLabel: string;
}

export function Plot({ data, layout, config, height = 340, testId, ariaLabel }: PlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  // Plotly.react keeps stale axis ranges when it gets the same trace objects with a new layout,
  // so render from a fresh copy, and only when the content (not just the object identity) changed.
  const spec = JSON.stringify({ data, layout: layout ?? {}, config: config ?? {}, height });

  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    if (!el) return;
    const fresh = JSON.parse(spec) as { data: Data[]; layout: Partial<Layout>; config: Partial<Config>; height: number };
    loadPlotly()
      .then((Plotly) => {
        if (cancelled) return;
        return Plotly.react(el, fresh.data, baseLayout({ height: fresh.height, ...fresh.layout }), {
          responsive: true,
          displaylogo: false,
          modeBarButtonsToRemove: ["lasso2d", "select2d"],
          ...fresh.config,
        }).then(() => {
          if (!cancelled) setReady(true);
        });
      })
      .catch((e: Error) => {
        if (!cancelled) setFailed(e.message);
      });
    return () => {
      cancelled = true;
    };
  }, [spec]);

  // Purge on unmount only.
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el && plotlyPromise) void plotlyPromise.then((Plotly) => Plotly.purge(el));
    };
  }, []);

  // Follow container size changes (sidebar collapse, grid reflow), not only window resizes.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (plotlyPromise && el.isConnected && el.querySelector(".main-svg")) {
          void plotlyPromise.then((Plotly) => Plotly.Plots.resize(el)).catch(() => {});
        }
      });
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, []);

  return (
    <div className="chart-box" style={{ position: "relative", minHeight: height }}>
      {!ready && !failed && (
        <div className="chart-loading" style={{ position: "absolute", inset: 0, minHeight: height }}>
          Loading chart…
        </div>
      )}
      {failed && <div className="error-box">Chart failed to render: {failed}</div>}
      <div ref={ref} className="chart" style={{ minHeight: height }} data-testid={testId} data-ready={ready ? "true" : "false"} role="img" aria-label={ariaLabel} />
    </div>
  );
}
