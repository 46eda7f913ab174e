import type { Migration } from "../migrator.ts";

/**
 * Documents count their corrections (`revised`: how many times a re-ingest
 * changed their metadata and extractions), so that a change that leaves
 * every count as it was still changes the store's revision, which tells an
 * analysis made before it that it is stale. The partial index holds only
 * the corrected documents, so summing them reads none of the others.
 */
export const documentRevisions: Migration = {
  version: 5,
  name: "document-revisions",
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN revised INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX documents_revised ON documents (revised) WHERE revised > 0;
    `);
  },
};
