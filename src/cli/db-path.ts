import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { TriangulateError } from "../core/errors.ts";
import type { Store } from "../core/ports.ts";
import { openSqliteStore } from "../store/open.ts";
import type { CliIo } from "./command.ts";

/** The knowledge base when neither `--db` nor `TRIANGULATE_DB` names one, relative to the working directory. */
export const DEFAULT_DB = "triangulate.db";

/**
 * The knowledge base to use: `--db FILE`, else `$TRIANGULATE_DB`, else
 * `./triangulate.db`, resolved against `io.cwd` (`:memory:` is kept as is).
 * @throws TriangulateError `usage` for an empty `--db`.
 */
export function resolveDbPath(flag: string | undefined, io: CliIo): string {
  if (flag?.trim() === "") throw new TriangulateError("usage", "--db needs a file name");
  const chosen = flag ?? (io.env.TRIANGULATE_DB?.trim() || DEFAULT_DB);
  return chosen === ":memory:" ? chosen : resolve(io.cwd, chosen);
}

/**
 * Opens a knowledge base that must exist already: commands that only read
 * should not leave an empty database behind a mistyped path.
 * @throws TriangulateError `not_found` when there is no file at `path`.
 */
export function openExistingStore(path: string): Store {
  if (path !== ":memory:" && !existsSync(path)) {
    throw new TriangulateError(
      "not_found",
      `no knowledge base at ${path} (ingest articles first, or name one with --db FILE or TRIANGULATE_DB)`,
    );
  }
  return openSqliteStore(path);
}
