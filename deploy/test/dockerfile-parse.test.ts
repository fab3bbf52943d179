/** The Dockerfile reader and replayer reject what is wrong, so the replay tests can fail. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dockerignore, parseDockerfile, replay, staticProblems } from "./lib/dockerfile.js";
import { REPO_ROOT } from "./helpers/repo.js";

const parse = (text: string) => parseDockerfile(text, "Dockerfile.test");

describe("Dockerfile checks", () => {
  it("reads stages, ARG defaults in FROM and continuation lines", () => {
    const df = parse("ARG IMG=node:20-slim\nFROM ${IMG} AS base\n# comment\nENV A=1 \\\n    B=2\nFROM base AS next\nCMD [\"node\"]\n");
    expect(df.stages.map((s) => [s.name, s.from])).toEqual([
      ["base", "node:20-slim"],
      ["next", "base"],
    ]);
    expect(df.stages[0]!.instructions).toEqual([{ keyword: "ENV", args: "A=1 B=2", line: 4 }]);
  });

  it("names a missing COPY source, an ignored one, an unknown stage and a missing CMD", () => {
    const df = parse(
      [
        "FROM node:20-slim AS build",
        "COPY api/package.json api/no-such-file.ts ./",
        "COPY models/checkpoints ./checkpoints",
        "FROM node:20-slim AS runtime",
        "COPY --from=bulid /app ./",
      ].join("\n"),
    );
    expect(staticProblems(df, REPO_ROOT)).toEqual([
      "line 2: COPY source api/no-such-file.ts does not exist",
      "line 3: COPY source models/checkpoints is excluded by .dockerignore",
      "line 5: COPY --from=bulid names no earlier stage",
      "the last stage needs one CMD, has 0",
    ]);
  });

  it("refuses instructions it does not replay rather than skipping them", () => {
    expect(() => parse("FROM node:20-slim\nADD https://example.com/x.tgz /x\n")).toThrow(/Dockerfile.test:2: ADD is not replayed/);
  });

  it("applies .dockerignore as Docker does: **/ at any depth, ! re-includes", () => {
    const ignored = dockerignore(REPO_ROOT);
    expect(ignored("api/node_modules")).toBe(true);
    expect(ignored("node_modules/hono/package.json")).toBe(true);
    expect(ignored("api/dist/server.js")).toBe(true);
    expect(ignored(".env")).toBe(true);
    expect(ignored(".env.example")).toBe(false);
    expect(ignored("api/src/server.ts")).toBe(false);
  });

  it("a failing RUN fails the replay with its exit code and output", async () => {
    const work = mkdtempSync(join(tmpdir(), "replay-test-"));
    const context = mkdtempSync(join(tmpdir(), "replay-context-"));
    try {
      writeFileSync(join(context, "greeting.txt"), "hello\n");
      const df = parse('FROM node:20-slim AS a\nWORKDIR /app\nCOPY greeting.txt ./\nRUN grep -q hello greeting.txt && echo "no build here" && exit 3\nCMD ["node"]\n');
      const log: string[] = [];
      await expect(replay(df, { contextDir: context, workDir: work, runEnv: { PATH: process.env.PATH! }, log: (l) => log.push(l) })).rejects.toThrow(
        /failed with exit code 3:\nno build here/,
      );
      expect(log[0]).toBe("COPY greeting.txt ./");
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(context, { recursive: true, force: true });
    }
  });
});
