import { TriangulateError } from "./errors.ts";
import type { CharOffset, DocId } from "./ids.ts";
import { docIdFromSha256 } from "./ids.ts";
import type { ClaimRecord, EventRecord, RecordCorrection } from "./records.ts";

/**
 * Analysts' corrections of extracted events and claims: accepted, rejected
 * or edited records, and figures merged into or split out of a cluster.
 * They are kept apart from the extraction, as a history (an undo is a new
 * correction that retracts an earlier one), and name their record by a key
 * that a re-extraction of the same text gives again, not by the record's id.
 */

export const CORRECTION_ACTIONS = ["accept", "reject", "edit", "merge", "split", "undo"] as const;
/**
 * `accept`: the record is right as extracted; `reject`: it is wrong (gone
 * from lists, counts and analyses); `edit`: some fields are wrong (the
 * changes replace them); `merge`: a claim measures the same quantity as
 * another (`with`), so their clusters are one; `split`: a claim does not
 * belong to the cluster it was put in; `undo`: retracts correction `undoes`.
 */
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

export type CorrectedKind = "event" | "claim";

/**
 * A record's identity that survives a re-extraction: its document (the
 * SHA-256 of the text), its kind, its sentence (character span) and its
 * anchor within the sentence (`IRN>AZE` for an event, its sides; `40 percent`
 * for a claim, its value and unit), with `#n` for the n-th of the same
 * anchor in one sentence. An autoincrement id or an id by position
 * (`…-e3`) would name another record once the extractor finds one more.
 */
export interface RecordKey {
  readonly sha256: string;
  readonly kind: CorrectedKind;
  readonly start: CharOffset;
  readonly end: CharOffset;
  readonly anchor: string;
}

/** The fields of an event an analyst may change; root, Goldstein and PLOVER follow the CAMEO code. */
export const EVENT_EDITABLE = [
  "cameo",
  "root",
  "goldstein",
  "plover",
  "source",
  "sourceCountry",
  "target",
  "targetCountry",
  "date",
] as const satisfies readonly (keyof EventRecord)[];

/** The fields of a claim an analyst may change. */
export const CLAIM_EDITABLE = [
  "value",
  "valueMax",
  "unit",
  "period",
] as const satisfies readonly (keyof ClaimRecord)[];

export type EventChanges = Partial<Pick<EventRecord, (typeof EVENT_EDITABLE)[number]>>;
export type ClaimChanges = Partial<Pick<ClaimRecord, (typeof CLAIM_EDITABLE)[number]>>;
export type RecordChanges = EventChanges | ClaimChanges;

/** What the analyst saw: the record as extracted, without its id (which a re-extraction may change). */
export type RecordSnapshot = Readonly<Record<string, unknown>>;

/** A correction as it is made, before the store gives it an id. */
export interface NewCorrection {
  readonly target: RecordKey;
  readonly action: CorrectionAction;
  /** The new values (`edit`); null otherwise. */
  readonly changes: RecordChanges | null;
  /** The record as extracted when the correction was made. */
  readonly original: RecordSnapshot;
  /** The other claim of a `merge`; null otherwise. */
  readonly with: RecordKey | null;
  /** The correction an `undo` retracts; null otherwise. */
  readonly undoes: number | null;
  /** Who made it (the `--analyst` of the server, a request's `Triangulate-Analyst` header). */
  readonly by: string;
  /** When, as an ISO 8601 timestamp. */
  readonly at: string;
}

export interface Correction extends NewCorrection {
  readonly id: number;
}

/** How a correction stands against the knowledge base as it is now. */
export type CorrectionState =
  /** Its record is extracted, and the correction is in force. */
  | "applied"
  /** Retracted by a later `undo` (or it is an undo itself). */
  | "undone"
  /** No record of the knowledge base has its key any more (a re-extraction no longer finds it): kept, shown, not applied. */
  | "orphaned";

/** A correction with its standing and the id its record has now (null when orphaned). */
export interface CorrectionStatus extends Correction {
  readonly state: CorrectionState;
  readonly record: string | null;
  readonly doc: DocId;
}

/** The anchor of a record within its sentence, before the `#n` that tells equal ones apart. */
function baseAnchor(record: EventRecord | ClaimRecord): string {
  if (record.type === "event") return `${record.source}>${record.target ?? "-"}`;
  const value = record.valueMax === null ? String(record.value) : `${record.value}-${record.valueMax}`;
  return `${value} ${record.unit}`;
}

