import { TriangulateError } from "../../core/errors.ts";
import type { DocumentToSave, SaveResult, StoreAdapter } from "../../core/ports.ts";
import { startModuleWorker } from "../../threads/module-worker.ts";
import type { WorkerRpc } from "../../threads/worker-rpc.ts";
import { ThreadStoppedError, createWorkerRpc } from "../../threads/worker-rpc.ts";
import type { WriterData, WriterReply, WriterRequest } from "./writer-protocol.ts";
import { WRITER_WORKER } from "./writer-protocol.ts";

/**
 * `store` with its writes (`saveDocument`, `saveDocuments`) on a thread of
 * their own, with its own connection to the database file at `path`: the
 * caller goes on (extracting the next batch) while a batch is written.
 * Everything else reads through `store`. Each document is as atomic as
 * before; should the thread die, the writes it held fail as `store_failed`.
 * Not for `:memory:`, which a second connection would not share.
 */
export function withWriterThread(store: StoreAdapter, path: string): StoreAdapter {
  // Started by the first write: a run that saves nothing pays nothing for it.
  let writer: WorkerRpc<WriterRequest, WriterReply> | null = null;
  const send = async (request: WriterRequest): Promise<WriterReply> => {
    writer ??= createWorkerRpc(
      startModuleWorker(import.meta.url, WRITER_WORKER, { path } satisfies WriterData),
      "writer",
    );
    try {
      return await writer.call(request);
    } catch (error) {
      throw error instanceof ThreadStoppedError ? new TriangulateError("store_failed", error.message) : error;
    }
  };

  const saveDocuments = async (batch: readonly DocumentToSave[]): Promise<readonly SaveResult[]> => {
    const reply = await send({ kind: "save", batch });
    if (reply.kind !== "saved") throw new TriangulateError("store_failed", "the writer thread did not save");
    return reply.results.map((result) =>
      result.ok ? result : { ok: false, error: new TriangulateError(result.code, result.message) },
    );
  };

  return {
    ...store,
    saveDocuments,
    async saveDocument(doc, extraction) {
      const [result] = await saveDocuments([{ doc, extraction }]);
      if (!result) throw new TriangulateError("store_failed", `cannot save document ${doc.id}: no answer`);
      if (!result.ok) throw result.error;
      return result.outcome;
    },
    async close() {
      try {
        if (writer?.alive) await send({ kind: "close" });
      } finally {
        await writer?.terminate();
        await store.close();
      }
    },
  };
}
