import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The two Dockerfile replays wait mostly on npm's disk work: run the files side by side.
    poolOptions: { forks: { minForks: 1, maxForks: 4 } },
    testTimeout: 30_000,
    // A Dockerfile replay installs and builds in a temporary directory.
    hookTimeout: 240_000,
  },
});
