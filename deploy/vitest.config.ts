import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The Dockerfile replay installs and builds in a temporary directory.
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
