import { TriangulateError, errorMessage, isTriangulateError } from "../../core/errors.ts";

/** Runs a driver call now and settles with its result, its errors turned into `store_failed` saying what was being done. */
export function settle<T>(action: string, run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(storeError(action, error));
  }
}

/** A driver's error as `store_failed` naming the action; our own errors pass as they are. */
export function storeError(action: string, error: unknown): TriangulateError {
  if (isTriangulateError(error)) return error;
  return new TriangulateError("store_failed", `${action}: ${errorMessage(error)}`, { cause: error });
}
