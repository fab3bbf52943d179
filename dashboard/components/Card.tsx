import type { CSSProperties, ReactNode } from "react";

/**
 * A panel with a titled header: `title` (h2), an optional description under it and optional
 * controls on the right. `flush` drops the body padding for edge-to-edge tables.
 */
export function Card({
  title,
  description,
  actions,
  flush = false,
  className,
  style,
  testId,
  children,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  flush?: boolean;
  className?: string;
  style?: CSSProperties;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section className={["card", flush ? "flush" : "", className ?? ""].filter(Boolean).join(" ")} style={style} data-testid={testId}>
      {(title !== undefined || actions !== undefined) && (
        <div className="card-header">
          <div>
            {title !== undefined && <h2>{title}</h2>}
            {description !== undefined && <p>{description}</p>}
          </div>
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
