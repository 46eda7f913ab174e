import type { Migration } from "../migrator.ts";

/**
 * Analysts' corrections, apart from the extraction tables: one row a
 * correction, never updated or deleted (an undo is a row of its own). A row
 * names its record by the document's SHA-256, the kind, the sentence's span
 * and the record's anchor in it, not by the record's id, and has no foreign
 * key to the documents: it outlives a re-extraction (orphaned when no record
 * has its key any more).
 */
export const corrections: Migration = {
  version: 6,
  name: "corrections",
  up(db) {
    db.exec(`
      CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_sha256 TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'claim')),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        anchor TEXT NOT NULL,
        action TEXT NOT NULL,
        changes TEXT,
        original TEXT NOT NULL,
        with_key TEXT,
        undoes INTEGER REFERENCES corrections (id),
        analyst TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX corrections_doc ON corrections (doc_sha256);
    `);
  },
};
