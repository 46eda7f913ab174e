import type { Store } from "../core/ports.ts";
import { isPostgresUrl, redactUrl } from "./location.ts";
import { openDatabase } from "./sqlite/connection.ts";
import { MIGRATIONS } from "./sqlite/migrations/index.ts";
import { migrate } from "./sqlite/migrator.ts";
import { createSqliteStore } from "./sqlite/sqlite-store.ts";
import { withWriterThread } from "./sqlite/writer-thread.ts";
import { withCorrections } from "./corrected-store.ts";

export { isPostgresUrl, redactUrl };

export interface OpenOptions {
  /**
   * SQLite: writes on a thread of their own (see `withWriterThread`), for long
   * ingests; not for `:memory:`. PostgreSQL writes over the network without
   * blocking, and ignores it.
   */
  readonly writerThread?: boolean;
  /**
   * Reads an existing file and writes nothing, beside the connection that
   * opened it first and brought its schema up to date (the server's
   * analysis thread reads the server's knowledge base so).
   */
  readonly readOnly?: boolean;
}

/**
 * Opens the knowledge base at `location`: a PostgreSQL database when it is a
 * `postgres://` or `postgresql://` URL, else a SQLite file. The one place
 * that decides which adapter serves a location.
 * @throws TriangulateError as `openSqliteStore` and `openPostgresStore`.
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location, options);
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
  return withCorrections(
    options.writerThread === true && path !== ":memory:" ? withWriterThread(store, path) : store,
  );
}

/**
 * Opens the PostgreSQL database at `url` (which must exist: `createdb`) and
 * brings its schema up to date; concurrent openers migrate it once. The
 * adapter and node-postgres load on this first use.
 * @throws TriangulateError `store_failed` when the server cannot be reached or the
 *   schema cannot be migrated, `unsupported` when it was written by a newer Triangulate.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const { openPostgres } = await import("./postgres/open.ts");
  return withCorrections(await openPostgres(url));
}
