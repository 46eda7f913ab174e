import { storeError } from "../store-error.ts";

/** Runs a driver call now and settles with its result, its errors turned into `store_failed` saying what was being done. */
export function settle<T>(action: string, run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(storeError(action, error));
  }
}
