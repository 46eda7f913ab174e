import type { Migration } from "../migrator.ts";

/**
 * Events record what coded them (`rule`: the coder's rule and the pattern or
 * dictionary entry it matched). Events stored before keep NULL: their rule
 * was not recorded, and guessing it would be a claim the store cannot back.
 */
export const eventRule: Migration = {
  version: 3,
  name: "event-rule",
  up(db) {
    db.exec("ALTER TABLE events ADD COLUMN rule TEXT");
  },
};
