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

/** Validates `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a real calendar date. */
export function isoDateOrThrow(value: string): IsoDate {
  const parts = ISO_DATE.exec(value);
  if (!parts)
    throw new TriangulateError("invalid_date", `not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${value}`);
  const [, year, month, day] = parts;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) {
    throw new TriangulateError("invalid_date", `month out of range: ${value}`);
  }
  if (day !== undefined) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > last) {
      throw new TriangulateError("invalid_date", `day out of range: ${value}`);
    }
  }
  return value as IsoDate;
}

export function isIsoDate(value: string): value is IsoDate {
  try {
    isoDateOrThrow(value);
    return true;
  } catch {
    return false;
  }
}

export type DatePrecision = "year" | "month" | "day";

export function datePrecision(date: IsoDate): DatePrecision {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}
