import { rootOfCode } from "../../core/cameo.ts";
import { isCountryCode } from "../../core/codes.ts";
import type { ActorId, DocId, IsoDate } from "../../core/ids.ts";
import { actorIdOrThrow, charOffset, docIdOrThrow, isoDateOrThrow } from "../../core/ids.ts";
import type {
  ActorKind,
  ActorRecord,
  ClaimRecord,
  DocumentRecord,
  CountryCode,
  EventRecord,
  Modality,
  Period,
  Qualifier,
  Unit,
} from "../../core/records.ts";
import { countryCodeOrThrow } from "../../core/records.ts";
import type { SourceDocument } from "../sources.ts";

/**
 * Builders of records for the analysis tests: short to write, valid by
 * construction (they go through the core's id constructors).
 */

/** A document id from a short label: `docId("a")` is `a000000000000000`. */
export function docId(label: string): DocId {
  const hex = label.replace(/[^0-9a-f]/g, (c) => (c.charCodeAt(0) % 16).toString(16));
  return docIdOrThrow(hex.padEnd(16, "0").slice(0, 16));
}

export function doc(label: string, outlet: string | null, published: string | null = null): SourceDocument {
  return {
    id: docId(label),
    outlet,
    published: published === null ? null : isoDateOrThrow(published),
    uri: `https://example.org/${label}`,
    title: `Article ${label}`,
  };
}

/** A full document record (with text), as the store's `records()` yields it. */
export function documentRecord(
  label: string,
  outlet: string | null,
  published: string | null,
  text: string,
): DocumentRecord {
  const { id, uri, title } = doc(label, outlet, published);
  return {
    type: "document",
    id,
    uri: uri ?? "",
    title: title ?? null,
    outlet,
    published: published === null ? null : isoDateOrThrow(published),
    language: "eng",
    sha256: id.repeat(4),
    text,
  };
}

/** An actor record: `actorRecord("AZE", "Azerbaijan")` is a state. */
export function actorRecord(
  id: string,
  name: string,
  kind: ActorKind = "state",
  country: string | null = id,
): ActorRecord {
  return {
    type: "actor",
    id: actorIdOrThrow(id),
    kind,
    name,
    country: country === null ? null : countryCodeOrThrow(country),
  };
}

let serial = 0;

export interface ClaimSpec {
  readonly doc: string;
  readonly value: number;
  readonly valueMax?: number | null;
  readonly unit?: Unit;
  readonly qualifier?: Qualifier;
  readonly subjects?: readonly string[];
  readonly metric: string;
  readonly period?: string | null;
  readonly quote?: string;
  /** Sentence offset; claims of one sentence share it. */
  readonly start?: number;
}

export function claim(spec: ClaimSpec): ClaimRecord {
  const n = serial++;
  const quote = spec.quote ?? `${spec.metric}: ${spec.value}`;
  const start = spec.start ?? n * 100;
  return {
    type: "claim",
    id: `${docId(spec.doc)}-c${n}`,
    doc: docId(spec.doc),
    quote,
    start: charOffset(start),
    end: charOffset(start + quote.length),
    value: spec.value,
    valueMax: spec.valueMax ?? null,
    unit: spec.unit ?? "percent",
    qualifier: spec.qualifier ?? "exact",
    subjects: (spec.subjects ?? []).map(countryCodeOrThrow).sort(),
    metric: spec.metric,
    period: (spec.period ?? null) as Period | null,
  };
}

export interface EventSpec {
  readonly doc: string;
  readonly source: string;
  readonly target?: string | null;
  readonly cameo: string;
  readonly goldstein: number;
  readonly date?: string | null;
  readonly modality?: Modality;
  readonly quote?: string;
  /** Where it happened: a state's code. */
  readonly location?: string | null;
}

function actor(code: string): { id: ActorId; country: CountryCode | null } {
  return isCountryCode(code)
    ? { id: actorIdOrThrow(code), country: countryCodeOrThrow(code) }
    : { id: actorIdOrThrow(code), country: null };
}

export function event(spec: EventSpec): EventRecord {
  const n = serial++;
  const quote = spec.quote ?? `${spec.source} ${spec.cameo} ${spec.target ?? ""}`;
  const source = actor(spec.source);
  const target = spec.target ? actor(spec.target) : null;
  const date: IsoDate | null = spec.date ? isoDateOrThrow(spec.date) : null;
  return {
    type: "event",
    id: `${docId(spec.doc)}-e${n}`,
    doc: docId(spec.doc),
    quote,
    start: charOffset(n * 100),
    end: charOffset(n * 100 + quote.length),
    date,
    source: source.id,
    sourceCountry: source.country,
    target: target?.id ?? null,
    targetCountry: target?.country ?? null,
    location: spec.location ? countryCodeOrThrow(spec.location) : null,
    cameo: spec.cameo,
    root: rootOfCode(spec.cameo),
    plover: null,
    goldstein: spec.goldstein,
    modality: spec.modality ?? "asserted",
    rule: null,
  };
}
