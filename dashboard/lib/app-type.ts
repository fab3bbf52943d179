// The API's route types for the hono client (api/src/app.ts, exported as "api/app").
// This is the only file that names the API package; everything else goes through lib/client.ts.
export type { AppType } from "api/app";
