import type { CSSProperties, ReactNode } from "react";

/**
 * A panel with a titled header: `title` (h2, or h3 with `level={3}` for a panel inside a panel),
 * an optional description under it and optional controls on the right. `flush` drops the body
 * padding for edge-to-edge tables; `as="article"` for one of a list of items.
 */
export function Card({
  title,
  description,
  actions,
  flush = false,
  className,
  style,
  testId,
  as: Tag = "section",
  level = 2,
  children,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  flush?: boolean;
  className?: string;
  style?: CSSProperties;
  testId?: string;
  as?: "section" | "article" | "div";
  level?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Tag className={["card", flush ? "flush" : "", className ?? ""].filter(Boolean).join(" ")} style={style} data-testid={testId}>
      {(title !== undefined || actions !== undefined) && (
        <div className="card-header">
          <div>
            {title !== undefined && <Heading>{title}</Heading>}
            {description !== undefined && <p>{description}</p>}
          </div>
          {actions}
        </div>
      )}
      {children}
    </Tag>
  );
}
