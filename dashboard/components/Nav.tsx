"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/predict", label: "Predict" },
  { href: "/simulate", label: "Simulate" },
  { href: "/analytics", label: "Analytics" },
  { href: "/models", label: "Models" },
  { href: "/about", label: "About / API" },
];

export function Nav() {
  const path = usePathname();
  const ref = useRef<HTMLElement>(null);
  // On narrow screens the links scroll sideways: fade the edge that hides more links so it is
  // visible that they scroll, and bring the current page's link into view.
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    setMore({ left: el.scrollLeft > 1, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.querySelector<HTMLElement>("a.active")?.scrollIntoView({ block: "nearest", inline: "center" });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [path, measure]);

  return (
    <div className="nav-wrap" data-more-left={more.left} data-more-right={more.right} data-testid="nav">
      <nav className="nav" aria-label="Main" ref={ref} onScroll={measure}>
        {LINKS.map((l) => {
          const active = l.href === "/" ? path === "/" : path.startsWith(l.href);
          return (
            <Link key={l.href} href={l.href} className={active ? "active" : undefined} aria-current={active ? "page" : undefined}>
              {l.label}
            </Link>
          );
        })}
      </nav>
      <span className="nav-more left" aria-hidden="true">‹</span>
      <span className="nav-more right" aria-hidden="true">›</span>
    </div>
  );
}
