import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../core/errors.ts";
import { TriangulateError, isTriangulateError } from "../core/errors.ts";

/** A query-string parameter that failed validation; the response names it. */
export class ParameterError extends TriangulateError {
  readonly parameter: string;
  /** What is wrong with it, without its name (the CLI names the flag instead). */
  readonly reason: string;

  constructor(parameter: string, reason: string) {
    super("invalid_input", `invalid parameter "${parameter}": ${reason}`);
    this.name = "ParameterError";
    this.parameter = parameter;
    this.reason = reason;
  }
}

/** The body of every error response. */
export interface ApiError {
  readonly error: {
    readonly code: ErrorCode | "internal";
    readonly message: string;
    /** The query parameter at fault, for validation errors. */
    readonly parameter?: string;
  };
}

const STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  usage: 400,
  invalid_input: 400,
  invalid_id: 400,
  invalid_offset: 400,
  invalid_date: 400,
  invalid_data: 500,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  unsupported: 400,
  too_large: 413,
  fetch_failed: 502,
  store_failed: 500,
};

/**
 * The one place that turns what a handler threw into an HTTP status and a
 * JSON body. Errors that are not ours become a 500 without their message, so
 * that internals (SQL, paths) do not leak to the browser.
 */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; body: ApiError } {
  // Hono's own refusals of a request (a body that is not JSON, say) keep their 4xx status.
  if (error instanceof HTTPException && error.status >= 400 && error.status < 500) {
    return { status: error.status, body: { error: { code: "invalid_input", message: error.message } } };
  }
  if (!isTriangulateError(error)) {
    return { status: 500, body: { error: { code: "internal", message: "internal server error" } } };
  }
  const status = STATUS[error.code];
  const message = status >= 500 ? "internal server error" : error.message;
  const parameter = error instanceof ParameterError ? { parameter: error.parameter } : {};
  return { status, body: { error: { code: error.code, message, ...parameter } } };
}
