import { z } from "zod";
import type { Correction, RecordKey } from "../core/corrections.ts";
import { CORRECTION_ACTIONS } from "../core/corrections.ts";
import { TriangulateError } from "../core/errors.ts";
import { charOffset } from "../core/ids.ts";
import type { Store } from "../core/ports.ts";

// Corrections as the adapters' SELECTs return them: the record's key in
// columns, the changes, the original and a merge's other key as JSON, read
// back through zod (a trust boundary shared by every adapter).

/** The part of the `Store` port each adapter implements for corrections; `withCorrections` adds the rest. */
export type CorrectionStore = Pick<Store, "addCorrection" | "correctionHistory">;

export interface CorrectionRow {
  readonly id: number;
  readonly sha256: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly anchor: string;
  readonly action: string;
  readonly changes: string | null;
  readonly original: string;
  readonly withKey: string | null;
  readonly undoes: number | null;
  readonly analyst: string;
  readonly at: string;
}

export const CORRECTION_COLUMNS = `id, doc_sha256 AS sha256, kind, start, "end", anchor, action, changes, original,
  with_key AS "withKey", undoes, analyst, at`;

const Key = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(["event", "claim"]),
  start: z.number().int().nonnegative().transform(charOffset),
  end: z.number().int().nonnegative().transform(charOffset),
  anchor: z.string(),
});

const Row = z.object({
  id: z.number().int(),
  action: z.enum(CORRECTION_ACTIONS),
  changes: z.record(z.string(), z.unknown()).nullable(),
  original: z.record(z.string(), z.unknown()),
  with: Key.nullable(),
  undoes: z.number().int().nullable(),
  analyst: z.string(),
  at: z.string(),
});

function json(text: string | null, what: string): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new TriangulateError("invalid_data", `stored correction ${what} is not JSON`);
  }
}

export function toCorrection(row: CorrectionRow): Correction {
  const target = Key.safeParse({
    sha256: row.sha256,
    kind: row.kind,
    start: row.start,
    end: row.end,
    anchor: row.anchor,
  });
  const rest = Row.safeParse({
    id: row.id,
    action: row.action,
    changes: json(row.changes, "changes"),
    original: json(row.original, "original"),
    with: json(row.withKey, "merge key"),
    undoes: row.undoes,
    analyst: row.analyst,
    at: row.at,
  });
  if (!target.success || !rest.success) {
    const error = target.error ?? rest.error;
    throw new TriangulateError(
      "invalid_data",
      `stored correction ${row.id} is invalid: ${error ? z.prettifyError(error) : "unknown"}`,
    );
  }
  const { analyst, ...fields } = rest.data;
  return { ...fields, target: target.data, by: analyst };
}

/** The values of an INSERT, in the order of `INSERT_COLUMNS`. */
export function correctionValues(correction: Omit<Correction, "id">): (string | number | null)[] {
  const key: RecordKey = correction.target;
  return [
    key.sha256,
    key.kind,
    key.start,
    key.end,
    key.anchor,
    correction.action,
    correction.changes === null ? null : JSON.stringify(correction.changes),
    JSON.stringify(correction.original),
    correction.with === null ? null : JSON.stringify(correction.with),
    correction.undoes,
    correction.by,
    correction.at,
  ];
}

export const INSERT_COLUMNS = `doc_sha256, kind, start, "end", anchor, action, changes, original, with_key, undoes, analyst, at`;
