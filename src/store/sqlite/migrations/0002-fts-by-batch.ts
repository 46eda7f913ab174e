import type { Migration } from "../migrator.ts";

/**
 * The store indexes new documents in FTS5 itself, once per transaction,
 * instead of by a trigger per document: FTS5 flushes its pending terms to a
 * new segment at every statement that fires the trigger, and merging those
 * segments made each save slower as the index grew (ten times slower by
 * 10,000 seed-sized articles). The delete and update triggers stay.
 */
export const ftsByBatch: Migration = {
  version: 2,
  name: "fts-by-batch",
  up(db) {
    db.exec("DROP TRIGGER documents_fts_insert");
  },
};
