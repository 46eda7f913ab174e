import type { Migration } from "../migrator.ts";

/**
 * The first schema: documents with an FTS5 index kept in sync by triggers,
 * actors, mentions, events and claims (with a subject table for filters).
 *
 * Every extraction table has an integer `seq` in insertion order, so that
 * "document order" is `seq` order. Event dates are kept as written (`date`)
 * and as the first and last day they cover, which is what date filters and
 * ordering compare; an undated event has
 * `day_first = '~'` (after every digit, so it sorts last and no `to` bound
 * reaches it) and `day_last = NULL` (so no `from` bound does). Released: never edit; add `0002-...` instead.
 */
export const init: Migration = {
  version: 1,
  name: "init",
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL UNIQUE,
        uri TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX documents_outlet ON documents (outlet);
      CREATE INDEX documents_published ON documents (published);

      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text,
        content = 'documents', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;

      CREATE TABLE actors (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        country TEXT
      );

      CREATE TABLE mentions (
        seq INTEGER PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        actor TEXT NOT NULL REFERENCES actors (id),
        country TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        CHECK (0 <= start AND start <= "end")
      );
      -- Mentions are read by document only (the reader, getExtraction): an index
      -- by actor would cost every ingest a second index entry per mention.
      CREATE INDEX mentions_doc ON mentions (doc, start);

      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        date TEXT,
        day_first TEXT NOT NULL,
        day_last TEXT,
        source TEXT NOT NULL REFERENCES actors (id),
        source_country TEXT,
        target TEXT REFERENCES actors (id),
        target_country TEXT,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        plover TEXT,
        goldstein REAL NOT NULL,
        modality TEXT NOT NULL,
        quote TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        CHECK (0 <= start AND start <= "end"),
        CHECK ((date IS NULL) = (day_last IS NULL))
      );
      -- Each filter column leads an index that also holds the day span, so a
      -- filter with dates is counted from the index alone; the implicit rowid
      -- (seq) at the end gives date-then-document order.
      CREATE INDEX events_day ON events (day_first, day_last);
      CREATE INDEX events_doc ON events (doc);
      CREATE INDEX events_source ON events (source, day_first, day_last);
      CREATE INDEX events_target ON events (target, day_first, day_last);
      CREATE INDEX events_source_country ON events (source_country, day_first, day_last);
      CREATE INDEX events_target_country ON events (target_country, day_first, day_last);
      CREATE INDEX events_root ON events (root, day_first, day_last);
      CREATE INDEX events_pair ON events (source_country, target_country, day_first, day_last);

      CREATE TABLE claims (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        value REAL NOT NULL,
        value_max REAL,
        unit TEXT NOT NULL,
        qualifier TEXT NOT NULL,
        subjects TEXT NOT NULL,
        metric TEXT NOT NULL,
        period TEXT,
        quote TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        CHECK (0 <= start AND start <= "end")
      );
      CREATE INDEX claims_doc ON claims (doc);
      CREATE INDEX claims_unit ON claims (unit);

      CREATE TABLE claim_subjects (
        subject TEXT NOT NULL,
        claim INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
        PRIMARY KEY (subject, claim)
      ) WITHOUT ROWID;
      CREATE INDEX claim_subjects_claim ON claim_subjects (claim);
    `);
  },
};
