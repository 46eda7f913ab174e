import { TriangulateError, errorMessage, isTriangulateError } from "../core/errors.ts";

/** A driver's error as `store_failed` naming the action; our own errors pass as they are. */
export function storeError(action: string, error: unknown): TriangulateError {
  if (isTriangulateError(error)) return error;
  return new TriangulateError("store_failed", `${action}: ${errorMessage(error)}`, { cause: error });
}

/** Runs a driver's async work, its errors turned into `store_failed` saying what was being done. */
export async function attempt<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw storeError(action, error);
  }
}
