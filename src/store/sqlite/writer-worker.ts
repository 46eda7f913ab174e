import { parentPort, workerData } from "node:worker_threads";
import type { ErrorCode } from "../../core/errors.ts";
import { errorMessage, isTriangulateError } from "../../core/errors.ts";
import type { DocumentToSave, SaveOutcome, Store } from "../../core/ports.ts";
import { openSqliteStore } from "../open.ts";

/** A batch to save, or the last message: close the database. */
export type WriterRequest =
  | { readonly kind: "save"; readonly id: number; readonly batch: readonly DocumentToSave[] }
  | { readonly kind: "close"; readonly id: number };

/** An error as it crosses threads (a TriangulateError's class does not). */
export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type WireResult =
  { readonly ok: true; readonly outcome: SaveOutcome } | ({ readonly ok: false } & WireError);

export type WriterReply =
  | { readonly id: number; readonly results: readonly WireResult[] }
  | { readonly id: number; readonly closed: true }
  | { readonly id: number; readonly error: WireError };

function wireError(error: unknown): WireError {
  return { code: isTriangulateError(error) ? error.code : "store_failed", message: errorMessage(error) };
}

// Runs only as the writer thread of `withWriterThread`: its own connection to
// the database, which the opening thread has already migrated.
if (parentPort) {
  const port = parentPort;
  const { data } = workerData as { data: { path: string } };
  let store: Store | null = null;
  port.on("message", (request: WriterRequest) => {
    const reply = async (): Promise<WriterReply> => {
      try {
        if (request.kind === "close") {
          await store?.close();
          return { id: request.id, closed: true };
        }
        store ??= openSqliteStore(data.path);
        const results = await store.saveDocuments(request.batch);
        return {
          id: request.id,
          results: results.map((result) => (result.ok ? result : { ok: false, ...wireError(result.error) })),
        };
      } catch (error) {
        return { id: request.id, error: wireError(error) };
      }
    };
    void reply().then((message) => {
      port.postMessage(message);
    });
  });
}
