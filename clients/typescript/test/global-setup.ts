/** One real API server (the api source, 127.0.0.1, a free port) for every test file: the client's and the Python example's. */
import type { TestProject } from "vitest/node";
import { startServer, waitReady } from "../../../api/test/helpers/server.js";

declare module "vitest" {
  export interface ProvidedContext {
    apiBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startServer({ API_KEYS: "" }, 60_000);
  if (!(await waitReady(server.url, 60_000))) {
    await server.stop();
    throw new Error(`the API never became ready:\n${server.logs.join("\n")}`);
  }
  project.provide("apiBaseUrl", server.url);
  return async () => {
    const code = await server.stop();
    if (code !== 0) throw new Error(`the API server exited with ${code} on SIGTERM`);
  };
}
