import type { PgMigration } from "../migrator.ts";

/**
 * SQLite's migration 0004: the feeds followed with their polling state, the
 * article URLs feeds have delivered (each fetched once), alert rules (their
 * condition as JSON text) and firings with their evidence. Firings keep their
 * rule's id without a foreign key: removing a rule leaves its history.
 * Identity columns never reuse an id.
 */
export const feedsAndAlerts: PgMigration = {
  version: 2,
  name: "feeds-and-alerts",
  sql: `
    CREATE TABLE feeds (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      url text NOT NULL UNIQUE,
      outlet text,
      added text NOT NULL,
      etag text,
      last_modified text,
      last_polled text,
      next_poll text,
      failures integer NOT NULL DEFAULT 0,
      last_error text
    );

    CREATE TABLE feed_articles (
      url text PRIMARY KEY,
      feed integer NOT NULL REFERENCES feeds (id) ON DELETE CASCADE
    );
    CREATE INDEX feed_articles_by_feed ON feed_articles (feed);

    CREATE TABLE alert_rules (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      condition text NOT NULL,
      webhook text,
      created text NOT NULL
    );

    CREATE TABLE alert_firings (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      rule integer NOT NULL,
      fired_at text NOT NULL,
      message text NOT NULL,
      evidence text NOT NULL
    );
  `,
};
