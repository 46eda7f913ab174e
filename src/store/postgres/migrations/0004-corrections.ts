import type { PgMigration } from "../migrator.ts";

/**
 * SQLite's migration 0006: analysts' corrections, apart from the extraction
 * tables, one row a correction, never updated or deleted (an undo is a row
 * of its own), naming its record by document SHA-256, kind, span and anchor,
 * without a foreign key to the documents (it outlives a re-extraction).
 */
export const corrections: PgMigration = {
  version: 4,
  name: "corrections",
  sql: `
    CREATE TABLE corrections (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      doc_sha256 text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('event', 'claim')),
      start integer NOT NULL,
      "end" integer NOT NULL,
      anchor text NOT NULL,
      action text NOT NULL,
      changes text,
      original text NOT NULL,
      with_key text,
      undoes integer REFERENCES corrections (id),
      analyst text NOT NULL,
      at text NOT NULL
    );
    CREATE INDEX corrections_doc ON corrections (doc_sha256);
  `,
};
