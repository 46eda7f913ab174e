import type { Worker } from "node:worker_threads";
import { TriangulateError } from "../../core/errors.ts";
import { startModuleWorker } from "../../threads/module-worker.ts";
import type { DocumentToSave, SaveResult, Store } from "../../core/ports.ts";
import type { WireError, WriterReply, WriterRequest } from "./writer-worker.ts";

interface Pending {
  readonly resolve: (reply: WriterReply) => void;
  readonly reject: (error: TriangulateError) => void;
}

/**
 * `store` with its writes (`saveDocument`, `saveDocuments`) on a thread of
 * their own, with its own connection to the database file at `path`: the
 * caller goes on (extracting the next batch) while a batch is written.
 * Everything else reads through `store`. Each document is as atomic as
 * before; should the thread die, the writes it held fail as `store_failed`.
 * Not for `:memory:`, which a second connection would not share.
 */
export function withWriterThread(store: Store, path: string): Store {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: TriangulateError | null = null;
  // Started by the first write: a run that saves nothing pays nothing for it.
  let worker: Worker | null = null;

  const fail = (message: string): void => {
    failure ??= new TriangulateError("store_failed", `the writer thread stopped: ${message}`);
    for (const job of pending.values()) job.reject(failure);
    pending.clear();
  };
  const start = (): Worker => {
    const started = startModuleWorker(import.meta.url, "writer-worker", { path });
    started.on("message", (reply: WriterReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      job?.resolve(reply);
    });
    started.on("error", (error) => {
      fail(error.message);
    });
    started.on("exit", (code) => {
      fail(`exit code ${code}`);
    });
    return started;
  };

  const send = (request: WriterRequest): Promise<WriterReply> => {
    if (failure) return Promise.reject(failure);
    const thread = (worker ??= start());
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      thread.postMessage(request);
    });
  };
  const toError = (error: WireError): TriangulateError => new TriangulateError(error.code, error.message);

  const saveDocuments = async (batch: readonly DocumentToSave[]): Promise<readonly SaveResult[]> => {
    const reply = await send({ kind: "save", id: nextId++, batch });
    if ("error" in reply) throw toError(reply.error);
    if (!("results" in reply)) throw new TriangulateError("store_failed", "the writer thread did not save");
    return reply.results.map((result) => (result.ok ? result : { ok: false, error: toError(result) }));
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
        if (worker) {
          const reply = await send({ kind: "close", id: nextId++ });
          if ("error" in reply) throw toError(reply.error);
        }
      } finally {
        worker?.removeAllListeners("exit");
        await worker?.terminate();
        await store.close();
      }
    },
  };
}
