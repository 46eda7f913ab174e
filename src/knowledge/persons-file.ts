import { isCountryCode } from "../core/codes.ts";
import { isIsoDate } from "../core/ids.ts";

/**
 * The shape of `data/actors/persons.json` and `phoenix-persons.json`, checked
 * by hand rather than by a zod schema: the Phoenix file holds some 18,000
 * persons, and a schema's parse copies every one of them (and the copies
 * then fill the young heap for the collector to move), where this check
 * reads the parsed JSON in place. Same rules as the other files' schemas:
 * the persons and their roles allow no other keys; the file's top level may
 * have more.
 */
export interface PersonsFile {
  readonly persons: readonly PersonEntry[];
}

export interface PersonEntry {
  readonly name: string;
  /** An ISO alpha-3 or group code. */
  readonly country: string;
  readonly aliases?: readonly string[];
  readonly surnames?: readonly string[];
  readonly surnameAlone?: boolean;
  /** At least one. */
  readonly roles: readonly RoleEntry[];
}

export interface RoleEntry {
  /** Lower case and hyphens ("foreign-minister"). */
  readonly role: string;
  readonly country: string;
  /** Dates as YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly from?: string;
  readonly to?: string;
}

/** The first problem found: where (the JSON path) and what. */
export interface ShapeProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A check's result, in the form of a zod schema's `safeParse` (the error holds the first problem only). */
export type ShapeCheck<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: { readonly issues: readonly ShapeProblem[] } };

const PERSON_KEYS = new Set(["name", "country", "aliases", "surnames", "surnameAlone", "roles"]);
const ROLE_KEYS = new Set(["role", "country", "from", "to"]);
const ROLE = /^[a-z-]+$/;
const TEXT = "expected a non-empty string";
const CODE = "an ISO alpha-3 or group code";
const DATE = "a date as YYYY, YYYY-MM or YYYY-MM-DD";

// Each check returns its first problem with the path below the value it
// checked, or null: no path is built unless something is wrong.
type Found = ShapeProblem | null;

function problem(path: readonly (string | number)[], message: string): ShapeProblem {
  return { path, message };
}

/** The problem below `key` of a value, as a problem of the value. */
function under(key: string | number, found: ShapeProblem): ShapeProblem {
  return problem([key, ...found.path], found.message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function unknownKey(value: Record<string, unknown>, keys: ReadonlySet<string>): Found {
  for (const key in value) if (!keys.has(key)) return problem([key], "unknown key");
  return null;
}

function codeProblem(value: unknown, key: string): Found {
  if (!isText(value)) return problem([key], TEXT);
  return isCountryCode(value) ? null : problem([key], CODE);
}

function dateProblem(value: unknown, key: string): Found {
  if (value === undefined) return null;
  if (!isText(value)) return problem([key], TEXT);
  return isIsoDate(value) ? null : problem([key], DATE);
}

function wordsProblem(value: unknown, key: string): Found {
  if (value === undefined) return null;
  if (!Array.isArray(value)) return problem([key], "expected an array of strings");
  for (let i = 0; i < value.length; i++) if (!isText(value[i])) return problem([key, i], TEXT);
  return null;
}

function roleProblem(role: unknown): Found {
  if (!isRecord(role)) return problem([], "expected an object");
  const unknown = unknownKey(role, ROLE_KEYS);
  if (unknown) return unknown;
  if (!isText(role.role)) return problem(["role"], TEXT);
  if (!ROLE.test(role.role)) return problem(["role"], "lower case letters and hyphens");
  return codeProblem(role.country, "country") ?? dateProblem(role.from, "from") ?? dateProblem(role.to, "to");
}

function personProblem(person: unknown): Found {
  if (!isRecord(person)) return problem([], "expected an object");
  const unknown = unknownKey(person, PERSON_KEYS);
  if (unknown) return unknown;
  if (!isText(person.name)) return problem(["name"], TEXT);
  const found =
    codeProblem(person.country, "country") ??
    wordsProblem(person.aliases, "aliases") ??
    wordsProblem(person.surnames, "surnames");
  if (found) return found;
  if (person.surnameAlone !== undefined && typeof person.surnameAlone !== "boolean") {
    return problem(["surnameAlone"], "expected a boolean");
  }
  const roles = person.roles;
  if (!Array.isArray(roles) || roles.length === 0) {
    return problem(["roles"], "expected an array of at least one role");
  }
  for (let i = 0; i < roles.length; i++) {
    const wrong = roleProblem(roles[i]);
    if (wrong) return under("roles", under(i, wrong));
  }
  return null;
}

/**
 * Checks parsed JSON against the persons file's shape; the data is the
 * parsed value itself, not a copy.
 *
 * @example checkPersonsFile(JSON.parse(text)) // { success: true, data: { persons: [...] } }
 */
function checkPersonsFile(raw: unknown): ShapeCheck<PersonsFile> {
  const fail = (found: ShapeProblem): ShapeCheck<PersonsFile> => ({
    success: false,
    error: { issues: [found] },
  });
  if (!isRecord(raw)) return fail(problem([], "expected an object"));
  const persons = raw.persons;
  if (!Array.isArray(persons)) return fail(problem(["persons"], "expected an array"));
  for (let i = 0; i < persons.length; i++) {
    const wrong = personProblem(persons[i]);
    if (wrong) return fail(under("persons", under(i, wrong)));
  }
  return { success: true, data: raw as unknown as PersonsFile };
}

/** The persons files' shape, used as the other files' zod schemas are (see `readJson` in actors.ts). */
export const personsFileShape = { safeParse: checkPersonsFile };
