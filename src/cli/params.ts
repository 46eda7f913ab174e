import type { z } from "zod";
import { TriangulateError } from "../core/errors.ts";
import { parseParams } from "../core/params.ts";

/** `minSources` as a flag: `--min-sources`. */
export function flagName(parameter: string): string {
  return `--${parameter.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * Checks flags with one of the core's parameter sets (`src/core/params.ts`),
 * the same the server checks its query strings with. `given` names them as
 * the schema does (`minSources`); absent flags are left out.
 *
 * @throws TriangulateError `usage` naming the flag, what it must be and what was given.
 */
export function paramsOrThrow<S extends z.ZodType>(
  schema: S,
  given: Readonly<Record<string, string | undefined>>,
): z.output<S> {
  const present = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  const result = parseParams(schema, present);
  if (result.ok) return result.value;
  const { name, message } = result.issue;
  const value = present[name];
  throw new TriangulateError(
    "usage",
    `${flagName(name)} ${message}${value === undefined ? "" : `, not "${value}"`}`,
  );
}
