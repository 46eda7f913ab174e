import type { PgMigration } from "../migrator.ts";

/**
 * SQLite's migration 0005: documents count their corrections (`revised`),
 * so that the store's revision changes when a re-ingest corrects a
 * document's metadata and extractions without changing any count; the
 * partial index holds only the corrected documents.
 */
export const documentRevisions: PgMigration = {
  version: 3,
  name: "document-revisions",
  sql: `
    ALTER TABLE documents ADD COLUMN revised integer NOT NULL DEFAULT 0;
    CREATE INDEX documents_revised ON documents (revised) WHERE revised > 0;
  `,
};
