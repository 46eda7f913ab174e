import type { MiddlewareHandler } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import type { DocId, IsoDate } from "../core/ids.ts";
import { isIsoDate } from "../core/ids.ts";
import type { CountryCode, EventField, Unit } from "../core/records.ts";
import { EVENT_FIELDS, UNITS } from "../core/records.ts";
import { ParameterError } from "./errors.ts";

/** The most items one list request may ask for (the timeline asks for this many). */
export const MAX_LIMIT = 10_000;

/**
 * A query-string field: one string, checked and converted by `parse`, which
 * returns undefined when the text is not acceptable. The message says what
 * was expected so that the 400 can name the parameter and the fix.
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

const wholeNumber = (min: number, max: number) =>
  field(`a whole number from ${min} to ${max}`, (raw) => {
    if (!/^\d{1,9}$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  });

const words = field("at most 200 characters", (raw) => (raw.length <= 200 ? raw.trim() : undefined));

/** A country code (`AZE`, `IGO`) or an actor id (`person:ilham-aliyev`). */
const actorRef = field("a country code (AZE) or an actor id (person:ilham-aliyev)", (raw) =>
  /^(?:[A-Z]{3}|[a-z]+:[a-z0-9][a-z0-9.-]*)$/.test(raw) ? raw : undefined,
);

const countryCode = field("an ISO alpha-3 code such as AZE", (raw) =>
  /^[A-Z]{3}$/.test(raw) ? (raw as CountryCode) : undefined,
);

const date = field("a date as YYYY, YYYY-MM or YYYY-MM-DD", (raw) =>
  isIsoDate(raw) ? raw : undefined,
) as z.ZodType<IsoDate, string>;

const docId = field("a document id (16 hex digits)", (raw) =>
  /^[0-9a-f]{16}$/.test(raw) ? (raw as DocId) : undefined,
);

const root = field("a CAMEO root from 01 to 20", (raw) =>
  /^(?:0[1-9]|1\d|20)$/.test(raw) ? raw : undefined,
);

const unit = field(`one of ${UNITS.join(", ")}`, (raw) =>
  (UNITS as readonly string[]).includes(raw) ? (raw as Unit) : undefined,
);

const page = (defaultLimit: number) => ({
  limit: wholeNumber(1, MAX_LIMIT).default(defaultLimit),
  offset: wholeNumber(0, 1_000_000_000).default(0),
});

export const documentsQuery = z.strictObject({
  q: words.optional(),
  outlet: words.optional(),
  ...page(50),
});

export const eventsQuery = z.strictObject({
  actor: actorRef.optional(),
  source: actorRef.optional(),
  target: actorRef.optional(),
  root: root.optional(),
  from: date.optional(),
  to: date.optional(),
  doc: docId.optional(),
  ...page(100),
});

/** Comma-separated export field names of an event (`id,date,goldstein`), each known. */
const eventFields = z.string({ error: "must be given once" }).transform((raw, ctx): EventField[] => {
  const names = raw.split(",").map((name) => name.trim());
  const unknown = names.find((name) => !(EVENT_FIELDS as readonly string[]).includes(name));
  if (unknown === undefined) return names as EventField[];
  ctx.addIssue({
    code: "custom",
    message: `no event field "${unknown}"; the fields are ${EVENT_FIELDS.join(", ")}`,
  });
  return z.NEVER;
});

export const eventRowsQuery = eventsQuery.extend({
  fields: eventFields.default([...EVENT_FIELDS]),
});

export const claimsQuery = z.strictObject({
  subject: countryCode.optional(),
  unit: unit.optional(),
  q: words.optional(),
  doc: docId.optional(),
  ...page(100),
});

export const searchQuery = z.strictObject({
  q: field("1 to 200 characters", (raw) => {
    const q = raw.trim();
    return q.length > 0 && q.length <= 200 ? q : undefined;
  }),
  limit: wholeNumber(1, 100).default(20),
});

export const firingsQuery = z.strictObject({
  /** Only firings after this id: what a page that has seen it has not. */
  after: wholeNumber(0, Number.MAX_SAFE_INTEGER).optional(),
  ...page(50),
});

/** For endpoints that take no parameters: any parameter is a mistake worth reporting. */
export const noQuery: MiddlewareHandler = async (c, next) => {
  const [name] = Object.keys(c.req.query());
  if (name !== undefined) throw new ParameterError(name, "unknown parameter");
  await next();
};

/** What the client may send: every value a string, as in a URL. */
type QueryInput<S extends z.ZodType> = { [K in keyof z.input<S>]: z.input<S>[K] };

/**
 * Validates the query string against `schema`. Empty values (`?q=`) count as
 * absent, so forms can submit blank fields; anything else that fails throws a
 * `ParameterError` naming the first parameter at fault.
 */
export function validQuery<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<object, string, { in: { query: QueryInput<S> }; out: { query: z.output<S> } }> {
  return validator("query", (value): z.output<S> => {
    const present = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ""));
    const result = schema.safeParse(present);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    if (issue?.code === "unrecognized_keys") {
      throw new ParameterError(issue.keys[0] ?? "?", "unknown parameter");
    }
    const name = issue?.path[0];
    throw new ParameterError(typeof name === "string" ? name : "?", issue?.message ?? "invalid");
  }) as MiddlewareHandler<object, string, { in: { query: QueryInput<S> }; out: { query: z.output<S> } }>;
}
