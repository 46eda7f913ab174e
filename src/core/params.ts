import { isCameoRoot, type CameoRoot } from "./cameo.ts";
import { z } from "zod";
import { INTERVALS } from "./calendar.ts";
import type { Interval } from "./calendar.ts";
import { isCountryCode } from "./codes.ts";
import type { ActorId, DocId, IsoDate } from "./ids.ts";
import { actorIdOrThrow, docIdOrThrow, isActorId, isDocId, isIsoDate, isoDateOrThrow } from "./ids.ts";
import { MAX_OFFSET, MAX_PAGE, MAX_SEARCH_HITS, MAX_TEXT } from "./limits.ts";
import type { CountryCode, EventRowField, Unit } from "./records.ts";
import { EVENT_ROW_FIELDS, UNITS, countryCodeOrThrow } from "./records.ts";

/**
 * The parameters users give, checked once for every edge: the server's query
 * strings and the CLI's flags parse the same schemas, so `actor`, `from` or
 * `minSources` mean the same and fail with the same words everywhere. Each
 * value arrives as a string (as in a URL or on a command line); each
 * parameter set is a strict object, so an unknown name is an error too.
 */

/**
 * A parameter: one string, checked and converted by `parse`, which returns
 * undefined when the text is not acceptable. `expected` says what was, so
 * that the error names the parameter and the fix.
 */
function field<T>(expected: string, parse: (raw: string) => T | undefined) {
  return z.string({ error: "must be given once" }).transform((raw, ctx): T => {
    const value = parse(raw);
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: `must be ${expected}` });
      return z.NEVER;
    }
    return value;
  });
}

function oneOf<const T extends string>(values: readonly T[], expected: string) {
  return field(expected, (raw) => values.find((value) => value === raw));
}

