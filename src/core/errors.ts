/**
 * Stable error codes. Each edge maps them once: the CLI to exit codes and
 * messages, the server to HTTP statuses.
 */
export type ErrorCode =
  | "usage"
  | "invalid_input"
  | "invalid_id"
  | "invalid_offset"
  | "invalid_date"
  | "invalid_data"
  | "not_found"
  | "unauthorized"
  | "forbidden"
  | "unsupported"
  | "too_large"
  | "fetch_failed"
  | "store_failed";

export class TriangulateError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "TriangulateError";
    this.code = code;
  }
}

export function isTriangulateError(error: unknown): error is TriangulateError {
  return error instanceof TriangulateError;
}

/** The message of anything thrown, for one-line reports. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
