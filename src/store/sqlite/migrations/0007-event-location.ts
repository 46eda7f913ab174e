import type { Migration } from "../migrator.ts";

/**
 * Events record where they happened (`location`: the host state, from a place
 * the sentence names). Events stored before keep NULL, which readers take as
 * "no place named": the store has no sentence analysis to find it with, and
 * a document's next extraction (a re-ingest with new metadata) fills it in.
 */
export const eventLocation: Migration = {
  version: 7,
  name: "event-location",
  up(db) {
    db.exec("ALTER TABLE events ADD COLUMN location TEXT");
  },
};
