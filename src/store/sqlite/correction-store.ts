import type { Database } from "better-sqlite3";
import type { CorrectionRow, CorrectionStore } from "../correction-rows.ts";
import { CORRECTION_COLUMNS, INSERT_COLUMNS, correctionValues, toCorrection } from "../correction-rows.ts";
import { settle } from "./settle.ts";

/** Corrections on a migrated SQLite database (migration 0006). */
export function createSqliteCorrectionStore(db: Database): CorrectionStore {
  const insert = db.prepare(
    `INSERT INTO corrections (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING ${CORRECTION_COLUMNS}`,
  );
  const selectAll = db.prepare(`SELECT ${CORRECTION_COLUMNS} FROM corrections ORDER BY id`);
  return {
    addCorrection: (correction) =>
      settle("cannot save the correction", () =>
        toCorrection(insert.get(...correctionValues(correction)) as CorrectionRow),
      ),
    correctionHistory: () =>
      settle("cannot read corrections", () => (selectAll.all() as CorrectionRow[]).map(toCorrection)),
  };
}
