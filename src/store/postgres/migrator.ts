import { TriangulateError, errorMessage } from "../../core/errors.ts";
import type { Pool } from "./connection.ts";
import { inTransaction } from "./connection.ts";

/** One numbered step of the schema, as SQL. Released migrations are never edited. */
export interface PgMigration {
  /** 1, 2, 3, ... with no gaps; recorded in the table `triangulate_migrations`. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrationResult {
  readonly version: number;
  readonly name: string;
}

/**
 * The advisory lock that migrating holds: any 64-bit number no other program
 * of the database uses ("trimigr" in ASCII). Advisory locks are per database.
 */
const MIGRATION_LOCK = 0x7472696d696772n;

/**
 * Applies the migrations newer than the database's, in one transaction that
 * first takes an advisory lock: processes starting together (workers, an
 * ingest and a server) wait for the first to migrate, then find the schema
 * current. PostgreSQL's DDL is transactional, so a failed run leaves nothing.
 * Returns the migrations applied, oldest first: `[]` when the schema is current.
 * @throws TriangulateError `unsupported` when the database is newer than these migrations,
 *   `store_failed` naming the migration that failed.
 */
export async function migrate(pool: Pool, migrations: readonly PgMigration[]): Promise<MigrationResult[]> {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new TriangulateError(
        "invalid_data",
        `migration "${migration.name}" has version ${migration.version}, expected ${i + 1}`,
      );
    }
  });
  const latest = migrations.length;
  return inTransaction(pool, async (client) => {
    // Released at commit or rollback, or when the connection drops.
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK.toString()]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS triangulate_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ current: number }>(
      "SELECT coalesce(max(version), 0)::integer AS current FROM triangulate_migrations",
    );
    const current = rows[0]?.current ?? 0;
    if (current > latest) {
      throw new TriangulateError(
        "unsupported",
        `the database has schema version ${current}; this Triangulate knows up to ${latest}`,
      );
    }
    const applied: MigrationResult[] = [];
    for (const migration of migrations.slice(current)) {
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new TriangulateError(
          "store_failed",
          `migration ${migration.version} (${migration.name}) failed: ${errorMessage(error)}`,
          { cause: error },
        );
      }
      await client.query("INSERT INTO triangulate_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push({ version: migration.version, name: migration.name });
    }
    return applied;
  });
}
