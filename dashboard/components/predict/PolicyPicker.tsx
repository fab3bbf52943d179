"use client";
// The loaded models to predict with (GET /models, the API's default first chosen), where the
// chosen one stands against greedy in its evaluation, and the Predict / Compare all buttons.
import { useEffect, useState } from "react";
import { api } from "../../lib/client";
import { verdictCounts, verdictSummary } from "../../lib/evaluation";
import { evaluationRows } from "../../lib/models";
import type { ModelSummary } from "../../lib/types";

export function PolicyPicker({
  model,
  onModel,
  canRun,
  busy,
  onPredict,
  onCompare,
}: {
  model: string;
  onModel: (m: string) => void;
  canRun: boolean;
  busy: "predict" | "compare" | "other" | null;
  onPredict: () => void;
  onCompare: () => void;
}) {
  const [summaries, setSummaries] = useState<ModelSummary[]>([]);
  const models = summaries.map((m) => m.name);
  const standing = verdictCounts(model, evaluationRows(summaries.find((m) => m.name === model)?.evaluation));

  useEffect(() => {
    api
      .models()
      .then((r) => {
        const loaded = r.data.models.filter((m) => m.loaded);
        const names = loaded.map((m) => m.name);
        setSummaries(loaded);
        if (!model) onModel(names.includes(r.data.default_model) ? r.data.default_model : (names[0] ?? ""));
      })
      .catch(() => setSummaries([]));
    // Once, when the page opens; `model` is only read to keep a choice already made.
  }, []);

  return (
    <div className="section">
      <h3>Model</h3>
      <div className="stack" style={{ gap: 10 }}>
        <label className="field">
          Policy
          <select value={model} onChange={(e) => onModel(e.target.value)} data-testid="model-select">
            {models.length === 0 && <option value="">API default</option>}
            {models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {standing.cells > 0 && (
          <p className="small muted" style={{ margin: 0 }} data-testid="model-standing">
            {model} in its evaluation (Analytics): {verdictSummary(standing)}.
          </p>
        )}
        <div className="row" style={{ flexWrap: "nowrap" }}>
          <button className="primary" style={{ flex: 1 }} onClick={onPredict} disabled={!canRun || busy !== null} data-testid="predict">
            {busy === "predict" ? "Predicting…" : "Predict"}
          </button>
          <button style={{ flex: 1 }} onClick={onCompare} disabled={!canRun || busy !== null} data-testid="compare">
            {busy === "compare" ? "Comparing…" : "Compare all"}
          </button>
        </div>
      </div>
    </div>
  );
}
