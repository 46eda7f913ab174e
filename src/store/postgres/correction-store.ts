import { TriangulateError } from "../../core/errors.ts";
import type { CorrectionRow, CorrectionStore } from "../correction-rows.ts";
import { CORRECTION_COLUMNS, INSERT_COLUMNS, correctionValues, toCorrection } from "../correction-rows.ts";
import { attempt } from "../store-error.ts";
import type { Pool } from "./connection.ts";

/** Corrections on a migrated PostgreSQL database (migration 0004). */
export function createPostgresCorrectionStore(pool: Pool): CorrectionStore {
  return {
    addCorrection: (correction) =>
      attempt("cannot save the correction", async () => {
        const {
          rows: [row],
        } = await pool.query<CorrectionRow>(
          `INSERT INTO corrections (${INSERT_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${CORRECTION_COLUMNS}`,
          correctionValues(correction),
        );
        if (!row) throw new TriangulateError("store_failed", "cannot save the correction: no row returned");
        return toCorrection(row);
      }),
    correctionHistory: () =>
      attempt("cannot read corrections", async () =>
        (
          await pool.query<CorrectionRow>(`SELECT ${CORRECTION_COLUMNS} FROM corrections ORDER BY id`)
        ).rows.map(toCorrection),
      ),
  };
}
