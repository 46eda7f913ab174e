import type { Store } from "../core/ports.ts";
import { openDatabase } from "./sqlite/connection.ts";
import { MIGRATIONS } from "./sqlite/migrations/index.ts";
import { migrate } from "./sqlite/migrator.ts";
import { createSqliteStore } from "./sqlite/sqlite-store.ts";
import { withWriterThread } from "./sqlite/writer-thread.ts";

export interface OpenOptions {
  /** Writes on a thread of their own (see `withWriterThread`), for long ingests; not for `:memory:`. */
  readonly writerThread?: boolean;
  /**
   * Reads an existing file and writes nothing, beside the connection that
   * opened it first and brought its schema up to date (the server's
   * analysis thread reads the server's knowledge base so).
   */
  readonly readOnly?: boolean;
}

/**
 * Opens the SQLite knowledge base at `path` (created if missing; `:memory:`
 * for a throwaway one) and brings its schema up to date.
 * @throws TriangulateError `store_failed` when the file cannot be opened or migrated,
 *   `unsupported` when it was written by a newer Triangulate.
 */
export function openSqliteStore(path: string, options: OpenOptions = {}): Store {
  const db = openDatabase(path, { readOnly: options.readOnly === true });
  try {
    migrate(db, MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  const store = createSqliteStore(db);
  return options.writerThread === true && path !== ":memory:" ? withWriterThread(store, path) : store;
}