/** A whole number from `min` to `max`. */
export const wholeNumber = (min: number, max: number) =>
  field(`a whole number from ${min} to ${max}`, (raw) => {
    if (!/^\d{1,10}$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  });

/** Words to match (a search, an outlet): trimmed, at most `MAX_TEXT` characters. */
export const text = field(`at most ${MAX_TEXT} characters`, (raw) =>
  raw.length <= MAX_TEXT ? raw.trim() : undefined,
);

/** A country code (`AZE`, `IGO`) or an actor id (`person:ilham-aliyev`). */
export const actorRef = field<ActorId>("a country code (AZE) or an actor id (person:ilham-aliyev)", (raw) =>
  isActorId(raw) ? actorIdOrThrow(raw) : undefined,
);

export const countryCode = field<CountryCode>("an ISO alpha-3 code such as AZE", (raw) =>
  isCountryCode(raw) ? countryCodeOrThrow(raw) : undefined,
);

/** Country codes separated by commas (`AZE,IRN,ISR`). */
export const countryCodes = field<CountryCode[]>("country codes separated by commas (AZE,IRN,ISR)", (raw) => {
  const codes = raw.split(",").map((code) => code.trim());
  return codes.every(isCountryCode) ? codes.map(countryCodeOrThrow) : undefined;
});

export const isoDate = field<IsoDate>("a date as YYYY, YYYY-MM or YYYY-MM-DD", (raw) =>
  isIsoDate(raw) ? isoDateOrThrow(raw) : undefined,
);

export const docId = field<DocId>("a document id (16 hex digits)", (raw) =>
  isDocId(raw) ? docIdOrThrow(raw) : undefined,
);

export const cameoRoot = field<CameoRoot>("a CAMEO root from 01 to 20", (raw) =>
  isCameoRoot(raw) ? raw : undefined,
);

export const unit = oneOf<Unit>(UNITS, `one of ${UNITS.join(", ")}`);

export const interval = oneOf<Interval>(INTERVALS, "month, quarter or year");

/** `true` or `false`. */
export const flag = oneOf(["true", "false"], "true or false").transform((raw) => raw === "true");

export const CLAIM_STATUSES = ["agree", "conflict", "single"] as const;
export const claimStatus = oneOf(CLAIM_STATUSES, "agree, conflict or single");

/** Comma-separated field names of a listed event (`id,date,outlet`), each known. */
export const eventFields = z
  .string({ error: "must be given once" })
  .transform((raw, ctx): EventRowField[] => {
    const names = raw.split(",").map((name) => name.trim());
    const known = names.filter((name): name is EventRowField =>
      (EVENT_ROW_FIELDS as readonly string[]).includes(name),
    );
    const unknown = names.find((name) => !(EVENT_ROW_FIELDS as readonly string[]).includes(name));
    if (unknown === undefined) return known;
    ctx.addIssue({
      code: "custom",
      message: `no event field "${unknown}"; the fields are ${EVENT_ROW_FIELDS.join(", ")}`,
    });
    return z.NEVER;
  });

/** `limit` (1 to `MAX_PAGE`, `defaultLimit` when absent) and `offset`. */
export function pageParams(defaultLimit: number) {
  return {
    limit: wholeNumber(1, MAX_PAGE).default(defaultLimit),
    offset: wholeNumber(0, MAX_OFFSET).default(0),
  };
}

export const documentParams = z.strictObject({
  q: text.optional(),
  outlet: text.optional(),
});

/** Which events: either side, a direction, a root, inclusive dates (compared at each bound's precision), a document. */
export const eventParams = z.strictObject({
  actor: actorRef.optional(),
  source: actorRef.optional(),
  target: actorRef.optional(),
  root: cameoRoot.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  doc: docId.optional(),
});

export const claimParams = z.strictObject({
  subject: countryCode.optional(),
  unit: unit.optional(),
  q: text.optional(),
  doc: docId.optional(),
});

export const searchParams = z.strictObject({
  q: field(`1 to ${MAX_TEXT} characters`, (raw) => {
    const q = raw.trim();
    return q.length > 0 && q.length <= MAX_TEXT ? q : undefined;
  }),
  limit: wholeNumber(1, MAX_SEARCH_HITS).default(20),
});

export const claimClusterParams = z.strictObject({
  status: claimStatus.optional(),
  subject: countryCode.optional(),
  unit: unit.optional(),
  minSources: wholeNumber(0, 1_000_000).optional(),
});

export const eventClusterParams = z.strictObject({
  actor: actorRef.optional(),
  root: cameoRoot.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minSources: wholeNumber(0, 1_000_000).optional(),
});

export const pairParams = z.strictObject({
  actor: actorRef.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const dyadParams = z.strictObject({
  interval: interval.default("month"),
  directed: flag.default(false),
  actor: countryCode.optional(),
});

export const episodeParams = z.strictObject({
  interval: interval.default("month"),
  actor: countryCode.optional(),
});

export const triadParams = z.strictObject({
  interval: oneOf([...INTERVALS, "all"], "month, quarter, year or all").default("year"),
  minEvents: wholeNumber(1, 1_000_000).optional(),
  actors: countryCodes.optional(),
});

/** A parameter that failed, and why: what both edges report. */
export interface ParameterIssue {
  /** The parameter's name, as the schema names it (`minSources`); `?` when zod names none. */
  readonly name: string;
  /** `unknown parameter`, or `must be ...`. */
  readonly message: string;
}

/**
 * Parses `given` (absent parameters left out) with `schema`: the values, or
 * the first issue, naming the parameter at fault.
 */
export function parseParams<S extends z.ZodType>(
  schema: S,
  given: Readonly<Record<string, unknown>>,
):
  | { readonly ok: true; readonly value: z.output<S> }
  | { readonly ok: false; readonly issue: ParameterIssue } {
  const result = schema.safeParse(given);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    return { ok: false, issue: { name: issue.keys[0] ?? "?", message: "unknown parameter" } };
  }
  const name = issue?.path[0];
  return {
    ok: false,
    issue: { name: typeof name === "string" ? name : "?", message: issue?.message ?? "invalid" },
  };
}
