/**
 * Structured JSON logs (pino). Writes asynchronously to stdout so a request never waits on log I/O.
 */
import pino, { type Logger } from "pino";
import type { Config } from "../config/env.js";

export type { Logger };

export function createLogger(config: Pick<Config, "LOG_LEVEL">, destination?: pino.DestinationStream): Logger {
  const dest = destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: "edge-placement-api" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers["x-api-key"]', "req.headers.authorization"], remove: true },
    },
    dest,
  );
}

/** A logger that drops everything (tests, tools). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
