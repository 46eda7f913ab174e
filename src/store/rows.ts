import { z } from "zod";
import { isCameoRoot, type CameoRoot } from "../core/cameo.ts";
import { TriangulateError } from "../core/errors.ts";
import { actorIdOrThrow, charOffset, docIdOrThrow, isoDateOrThrow } from "../core/ids.ts";
import type {
  ActorRecord,
  ClaimRecord,
  CountryCode,
  DocumentRecord,
  DocumentSummary,
  EventRecord,
  SourcedEvent,
  MentionRecord,
  Period,
} from "../core/records.ts";
import { ACTOR_KINDS, MODALITIES, QUALIFIERS, UNITS, countryCodeOrThrow, isPeriod } from "../core/records.ts";
import { isCountryCode } from "../core/codes.ts";

// Rows as the adapters' SELECTs return them (columns aliased to the
// record's field names). Mapping them back is the store's trust boundary:
// everything is checked and branded by the core's constructors.

export interface DocumentRow {
  readonly id: string;
  readonly uri: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly language: string;
  readonly sha256: string;
  readonly text?: string;
}

export interface ActorRow {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly country: string | null;
}

export interface MentionRow {
  readonly doc: string;
  readonly actor: string;
  readonly country: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface EventRow {
  readonly id: string;
  readonly doc: string;
  readonly date: string | null;
  readonly source: string;
  readonly sourceCountry: string | null;
  readonly target: string | null;
  readonly targetCountry: string | null;
  readonly location: string | null;
  readonly cameo: string;
  readonly root: string;
  readonly plover: string | null;
  readonly goldstein: number;
  readonly modality: string;
  readonly rule: string | null;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

export interface ClaimRow {
  readonly id: string;
  readonly doc: string;
  readonly value: number;
  readonly valueMax: number | null;
  readonly unit: string;
  readonly qualifier: string;
  readonly subjects: string;
  readonly metric: string;
  readonly period: string | null;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

const SUBJECTS = z.array(z.string().refine(isCountryCode, "a country or group code"));

function oneOf<T extends string>(allowed: readonly T[], value: string, path: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new TriangulateError("invalid_data", `${path}: "${value}" is not one of ${allowed.join(", ")}`);
  }
  return value as T;
}

function cameoRoot(value: string, id: string): CameoRoot {
  if (!isCameoRoot(value))
    throw new TriangulateError("invalid_data", `events.root of ${id}: "${value}" is not a CAMEO root`);
  return value;
}

function country(value: string | null): CountryCode | null {
  return value === null ? null : countryCodeOrThrow(value);
}

/** A document summary, or the full document when the row has `text`. */
export function toDocumentSummary(row: DocumentRow): DocumentSummary {
  return {
    type: "document",
    id: docIdOrThrow(row.id),
    uri: row.uri,
    title: row.title,
    outlet: row.outlet,
    published: row.published === null ? null : isoDateOrThrow(row.published),
    language: row.language,
    sha256: row.sha256,
  };
}

export function toDocument(row: DocumentRow & { readonly text: string }): DocumentRecord {
  return { ...toDocumentSummary(row), text: row.text };
}

export function toActor(row: ActorRow): ActorRecord {
  return {
    type: "actor",
    id: actorIdOrThrow(row.id),
    kind: oneOf(ACTOR_KINDS, row.kind, `actors.kind of ${row.id}`),
    name: row.name,
    country: country(row.country),
  };
}

export function toMention(row: MentionRow): MentionRecord {
  return {
    type: "mention",
    doc: docIdOrThrow(row.doc),
    actor: actorIdOrThrow(row.actor),
    country: country(row.country),
    start: charOffset(row.start),
    end: charOffset(row.end),
    text: row.text,
  };
}

export function toEvent(row: EventRow): EventRecord {
  return {
    type: "event",
    id: row.id,
    doc: docIdOrThrow(row.doc),
    date: row.date === null ? null : isoDateOrThrow(row.date),
    source: actorIdOrThrow(row.source),
    sourceCountry: country(row.sourceCountry),
    target: row.target === null ? null : actorIdOrThrow(row.target),
    targetCountry: country(row.targetCountry),
    location: country(row.location),
    cameo: row.cameo,
    root: cameoRoot(row.root, row.id),
    plover: row.plover,
    goldstein: row.goldstein,
    modality: oneOf(MODALITIES, row.modality, `events.modality of ${row.id}`),
    rule: row.rule,
    quote: row.quote,
    start: charOffset(row.start),
    end: charOffset(row.end),
  };
}

/** The outlet and date of an event's document, selected beside it. */
export interface SourceRow {
  readonly outlet: string | null;
  readonly published: string | null;
}

export function toSourcedEvent(row: EventRow & SourceRow): SourcedEvent {
  const { outlet, published, ...event } = row;
  return {
    ...toEvent(event),
    outlet,
    published: published === null ? null : isoDateOrThrow(published),
  };
}

export function toClaim(row: ClaimRow): ClaimRecord {
  return {
    type: "claim",
    id: row.id,
    doc: docIdOrThrow(row.doc),
    value: row.value,
    valueMax: row.valueMax,
    unit: oneOf(UNITS, row.unit, `claims.unit of ${row.id}`),
    qualifier: oneOf(QUALIFIERS, row.qualifier, `claims.qualifier of ${row.id}`),
    subjects: parseSubjects(row.subjects, row.id),
    metric: row.metric,
    period: row.period === null ? null : storedPeriod(row.period, row.id),
    quote: row.quote,
    start: charOffset(row.start),
    end: charOffset(row.end),
  };
}

/** The JSON array of country codes stored with a claim, checked. */
export function parseSubjects(json: string, claimId: string): readonly CountryCode[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new TriangulateError("invalid_data", `claims.subjects of ${claimId}: not JSON`);
  }
  const parsed = SUBJECTS.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TriangulateError(
      "invalid_data",
      `claims.subjects${issue ? issue.path.map((p) => `[${String(p)}]`).join("") : ""} of ${claimId}: ${
        issue?.message ?? "invalid"
      }`,
    );
  }
  return parsed.data.map(countryCodeOrThrow);
}

function storedPeriod(value: string, claimId: string): Period {
  if (!isPeriod(value)) {
    throw new TriangulateError("invalid_data", `claims.period of ${claimId}: "${value}" is not a period`);
  }
  return value;
}
