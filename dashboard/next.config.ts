import type { NextConfig } from "next";
import path from "node:path";

// `next build` / `next start` run with the dashboard workspace as cwd; the npm workspace root
// (where node_modules lives) is one level up.
const workspaceRoot = path.resolve(process.cwd(), "..");

const nextConfig: NextConfig = {
  // The API address is read at request time by the proxy route (app/api/[...path]/route.ts),
  // never inlined at build time, so one build serves any API_URL.
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
};

export default nextConfig;
