import type { ClaimRecord, DocumentSummary, EventRecord } from "../core/records.ts";
import { UNKNOWN_SIDE } from "../core/codes.ts";

/**
 * The analysts' corrections as the eval's gold annotations
 * (`../shared/eval/GUIDE.md`), so that what an analyst fixed becomes a
 * regression test of the extractor: one file per corrected document, named
 * as the scorer matches it (the basename of its uri, `.jsonl`).
 */

/** One line of a gold file. */
export type GoldRecord =
  | {
      readonly type: "event";
      readonly source: string;
      readonly target: string | null;
      readonly roots: readonly string[];
      readonly date: string | null;
      readonly quote: string;
      readonly optional?: true;
    }
  | {
      readonly type: "claim";
      readonly value: number;
      readonly valueMax: number | null;
      readonly unit: string;
      readonly qualifier: string;
      readonly subjects: readonly string[];
      readonly metric: string;
      readonly period: string | null;
      readonly quote: string;
      readonly optional?: true;
    };

/** A corrected document and its records as the corrections make them (rejected ones gone). */
export interface CorrectedDocument {
  readonly document: Pick<DocumentSummary, "uri">;
  readonly events: readonly EventRecord[];
  readonly claims: readonly ClaimRecord[];
}

/** The gold file a document's records go to: `reports/a.html` -> `a.jsonl`, as the scorer pairs them. */
export function goldFileName(uri: string): string {
  const name =
    uri
      .replace(/[?#].*$/, "")
      .split(/[\\/]/)
      .filter(Boolean)
      .at(-1) ?? "stdin";
  return `${name.replace(/\.(txt|html?|md|pdf)$/i, "")}.jsonl`;
}

/**
 * The gold records of one corrected document, in text order. A record an
 * analyst accepted or edited is required; one nobody reviewed is optional
 * (the scorer neither rewards nor punishes it); one rejected is absent, so
 * an extractor that finds it again loses precision. Only asserted events
 * are written: the scorer reads no others.
 */
export function goldRecords(corrected: CorrectedDocument): GoldRecord[] {
  const reviewed = (record: EventRecord | ClaimRecord): { optional?: true } =>
    record.correction === undefined ? { optional: true } : {};
  const events = corrected.events
    .filter((event) => event.modality === "asserted")
    .map((event) => ({
      at: event.start,
      gold: {
        type: "event" as const,
        source: event.sourceCountry ?? UNKNOWN_SIDE,
        target: event.target === null ? null : (event.targetCountry ?? UNKNOWN_SIDE),
        roots: [event.root],
        date: event.date,
        quote: event.quote,
        ...reviewed(event),
      },
    }));
  const claims = corrected.claims.map((claim) => ({
    at: claim.start,
    gold: {
      type: "claim" as const,
      value: claim.value,
      valueMax: claim.valueMax,
      unit: claim.unit,
      qualifier: claim.qualifier,
      subjects: claim.subjects,
      metric: claim.metric,
      period: claim.period,
      quote: claim.quote,
      ...reviewed(claim),
    },
  }));
  return [...events, ...claims].sort((a, b) => a.at - b.at).map(({ gold }) => gold);
}
