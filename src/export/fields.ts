import type { KbRecord, RecordType } from "../core/records.ts";
import { EVENT_FIELDS } from "../core/records.ts";

type RecordOf<T extends RecordType> = Extract<KbRecord, { readonly type: T }>;

/**
 * The exported fields of each record type, in order: the export format of
 * issue 2 (JSONL keys after `type`, CSV columns). A document's `text` is
 * written only when asked for.
 */
export const EXPORT_FIELDS = {
  document: ["id", "uri", "title", "outlet", "published", "language", "sha256", "text"],
  actor: ["id", "kind", "name", "country"],
  mention: ["doc", "actor", "country", "start", "end", "text"],
  event: EVENT_FIELDS,
  claim: [
    "id",
    "doc",
    "value",
    "valueMax",
    "unit",
    "qualifier",
    "subjects",
    "metric",
    "period",
    "quote",
    "start",
    "end",
  ],
} as const satisfies { readonly [T in RecordType]: readonly (keyof RecordOf<T>)[] };

/** Export order of the types: documents first, so readers meet a document before what cites it. */
export const RECORD_TYPES: readonly RecordType[] = ["document", "actor", "mention", "event", "claim"];

export interface FieldOptions {
  /** Whether documents carry their full `text`. */
  readonly includeText: boolean;
}

/** The field names written for records of `type`. */
export function exportFields(type: RecordType, options: FieldOptions): readonly string[] {
  const fields: readonly string[] = EXPORT_FIELDS[type];
  return type === "document" && !options.includeText ? fields.filter((f) => f !== "text") : fields;
}

/** A value of an exported field: what JSON can hold, from the records' own field types. */
export type FieldValue = string | number | null | readonly string[];

/**
 * The exported fields of one record, in order, with `type` first:
 * `{ type: "event", id, doc, date, ... }`.
 */
export function exportObject(record: KbRecord, options: FieldOptions): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = { type: record.type };
  // The field lists are checked against the record types above; reading by name keeps one list per type.
  const values = record as unknown as Readonly<Record<string, FieldValue>>;
  for (const field of exportFields(record.type, options)) out[field] = values[field] ?? null;
  return out;
}
