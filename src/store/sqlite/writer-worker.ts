import { parentPort, workerData } from "node:worker_threads";
import { errorMessage, isTriangulateError } from "../../core/errors.ts";
import type { Store } from "../../core/ports.ts";
import { serveRpc } from "../../threads/worker-rpc.ts";
import { openSqliteStore } from "../open.ts";
import type { WriterData, WriterReply, WriterRequest } from "./writer-protocol.ts";

// Runs only as the writer thread of `withWriterThread`: its own connection to
// the database, which the opening thread has already migrated.
if (parentPort) {
  const { data } = workerData as { data: WriterData };
  let store: Store | null = null;
  serveRpc<WriterRequest, WriterReply>(parentPort, async (request) => {
    if (request.kind === "close") {
      await store?.close();
      return { kind: "closed" };
    }
    store ??= openSqliteStore(data.path);
    const results = await store.saveDocuments(request.batch);
    return {
      kind: "saved",
      results: results.map((result) =>
        result.ok
          ? result
          : {
              ok: false,
              code: isTriangulateError(result.error) ? result.error.code : "store_failed",
              message: errorMessage(result.error),
            },
      ),
    };
  });
}