/**
 * The keys of one document's records (events or claims, in document order),
 * by record id: the n-th record with the same sentence and anchor gets `#n`.
 */
export function recordKeys(
  sha256: string,
  records: readonly (EventRecord | ClaimRecord)[],
): Map<string, RecordKey> {
  const seen = new Map<string, number>();
  const keys = new Map<string, RecordKey>();
  for (const record of records) {
    const base = `${record.type}:${record.start}-${record.end}:${baseAnchor(record)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys.set(record.id, {
      sha256,
      kind: record.type,
      start: record.start,
      end: record.end,
      anchor: `${baseAnchor(record)}#${n}`,
    });
  }
  return keys;
}

/**
 * The key of `record` among the records of its kind in its document
 * (`siblings`, in document order, `record` among them).
 * @throws TriangulateError `not_found` when `record` is not among them.
 */
export function keyOf(
  record: EventRecord | ClaimRecord,
  sha256: string,
  siblings: readonly (EventRecord | ClaimRecord)[],
): RecordKey {
  const key = recordKeys(sha256, siblings).get(record.id);
  if (!key) throw new TriangulateError("not_found", `no ${record.type} ${record.id} in its document`);
  return key;
}

/** One string per key, for maps and for the database's index. */
export function keyString(key: RecordKey): string {
  return `${key.sha256}:${key.kind}:${key.start}-${key.end}:${key.anchor}`;
}

/** The document a key names. */
export function keyDoc(key: RecordKey): DocId {
  return docIdFromSha256(key.sha256);
}

/** The record's values without its id: what a correction keeps as the original. */
export function snapshotOf(record: EventRecord | ClaimRecord): RecordSnapshot {
  const { id: _id, correction: _correction, ...rest } = record;
  return rest;
}

/** The ids of the corrections a later `undo` retracts. */
export function undoneIds(history: readonly Correction[]): ReadonlySet<number> {
  const undone = new Set<number>();
  for (const correction of history) if (correction.undoes !== null) undone.add(correction.undoes);
  return undone;
}

/** What the corrections in force decide for one record. */
export interface RecordVerdict {
  readonly rejected: boolean;
  readonly correction: RecordCorrection | null;
  readonly changes: RecordChanges;
}

/**
 * Folds the corrections in force of one record (oldest first): a reject and
 * an accept override each other, edits accumulate field by field (a later
 * value wins). Merges and splits concern clusters, not the record's fields.
 */
export function verdictOf(corrections: readonly Correction[]): RecordVerdict | null {
  let rejected = false;
  let edited = false;
  let changes: Record<string, unknown> = {};
  const original: Record<string, unknown> = {};
  const used: Correction[] = [];
  for (const correction of corrections) {
    switch (correction.action) {
      case "reject":
        rejected = true;
        break;
      case "accept":
        rejected = false;
        break;
      case "edit":
        edited = true;
        changes = { ...changes, ...correction.changes };
        for (const field of Object.keys(correction.changes ?? {})) {
          original[field] = correction.original[field] ?? null;
        }
        break;
      case "merge":
      case "split":
      case "undo":
        continue;
      default: {
        const unexpected: never = correction.action;
        throw new Error(`unknown correction action ${String(unexpected)}`);
      }
    }
    used.push(correction);
  }
  const last = used.at(-1);
  if (!last) return null;
  return {
    rejected,
    changes: changes as RecordChanges,
    correction: {
      status: edited ? "edited" : "accepted",
      by: last.by,
      at: last.at,
      original,
      corrections: used.map((c) => c.id),
    },
  };
}

/** A record with the corrections in force applied; null when they reject it. */
export function applyVerdict<R extends EventRecord | ClaimRecord>(
  record: R,
  verdict: RecordVerdict | null,
): R | null {
  if (!verdict) return record;
  if (verdict.rejected) return null;
  if (!verdict.correction) return record;
  return { ...record, ...verdict.changes, correction: verdict.correction };
}

/** A claim's place in the clusters as the analysts decided it: by record id. */
export interface ClusterCorrections {
  /** Claims taken out of the cluster they were put in. */
  readonly split: readonly string[];
  /** Pairs of claims that measure one quantity. */
  readonly merged: readonly (readonly [string, string])[];
}

export const NO_CLUSTER_CORRECTIONS: ClusterCorrections = { split: [], merged: [] };
