import type { MiddlewareHandler } from "hono";
import { validator } from "hono/validator";
import type { z } from "zod";
import {
  claimParams,
  documentParams,
  eventFields,
  eventParams,
  pageParams,
  parseParams,
  searchParams,
} from "../core/params.ts";
import { EVENT_ROW_FIELDS } from "../core/records.ts";
import { ParameterError } from "./errors.ts";

/** The query strings of the record endpoints: the core's parameter sets, with a page. */
export const documentsQuery = documentParams.extend(pageParams(50));
export const eventsQuery = eventParams.extend(pageParams(100));
export const eventRowsQuery = eventsQuery.extend({ fields: eventFields.default([...EVENT_ROW_FIELDS]) });
export const claimsQuery = claimParams.extend(pageParams(100));
export const searchQuery = searchParams;

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
    // A parameter given twice arrives as an array, which the schema refuses ("must be given once").
    const present = Object.fromEntries(Object.entries(value).filter(([, given]) => given !== ""));
    const result = parseParams(schema, present);
    if (result.ok) return result.value;
    throw new ParameterError(result.issue.name, result.issue.message);
  }) as MiddlewareHandler<object, string, { in: { query: QueryInput<S> }; out: { query: z.output<S> } }>;
}
