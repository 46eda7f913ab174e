import { TriangulateError, errorMessage, isTriangulateError } from "../../core/errors.ts";
import type { StoreAdapter } from "../../core/ports.ts";
import { redactUrl } from "../location.ts";
import { createPool } from "./connection.ts";
import { PG_MIGRATIONS } from "./migrations/index.ts";
import { migrate } from "./migrator.ts";
import { createPostgresStore } from "./postgres-store.ts";

/**
 * The PostgreSQL store at `url`, its schema brought up to date (see
 * `openPostgresStore` in `../open.ts`, which loads this module on first use).
 */
export async function openPostgres(url: string): Promise<StoreAdapter> {
  const pool = createPool(url);
  try {
    await migrate(pool, PG_MIGRATIONS);
  } catch (error) {
    await pool.end();
    if (isTriangulateError(error)) throw error;
    throw new TriangulateError(
      "store_failed",
      `cannot open database ${redactUrl(url)}: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
  return createPostgresStore(pool);
}
