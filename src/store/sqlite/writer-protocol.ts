import type { ErrorCode } from "../../core/errors.ts";
import type { DocumentToSave, SaveOutcome } from "../../core/ports.ts";

/** What the writer thread of `withWriterThread` is sent and answers (see `worker-rpc.ts` for how). */

/** The writer thread's module: its own connection to the database, which the opening thread has migrated. */
export const WRITER_WORKER = "writer-worker";

/** A batch to save, or the last request: close the database. */
export type WriterRequest =
  { readonly kind: "save"; readonly batch: readonly DocumentToSave[] } | { readonly kind: "close" };

/** One document's `SaveResult`, its error as code and message (an error's class does not cross threads). */
export type WireResult =
  | { readonly ok: true; readonly outcome: SaveOutcome }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

export type WriterReply =
  { readonly kind: "saved"; readonly results: readonly WireResult[] } | { readonly kind: "closed" };

/** What the writer thread is started with. */
export interface WriterData {
  readonly path: string;
}
