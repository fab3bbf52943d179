/**
 * Errors of the model registry. They carry the status and code the error middleware answers with
 * (the product's `{error, message}`; /v2 rewrites them as the protocol's `{error}`).
 */
import { ApiError } from "../lib/errors.js";

export class ModelNotFoundError extends ApiError {
  constructor(name: string, available: string[]) {
    super(404, "model_not_found", `unknown model '${name}'; available: ${available.join(", ") || "(none)"}`, undefined, available);
  }
}

export class VersionNotServedError extends ApiError {
  constructor(name: string, version: string, served: number[]) {
    super(404, "version_not_found", `model '${name}' has no served version '${version}'; its config.json serves ${served.join(", ")}`);
  }
}

export class ModelNotLoadedError extends ApiError {
  constructor(name: string, version: number | null, lastError?: string) {
    const which = version === null ? `model '${name}' is not loaded` : `version ${version} of model '${name}' is not loaded`;
    const how = version === null ? `POST /models/${name}/load` : `POST /models/${name}/versions/${version}/load`;
    super(503, "model_not_loaded", `${which}${lastError ? ` (last load error: ${lastError})` : ""}; ${how} to load it`);
  }
}

export class NoPreviousVersionError extends ApiError {
  constructor(name: string) {
    super(422, "no_previous_version", `model '${name}' has no previous version to roll back to: load another version first`);
  }
}

export class ModelLoadError extends ApiError {
  constructor(
    public readonly model: string,
    public readonly version: number | null,
    public readonly reason: string,
    serving: number | null,
  ) {
    super(
      422,
      "model_load_failed",
      `cannot load ${version === null ? "" : `version ${version} of `}model '${model}': ${reason}. ${serving === null ? "The model is not loaded." : `Version ${serving} keeps serving.`}`,
      [{ path: version === null ? model : `${model}/${version}`, message: reason }],
    );
  }
}
