import type { PgMigration } from "../migrator.ts";

/**
 * The schema of SQLite's migrations 0001 to 0003 in PostgreSQL's terms:
 * documents (identity by SHA-256, a UNIQUE constraint that concurrent writers
 * meet), actors, mentions, events (with the rule that coded them) and claims.
 *
 * Full-text search: a stored, generated `tsvector` of title (weight A) and
 * text (D) with a GIN index, in a configuration of our own that stems English
 * as FTS5's porter tokenizer does, folds diacritics as its `remove_diacritics`
 * does (the `unaccent` extension, shipped with PostgreSQL) and, like FTS5,
 * drops no stop words (so "not" or "the" can be searched for).
 * `triangulate_prefix` turns a phrase query into a prefix one (`emb*`).
 *
 * As in SQLite, `seq` is insertion order ("document order"), and events keep
 * the first and last day they cover: an undated event has `day_first = '~'`
 * (after every digit) and `day_last = NULL`. Columns compared or sorted as
 * text are in the "C" collation, so that order is byte order, as in SQLite,
 * whatever the database's locale. Claims keep their subjects as an array with
 * a GIN index instead of SQLite's side table.
 */
export const init: PgMigration = {
  version: 1,
  name: "init",
  sql: `
    CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
    CREATE TEXT SEARCH DICTIONARY triangulate_stem (TEMPLATE = snowball, LANGUAGE = english);
    CREATE TEXT SEARCH CONFIGURATION triangulate (COPY = pg_catalog.english);
    ALTER TEXT SEARCH CONFIGURATION triangulate
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
      WITH public.unaccent, triangulate_stem;

    CREATE FUNCTION triangulate_prefix(query tsquery) RETURNS tsquery
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT CASE WHEN numnode(query) = 0 THEN query ELSE (query::text || ':*')::tsquery END $$;

    CREATE TABLE documents (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id text NOT NULL UNIQUE,
      sha256 text NOT NULL UNIQUE,
      uri text NOT NULL,
      title text,
      outlet text COLLATE "C",
      published text COLLATE "C",
      language text NOT NULL,
      text text NOT NULL,
      search tsvector NOT NULL GENERATED ALWAYS AS (
        setweight(to_tsvector('triangulate', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('triangulate', text), 'D')
      ) STORED
    );
    CREATE INDEX documents_outlet ON documents (outlet);
    CREATE INDEX documents_published ON documents (published);
    CREATE INDEX documents_search ON documents USING gin (search);

    CREATE TABLE actors (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id text NOT NULL UNIQUE,
      kind text NOT NULL,
      name text COLLATE "C" NOT NULL,
      country text
    );

    CREATE TABLE mentions (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      doc text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      actor text NOT NULL REFERENCES actors (id),
      country text,
      start integer NOT NULL,
      "end" integer NOT NULL,
      text text NOT NULL,
      CHECK (0 <= start AND start <= "end")
    );
    CREATE INDEX mentions_doc ON mentions (doc, start);

    CREATE TABLE events (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id text NOT NULL UNIQUE,
      doc text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      date text,
      day_first text COLLATE "C" NOT NULL,
      day_last text COLLATE "C",
      source text NOT NULL REFERENCES actors (id),
      source_country text,
      target text REFERENCES actors (id),
      target_country text,
      cameo text NOT NULL,
      root text COLLATE "C" NOT NULL,
      plover text,
      goldstein double precision NOT NULL,
      modality text NOT NULL,
      rule text,
      quote text NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      CHECK (0 <= start AND start <= "end"),
      CHECK ((date IS NULL) = (day_last IS NULL))
    );
    CREATE INDEX events_day ON events (day_first, day_last, seq);
    CREATE INDEX events_doc ON events (doc);
    CREATE INDEX events_source ON events (source, day_first, day_last);
    CREATE INDEX events_target ON events (target, day_first, day_last);
    CREATE INDEX events_source_country ON events (source_country, day_first, day_last);
    CREATE INDEX events_target_country ON events (target_country, day_first, day_last);
    CREATE INDEX events_root ON events (root, day_first, day_last);
    CREATE INDEX events_pair ON events (source_country, target_country, day_first, day_last);

    CREATE TABLE claims (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id text NOT NULL UNIQUE,
      doc text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      value double precision NOT NULL,
      value_max double precision,
      unit text NOT NULL,
      qualifier text NOT NULL,
      subjects text[] NOT NULL,
      metric text NOT NULL,
      period text,
      quote text NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      CHECK (0 <= start AND start <= "end")
    );
    CREATE INDEX claims_doc ON claims (doc);
    CREATE INDEX claims_unit ON claims (unit);
    CREATE INDEX claims_subjects ON claims USING gin (subjects);
  `,
};
