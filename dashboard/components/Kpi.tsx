import type { ReactNode } from "react";

/**
 * One headline number with its label and an optional note. On its own it is a card; `bare` drops
 * the card frame for KPIs grouped inside another card.
 */
export function Kpi({
  label,
  value,
  sub,
  testId,
  valueTestId,
  bare = false,
}: {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  testId?: string;
  valueTestId?: string;
  bare?: boolean;
}) {
  return (
    <div className={bare ? "kpi" : "card kpi"} data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value" data-testid={valueTestId}>
        {value}
      </div>
      {sub !== undefined && <div className="sub">{sub}</div>}
    </div>
  );
}
