import type { Brand } from "./brand.ts";
import type { CameoRoot } from "./cameo.ts";
import type { ActorId, CharOffset, DocId, IsoDate } from "./ids.ts";
import { isIsoDate } from "./ids.ts";
import type { CountryCode } from "./codes.ts";
import { isCountryCode } from "./codes.ts";
import { TriangulateError } from "./errors.ts";

// Records carry country codes; the type sits with the code tables (codes.ts), which import nothing of records.
export type { CountryCode } from "./codes.ts";

export function countryCodeOrThrow(value: string): CountryCode {
  if (!isCountryCode(value)) {
    throw new TriangulateError("invalid_id", `not an ISO alpha-3 or group code: ${value}`);
  }
  return value as CountryCode;
}

export const ACTOR_KINDS = ["state", "person", "organization", "igo", "group"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const MODALITIES = ["asserted", "negated", "alleged", "planned", "hypothetical"] as const;
/** Whether the text says the event happened (`asserted`) or only denies, alleges, plans or supposes it. */
export type Modality = (typeof MODALITIES)[number];

export const QUALIFIERS = ["exact", "approx", "atLeast", "atMost"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Currencies; the region's own keep their sums in their unit (no conversion). */
export const CURRENCIES = ["USD", "EUR", "GBP", "RUB", "AZN", "IRR", "ILS", "TRY", "CNY"] as const;

/** Canonical units; `data/units.json` maps the surface forms to these. */
export const UNITS = [
  ...CURRENCIES,
  "percent",
  "count",
  "km",
  "km2",
  "t",
  "m3",
  "bbl",
  "MW",
  "minute",
  "day",
  "month",
  "year",
] as const;
export type Unit = (typeof UNITS)[number];

/** A time span a figure refers to: an `IsoDate`, or two joined by `/` (`2024-01/2024-04`). */
export type Period = Brand<string, "Period">;

/** Whether `value` is a period: one `IsoDate`, or two joined by `/`. */
export function isPeriod(value: string): value is Period {
  const [from, to, ...rest] = value.split("/");
  return from !== undefined && rest.length === 0 && isIsoDate(from) && (to === undefined || isIsoDate(to));
}

export function periodOrThrow(value: string): Period {
  if (!isPeriod(value))
    throw new TriangulateError("invalid_date", `not a period (DATE or DATE/DATE): ${value}`);
  return value;
}

/** What the corrections in force of an analyst say of one record (`src/core/corrections.ts`). */
export interface RecordCorrection {
  readonly status: "accepted" | "edited";
  readonly by: string;
  readonly at: string;
  /** The extracted values of the fields the analyst changed (empty when only accepted). */
  readonly original: Readonly<Record<string, unknown>>;
  /** The ids of the corrections in force, oldest first. */
  readonly corrections: readonly number[];
}

/** A half-open span `[start, end)` of JavaScript string indices into a document's stored text. */
export interface Span {
  readonly start: CharOffset;
  readonly end: CharOffset;
}

export interface DocumentMeta {
  /** The path or URL as the user gave it (`-` for stdin). */
  readonly uri: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: IsoDate | null;
  /** ISO 639-3 code of the detected language (`eng`). */
  readonly language: string;
}

export interface DocumentRecord extends DocumentMeta {
  readonly type: "document";
  readonly id: DocId;
  /** SHA-256 (hex) of `text`. */
  readonly sha256: string;
  /** The normalised text (NFC, `\n` newlines) that every offset indexes. */
  readonly text: string;
}

export type DocumentSummary = Omit<DocumentRecord, "text">;

export interface ActorRecord {
  readonly type: "actor";
  readonly id: ActorId;
  readonly kind: ActorKind;
  readonly name: string;
  readonly country: CountryCode | null;
}

/** Where an actor is named (or referred to) in a document. */
export interface MentionRecord extends Span {
  readonly type: "mention";
  readonly doc: DocId;
  readonly actor: ActorId;
  readonly country: CountryCode | null;
  readonly text: string;
}

/** Fields every record drawn from one sentence shares: `text.slice(start, end) === quote`. */
export interface Evidence extends Span {
  readonly id: string;
  readonly doc: DocId;
  readonly quote: string;
}

export interface EventRecord extends Evidence {
  readonly type: "event";
  readonly date: IsoDate | null;
  readonly source: ActorId;
  readonly sourceCountry: CountryCode | null;
  readonly target: ActorId | null;
  readonly targetCountry: CountryCode | null;
  /**
   * The state where it happened (its host state), from a place the sentence
   * names ("in Tehran": IRN); null when it names none, and for events stored
   * before the coder recorded it. The attack on Azerbaijan's embassy in
   * Tehran is UNK -> AZE with location IRN.
   */
  readonly location: CountryCode | null;
  /** CAMEO code, as specific as the sentence allows (`042`, `1121`). */
  readonly cameo: string;
  /** Its two-digit root (`04`). */
  readonly root: CameoRoot;
  readonly plover: string | null;
  readonly goldstein: number;
  readonly modality: Modality;
  /**
   * What coded it: the coder's rule and the pattern or dictionary entry it
   * matched (`verb pattern: agree to > (cameo/patterns-verbs.txt:95)`), so a
   * wrong code can be traced to its cause. Null for events stored before the
   * coder recorded its rules.
   */
  readonly rule: string | null;
  /** What analysts corrected (their values are applied); absent for a record as extracted. */
  readonly correction?: RecordCorrection;
}

/** The fields of an event record after its `type`, in the order of the export (JSONL keys, CSV columns). */
export const EVENT_FIELDS = [
  "id",
  "doc",
  "date",
  "source",
  "sourceCountry",
  "target",
  "targetCountry",
  "location",
  "cameo",
  "root",
  "plover",
  "goldstein",
  "modality",
  "rule",
  "quote",
  "start",
  "end",
] as const satisfies readonly (keyof EventRecord)[];
export type EventField = (typeof EVENT_FIELDS)[number];

/** Who reported an event and when: the outlet and publication date of its document. */
export interface EventSource {
  readonly outlet: string | null;
  readonly published: IsoDate | null;
}

/** An event as lists give it: the record with its document's outlet and date, for tables that say who reports what. */
export type SourcedEvent = EventRecord & EventSource;

/** The fields of a listed event (`SourcedEvent`): the record's, in export order, then its source's. */
export const EVENT_ROW_FIELDS = [
  ...EVENT_FIELDS,
  "outlet",
  "published",
] as const satisfies readonly (keyof SourcedEvent)[];
export type EventRowField = (typeof EVENT_ROW_FIELDS)[number];

export interface ClaimRecord extends Evidence {
  readonly type: "claim";
  readonly value: number;
  /** The high end of a range; null for a single value. */
  readonly valueMax: number | null;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
  /** ISO alpha-3 codes of the states the figure is about, sorted. */
  readonly subjects: readonly CountryCode[];
  /** A short label of what is measured, taken from the sentence. */
  readonly metric: string;
  readonly period: Period | null;
  /** What analysts corrected (their values are applied); absent for a record as extracted. */
  readonly correction?: RecordCorrection;
}

/** Everything extracted from one document. */
export interface Extraction {
  readonly actors: readonly ActorRecord[];
  readonly mentions: readonly MentionRecord[];
  readonly events: readonly EventRecord[];
  readonly claims: readonly ClaimRecord[];
}

export type KbRecord = DocumentRecord | ActorRecord | MentionRecord | EventRecord | ClaimRecord;
export type RecordType = KbRecord["type"];

export interface Stats {
  readonly documents: number;
  readonly actors: number;
  readonly events: number;
  readonly claims: number;
  /** Events per CAMEO root, by root code; roots without events are left out. */
  readonly eventsByRoot: readonly { readonly root: string; readonly events: number }[];
  /** Documents per outlet, most first; `outlet: null` counts documents without one. */
  readonly documentsByOutlet: readonly { readonly outlet: string | null; readonly documents: number }[];
}
