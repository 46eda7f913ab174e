import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { TriangulateError } from "../core/errors.ts";
import type { Store } from "../core/ports.ts";
import { isPostgresUrl, openStore } from "../store/open.ts";
import type { CliIo } from "./command.ts";

/** The knowledge base when neither `--db` nor `TRIANGULATE_DB` names one, relative to the working directory. */
export const DEFAULT_DB = "triangulate.db";

/** The `--db` line of the commands' help texts. */
export const DB_HELP = `  --db FILE|URL      the knowledge base: a SQLite file, or a PostgreSQL database
                     as postgres://USER@HOST/DATABASE (default: $TRIANGULATE_DB,
                     else ./triangulate.db)`;

/**
 * The knowledge base to use: `--db FILE|URL`, else `$TRIANGULATE_DB`, else
 * `./triangulate.db`. A file is resolved against `io.cwd` (`:memory:` is kept
 * as is); a `postgres://` URL is kept as it is.
 * @throws TriangulateError `usage` for an empty `--db`.
 */
export function resolveDbPath(flag: string | undefined, io: CliIo): string {
  if (flag?.trim() === "") throw new TriangulateError("usage", "--db needs a file name or a postgres:// URL");
  const chosen = flag ?? (io.env.TRIANGULATE_DB?.trim() || DEFAULT_DB);
  return chosen === ":memory:" || isPostgresUrl(chosen) ? chosen : resolve(io.cwd, chosen);
}

/**
 * Opens a knowledge base that must exist already: commands that only read
 * should not leave an empty database behind a mistyped path. (A PostgreSQL
 * database always exists before it is used: one with a mistyped name cannot
 * be connected to.)
 * @throws TriangulateError `not_found` when there is no file at `path`.
 */
export async function openExistingStore(path: string): Promise<Store> {
  if (path !== ":memory:" && !isPostgresUrl(path) && !existsSync(path)) {
    throw new TriangulateError(
      "not_found",
      `no knowledge base at ${path} (ingest articles first, or name one with --db FILE|URL or TRIANGULATE_DB)`,
    );
  }
  return openStore(path);
}
