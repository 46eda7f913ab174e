import type { Migration } from "../migrator.ts";

/**
 * What a desk's watch loop and alerts keep: the feeds followed with their
 * polling state, the article URLs feeds have delivered (each fetched once),
 * alert rules (their condition as JSON) and firings with their evidence.
 * Firings keep their rule's id without a foreign key: removing a rule leaves
 * its history. Ids are never reused, so a removed feed's or rule's id never
 * names another.
 */
export const feedsAndAlerts: Migration = {
  version: 4,
  name: "feeds-and-alerts",
  up(db) {
    db.exec(`
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        outlet TEXT,
        added TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_polled TEXT,
        next_poll TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;

      CREATE TABLE feed_articles (
        url TEXT PRIMARY KEY,
        feed INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX feed_articles_by_feed ON feed_articles (feed);

      CREATE TABLE alert_rules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        condition TEXT NOT NULL,
        webhook TEXT,
        created TEXT NOT NULL
      ) STRICT;

      CREATE TABLE alert_firings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        rule INTEGER NOT NULL,
        fired_at TEXT NOT NULL,
        message TEXT NOT NULL,
        evidence TEXT NOT NULL
      ) STRICT;
    `);
  },
};
