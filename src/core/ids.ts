import type { Brand } from "./brand.ts";
import { TriangulateError } from "./errors.ts";

/** A document's identity: the first 16 hex digits of the SHA-256 of its normalised text. */
export type DocId = Brand<string, "DocId">;
/** An actor's identity: an ISO alpha-3 code for a state, else `kind:slug` (`person:ilham-aliyev`). */
export type ActorId = Brand<string, "ActorId">;
/** A JavaScript string index into a document's stored text. */
export type CharOffset = Brand<number, "CharOffset">;
/** A calendar date at its known precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type IsoDate = Brand<string, "IsoDate">;

const DOC_ID = /^[0-9a-f]{16}$/;
const ACTOR_ID = /^(?:[A-Z]{3}|[a-z]+:[a-z0-9][a-z0-9.-]*)$/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isDocId(value: string): boolean {
  return DOC_ID.test(value);
}

export function docIdOrThrow(value: string): DocId {
  if (!DOC_ID.test(value)) throw new TriangulateError("invalid_id", `not a document id: ${value}`);
  return value as DocId;
}

/** The id of the document whose normalised text has this SHA-256 (hex). */
export function docIdFromSha256(sha256: string): DocId {
  return docIdOrThrow(sha256.slice(0, 16));
}

/** Whether `value` has the shape of an actor id: a country or group code, or `kind:slug`. */
export function isActorId(value: string): boolean {
  return ACTOR_ID.test(value);
}

export function actorIdOrThrow(value: string): ActorId {
  if (!ACTOR_ID.test(value)) throw new TriangulateError("invalid_id", `not an actor id: ${value}`);
  return value as ActorId;
}

/** Builds `kind:slug` from a display name: `actorIdFor("person", "Ilham Aliyev")` is `person:ilham-aliyev`. */
export function actorIdFor(kind: string, name: string): ActorId {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return actorIdOrThrow(`${kind}:${slug || "unnamed"}`);
}

export function charOffset(value: number): CharOffset {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TriangulateError("invalid_offset", `not a character offset: ${String(value)}`);
  }
  return value as CharOffset;
}

/** What is wrong with `value` as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar date), or null. */
function isoDateProblem(value: string): string | null {
  const parts = ISO_DATE.exec(value);
  if (!parts) return "not a date (YYYY, YYYY-MM or YYYY-MM-DD)";
  const [, year, month, day] = parts;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return "month out of range";
  if (day !== undefined && (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month)))) {
    return "day out of range";
  }
  return null;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Validates `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a real calendar date. */
export function isoDateOrThrow(value: string): IsoDate {
  const problem = isoDateProblem(value);
  if (problem !== null) throw new TriangulateError("invalid_date", `${problem}: ${value}`);
  return value as IsoDate;
}

export function isIsoDate(value: string): value is IsoDate {
  return isoDateProblem(value) === null;
}

export type DatePrecision = "year" | "month" | "day";

export function datePrecision(date: IsoDate): DatePrecision {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}
