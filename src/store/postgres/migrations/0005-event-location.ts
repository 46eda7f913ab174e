import type { PgMigration } from "../migrator.ts";

/**
 * SQLite's migration 0007: events record where they happened (`location`,
 * the host state). Events stored before keep NULL ("no place named") until
 * their document is extracted again.
 */
export const eventLocation: PgMigration = {
  version: 5,
  name: "event-location",
  sql: "ALTER TABLE events ADD COLUMN location text",
};
