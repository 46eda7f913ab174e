import { TriangulateError } from "../core/errors.ts";
import type { KbRecord, RecordCorrection, RecordType } from "../core/records.ts";
import { exportFields, exportObject } from "./fields.ts";
import type { FieldValue } from "./fields.ts";
import type { ExportFormat } from "./format.ts";

/** Types a CSV can hold: one table, so one type at a time. */
const CSV_TYPES: readonly RecordType[] = ["event", "claim", "document", "actor", "mention"];

/**
 * One cell of RFC 4180: quoted when it holds a quote, comma or line break,
 * with quotes doubled; null is empty; lists (claim subjects) are joined with `;`.
 */
export function csvCell(value: FieldValue): string {
  if (value === null) return "";
  const text =
    typeof value === "string" ? value : typeof value === "number" ? String(value) : value.join(";");
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line (RFC 4180: CRLF ends every record). */
export function csvRow(cells: readonly FieldValue[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * The columns after an event's or a claim's fields that say what an analyst
 * corrected: `accepted` or `edited`, who, when, and the extracted values of
 * the fields changed (a JSON object, `{"value":40}`); empty for a record as
 * extracted. Rejected records are not exported at all.
 */
export const CORRECTION_COLUMNS = ["correction", "correctedBy", "correctedAt", "original"] as const;

function correctionCells(correction: RecordCorrection | undefined): FieldValue[] {
  if (correction === undefined) return [null, null, null, null];
  const original = Object.keys(correction.original).length > 0 ? JSON.stringify(correction.original) : null;
  return [correction.status, correction.by, correction.at, original];
}

/** Whether rows of `type` carry the correction columns. */
function correctable(type: RecordType): boolean {
  return type === "event" || type === "claim";
}

function correctionOf(record: KbRecord): RecordCorrection | undefined {
  return record.type === "event" || record.type === "claim" ? record.correction : undefined;
}

/** A table of one record type with a header row of its export field names; events unless told. */
export const csvFormat: ExportFormat = {
  name: "csv",
  description: "a table of one record type, with a header row",
  types(requested) {
    const [type, ...more] = requested ?? ["event"];
    if (type === undefined || more.length > 0) {
      throw new TriangulateError(
        "usage",
        `csv writes one record type at a time, not "${(requested ?? []).join(",")}"`,
      );
    }
    if (!CSV_TYPES.includes(type)) throw new TriangulateError("usage", `csv cannot write type "${type}"`);
    return new Set([type]);
  },
  async *write(records, options) {
    const [type] = options.types;
    if (type === undefined) return;
    const fields = exportFields(type, options);
    const corrections = correctable(type);
    yield csvRow(corrections ? [...fields, ...CORRECTION_COLUMNS] : fields);
    for await (const record of records) {
      if (record.type !== type) continue;
      const object = exportObject(record, options);
      const cells = fields.map((field) => object[field] ?? null);
      yield csvRow(corrections ? [...cells, ...correctionCells(correctionOf(record))] : cells);
    }
  },
};
