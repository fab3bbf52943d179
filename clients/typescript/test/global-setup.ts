/** One real API server for every test file (the client's and the Python example's). */
import type { TestProject } from "vitest/node";
import { startApiServer } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    apiBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startApiServer();
  project.provide("apiBaseUrl", server.baseUrl);
  return async () => {
    const code = await server.stop();
    if (code !== 0) throw new Error(`the API server exited with ${code} on SIGTERM`);
  };
}
