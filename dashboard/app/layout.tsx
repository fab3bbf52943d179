import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";
import { Nav } from "../components/Nav";
import { ApiBanner, ApiStatusPill, ApiStatusProvider } from "../components/ApiStatus";

export const metadata: Metadata = {
  title: { default: "Edge Placement Dashboard", template: "%s · Edge Placement" },
  description: "Task-placement policies for IoT edge networks: live API health, predictions on generated networks, model comparison.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ApiStatusProvider>
          <header className="topbar">
            <div className="topbar-inner">
              <Link href="/" className="brand">
                <span className="brand-mark">E</span>
                Edge Placement <small>dashboard</small>
              </Link>
              <Nav />
              <ApiStatusPill />
            </div>
          </header>
          <ApiBanner />
          <main className="page">{children}</main>
        </ApiStatusProvider>
      </body>
    </html>
  );
}
