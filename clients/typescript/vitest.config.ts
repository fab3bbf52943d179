import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts the real API server the tests call (and stops it).
    globalSetup: ["test/global-setup.ts"],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
