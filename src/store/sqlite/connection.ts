import Database from "better-sqlite3";
import { TriangulateError, errorMessage } from "../../core/errors.ts";

/**
 * How long a writer waits for another process's write lock before failing:
 * long enough for another ingest's batch (128 documents, FTS5 included) on
 * a loaded machine, so that two ingests into one file both store everything.
 */
const BUSY_TIMEOUT_MS = 30_000;

/** How long to wait before trying the settings again when SQLite answers busy at once. */
const BUSY_RETRY_MS = 25;
const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `settle` again, for up to the busy timeout, while SQLite answers busy.
 * Two processes opening one new file at the same moment (two ingests) may
 * each find the other switching it to WAL or creating its schema, and SQLite
 * refuses some such locks at once rather than through the busy timeout.
 */
export function retryWhileBusy<T>(settle: () => T, timeoutMs: number = BUSY_TIMEOUT_MS): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return settle();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(SLEEP, 0, 0, BUSY_RETRY_MS);
    }
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}

/**
 * Opens (creating if needed) a SQLite database with the settings the store
 * relies on: WAL (readers never block the writer), foreign keys, a busy
 * timeout, and `synchronous = NORMAL`, which in WAL mode is durable at
 * checkpoints and fast enough for one transaction per ingested document.
 * @throws TriangulateError `store_failed` when the file cannot be opened or is not a database.
 */
export function openDatabase(path: string, options: { readonly readOnly?: boolean } = {}): Database.Database {
  const readOnly = options.readOnly === true;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: readOnly });
    const opened = db;
    retryWhileBusy(() => {
      opened.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      opened.pragma("journal_mode = WAL");
      opened.pragma("foreign_keys = ON");
      opened.pragma("synchronous = NORMAL");
      // Ingest writes one small transaction per document: a larger page cache and
      // fewer (synced) checkpoints roughly halve the cost of each (measured on
      // seed-sized documents); the WAL grows to about 40 MB before a checkpoint.
      opened.pragma("cache_size = -32768");
      opened.pragma("wal_autocheckpoint = 10000");
      // Gives the query planner statistics of large tables, as SQLite advises for
      // connections that live long (the server); cheap with the analysis limit.
      // A read-only connection cannot store them: the writer's connection does.
      if (!readOnly) {
        opened.pragma("analysis_limit = 400");
        opened.pragma("optimize = 0x10002");
      }
    });
    return db;
  } catch (error) {
    db?.close();
    throw new TriangulateError("store_failed", `cannot open database ${path}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}
