/**
 * Typed client for the edge placement API: openapi-fetch over the types openapi-typescript generated
 * from the API's /openapi.json (src/schema.d.ts; `npm run generate` refreshes it).
 *
 *   const api = createClient({ baseUrl: "http://127.0.0.1:8000" });
 *   const { data, error } = await api.POST("/predict", { body: { network_state } });
 */
import createFetchClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
export type Schemas = components["schemas"];

export interface EdgePlacementClientOptions extends ClientOptions {
  baseUrl: string;
  /** Sent as x-api-key when the API has API_KEYS set. */
  apiKey?: string;
}

export type EdgePlacementClient = Client<paths>;

export function createClient({ apiKey, ...options }: EdgePlacementClientOptions): EdgePlacementClient {
  const client = createFetchClient<paths>(options);
  if (apiKey !== undefined) {
    client.use({
      onRequest({ request }) {
        request.headers.set("x-api-key", apiKey);
        return request;
      },
    });
  }
  return client;
}
