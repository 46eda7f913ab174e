import type { Database } from "better-sqlite3";
import { TriangulateError, errorMessage } from "../../core/errors.ts";

/** The part of the driver a migration may use: it runs SQL and nothing else. */
export interface MigrationDb {
  exec(sql: string): void;
}

/** One numbered step of the schema. Released migrations are never edited. */
export interface Migration {
  /** 1, 2, 3, ... with no gaps; recorded in `PRAGMA user_version`. */
  readonly version: number;
  readonly name: string;
  up(db: MigrationDb): void;
}

export interface MigrationResult {
  readonly version: number;
  readonly name: string;
}

/**
 * Applies the migrations newer than the database's `user_version`, all in one
 * immediate transaction (so two processes opening a fresh file cannot both
 * migrate it), and returns those it applied, oldest first: `[]` when the
 * schema is current.
 * @throws TriangulateError `unsupported` when the database is newer than these migrations,
 *   `store_failed` naming the migration that failed (nothing of the run is kept).
 */
export function migrate(db: Database, migrations: readonly Migration[]): readonly MigrationResult[] {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new TriangulateError(
        "invalid_data",
        `migration "${migration.name}" has version ${migration.version}, expected ${i + 1}`,
      );
    }
  });
  const latest = migrations.length;
  const run = db.transaction((): MigrationResult[] => {
    const current = db.pragma("user_version", { simple: true });
    if (typeof current !== "number") throw new TriangulateError("store_failed", "cannot read user_version");
    if (current > latest) {
      throw new TriangulateError(
        "unsupported",
        `the database has schema version ${current}; this Triangulate knows up to ${latest}`,
      );
    }
    const applied: MigrationResult[] = [];
    for (const migration of migrations.slice(current)) {
      try {
        migration.up(db);
      } catch (error) {
        throw new TriangulateError(
          "store_failed",
          `migration ${migration.version} (${migration.name}) failed: ${errorMessage(error)}`,
          { cause: error },
        );
      }
      // A pragma takes no bound parameters; the version is a checked integer.
      db.pragma(`user_version = ${migration.version}`);
      applied.push({ version: migration.version, name: migration.name });
    }
    return applied;
  });
  return run.immediate();
}
