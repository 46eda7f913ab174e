import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { z } from "zod";
import { GROUP_CODES, IGO, isCountryCode } from "../core/codes.ts";
import { TriangulateError } from "../core/errors.ts";
import { actorIdFor, actorIdOrThrow, isoDateOrThrow } from "../core/ids.ts";
import { countryCodeOrThrow, type ActorRecord, type CountryCode } from "../core/records.ts";
import {
  compareAtPrecision,
  createGazetteer,
  type ActorSource,
  type AliasSource,
  type Gazetteer,
  type GazetteerSource,
  type PersonSource,
} from "../extract/actors/gazetteer.ts";
import { AGENT_KINDS } from "../extract/types.ts";
import { personsFileShape } from "./persons-file.ts";

// Priorities when two actors claim one phrase: our own data over the package,
// and within the package a sovereign state over a dependent territory
// ("French" is France, not the French Southern Lands).
const PRIORITY_DATA = 50;
const PRIORITY_STATE = 40;
const PRIORITY_TERRITORY = 30;
// An armed group from the Phoenix dictionaries yields to a state ("Palestine")
// but not to a dependent territory.
const PRIORITY_ARMED_GROUP = 35;
// Adjectival forms of states' names from the Phoenix dictionary (state-forms.json) yield to both.
const PRIORITY_STATE_FORM = 33;
// So do the bodies converted from the Phoenix dictionaries (state-bodies.json, international.json):
// our own data (organizations.json, igos.json) wins over them.
const PRIORITY_CONVERTED_BODY = 35;
// Cities and provinces from GeoNames (places.json) yield to every other name.
const PRIORITY_PLACE = 20;

const words = z.array(z.string().min(1));
const code = z.string().refine(isCountryCode, "an ISO alpha-3 or group code");

/** The part of a world-countries record we read. */
const countrySchema = z.object({
  name: z.object({ common: z.string(), official: z.string() }),
  cca3: code,
  independent: z.boolean().nullable().optional(),
  altSpellings: z.array(z.string()),
  capital: z.array(z.string()).optional(),
  demonyms: z.object({ eng: z.object({ m: z.string(), f: z.string() }).optional() }).optional(),
});

const statesSchema = z.object({
  codeFixes: z.record(z.string(), z.string()),
  displayNames: z.record(code, z.string().min(1)),
  exclude: z.object({ names: words, capitals: words, demonyms: words }),
  preferred: z.record(z.string(), z.string()),
  personLike: z.object({ names: words }),
  homonyms: z
    .array(z.strictObject({ name: z.string().min(1), country: code, before: words, after: words }))
    .optional(),
  states: z.record(
    code,
    z.strictObject({
      aliases: words.optional(),
      demonyms: words.optional(),
      seats: words.optional(),
      regions: words.optional(),
      cities: words.optional(),
      epithets: words.optional(),
    }),
  ),
});

const stateFormsSchema = z.object({ states: z.record(code, words) });

const igosSchema = z.object({
  bodies: z.array(z.strictObject({ name: z.string().min(1), aliases: words })),
});

const organizationsSchema = z.object({
  organizations: z.array(
    z.strictObject({ name: z.string().min(1), country: code, aliases: words, shortForms: words.optional() }),
  ),
});

const armedGroupsSchema = z.object({
  groups: z.array(
    z.strictObject({ name: z.string().min(1), country: code, aliases: words, shortForms: words }),
  ),
});

const groupsSchema = z.object({
  groups: z.array(
    z.strictObject({
      name: z.string().min(1),
      country: z.enum(GROUP_CODES),
      phrases: words,
      modifiers: words,
      nouns: words,
    }),
  ),
});

const agentsSchema = z.object({
  agents: z.array(z.strictObject({ phrase: z.string().min(1), kind: z.enum(AGENT_KINDS) })),
});

// Checked by hand: see persons-file.ts.
const personsSchema = personsFileShape;

const grammarSchema = z.object({
  titles: z.array(
    z.strictObject({
      phrase: z.string().min(1),
      role: z.string().nullable(),
      to: z.boolean().optional(),
      foreign: z.boolean().optional(),
    }),
  ),
  titleHeads: words,
  modifiers: z.object({ temporal: words, rank: words }),
  honorifics: words,
  actorNouns: words,
  afterPerson: words,
  leaderRoles: words,
  notActorAfter: words,
  notActorBefore: words,
  pairPhrases: words,
  bareTwo: words,
  contextPhrases: words,
  personContextPhrases: words,
  stopPhrases: words,
  institutions: words,
  attackerModifiers: words,
  ethnicNouns: words,
  ethnicMarkers: words,
  pronouns: words,
  pronounNotBefore: words,
  clauseLinks: words,
  nameParticles: words,
  nameHeads: words,
  nameStopWords: words,
  functionWords: words,
});

/**
 * Removes the keys starting with "$", comments (`$comment`), at any depth, in
 * place. A walk after parsing rather than a reviver: `JSON.parse` with a
 * reviver calls back for every value and takes about twice as long on the
 * 4 MB of phoenix-persons.json.
 */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) withoutComments(item);
  } else if (typeof value === "object" && value !== null) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      if (key.startsWith("$")) Reflect.deleteProperty(object, key);
      else withoutComments(object[key]);
    }
  }
  return value;
}

/** What a data file is checked with: a zod schema, or a hand-written check of the same form. */
interface DataShape<T> {
  safeParse(
    raw: unknown,
  ):
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly error: { readonly issues: readonly DataIssue[] } };
}

interface DataIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

function readJson<T>(dataDir: string, path: string, schema: DataShape<T>): T {
  let raw: unknown;
  try {
    raw = withoutComments(JSON.parse(readFileSync(join(dataDir, path), "utf8")));
  } catch (error) {
    throw new TriangulateError("invalid_data", `${path}: not readable JSON`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TriangulateError(
      "invalid_data",
      `${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data;
}

/** The world-countries records, validated. */
export function readWorldCountries(): z.infer<typeof countrySchema>[] {
  const require = createRequire(import.meta.url);
  const parsed = z.array(countrySchema).safeParse(require("world-countries"));
  if (!parsed.success) {
    throw new TriangulateError("invalid_data", `world-countries: ${parsed.error.issues[0]?.message ?? ""}`);
  }
  return parsed.data;
}

// Latin script only, no inverted forms ("Korea, Republic of") or glosses in brackets.
const USABLE = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u;

function usable(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  // Two capitals are ISO alpha-2 codes ("AZ", "IN"): words in running text, never names.
  return USABLE.test(text) && letters.length >= 3;
}

/** "Iranian" -> "Iranians"; "Chinese", "British", "Swiss" have no such plural. */
function plural(demonym: string): string | null {
  return /(?:ese|sh|ch|ss|s|x|z)$/i.test(demonym) ? null : `${demonym}s`;
}

function splitDemonyms(text: string): string[] {
  return text
    .split(/,\s*|\s+or\s+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/** Reads `data/actors/*.json` and the world-countries package into gazetteer sources. */
export function loadActorSources(dataDir: string): GazetteerSource {
  const states = readJson(dataDir, "actors/states.json", statesSchema);
  const igos = readJson(dataDir, "actors/igos.json", igosSchema);
  const organizations = readJson(dataDir, "actors/organizations.json", organizationsSchema);
  const groups = readJson(dataDir, "actors/groups.json", groupsSchema);
  const armedGroups = readJson(dataDir, "actors/armed-groups.json", armedGroupsSchema);
  const stateForms = readJson(dataDir, "actors/state-forms.json", stateFormsSchema);
  const places = readJson(dataDir, "actors/places.json", stateFormsSchema);
  const stateBodies = readJson(dataDir, "actors/state-bodies.json", organizationsSchema);
  const international = readJson(dataDir, "actors/international.json", igosSchema);
  const persons = readJson(dataDir, "actors/persons.json", personsSchema);
  const phoenixPersons = readJson(dataDir, "actors/phoenix-persons.json", personsSchema);
  const grammar = readJson(dataDir, "actors/grammar.json", grammarSchema);
  const agents = readJson(dataDir, "actors/agents.json", agentsSchema);

  const excludedNames = new Set(states.exclude.names);
  const excludedCapitals = new Set(states.exclude.capitals);
  const excludedDemonyms = new Set(states.exclude.demonyms);
  const personLike = new Set(states.personLike.names);
  const actors: ActorSource[] = [];
  const known = new Set<string>(GROUP_CODES);

  for (const country of readWorldCountries()) {
    const fixed = states.codeFixes[country.cca3] ?? country.cca3;
    const id = countryCodeOrThrow(fixed);
    known.add(id);
    const priority = country.independent ? PRIORITY_STATE : PRIORITY_TERRITORY;
    const aliases: AliasSource[] = [];
    const add = (text: string, via: AliasSource["via"], place = false): void => {
      const preferred = states.preferred[text];
      if (preferred && preferred !== id) return;
      aliases.push({ text, via, priority, personLike: personLike.has(text), place });
    };
    const names = new Set([country.name.common, country.name.official, ...country.altSpellings]);
    for (const name of names) if (usable(name) && !excludedNames.has(name)) add(name, "name");
    const eng = country.demonyms?.eng;
    for (const form of new Set([eng?.m ?? "", eng?.f ?? ""])) {
      for (const demonym of splitDemonyms(form)) {
        if (excludedDemonyms.has(demonym) || !usable(demonym)) continue;
        const preferred = states.preferred[demonym];
        if (preferred && preferred !== id) continue; // its plural goes with it
        add(demonym, "demonym");
        const many = plural(demonym);
        if (many) add(many, "demonym");
      }
    }
    for (const capital of country.capital ?? []) {
      if (usable(capital) && !excludedCapitals.has(capital)) add(capital, "capital", true);
    }
    const actor: ActorRecord = {
      type: "actor",
      id: actorIdOrThrow(id),
      kind: "state",
      name: states.displayNames[id] ?? country.name.common,
      country: id,
    };
    actors.push({ actor, aliases });
  }

  const check = (value: string, where: string): CountryCode => {
    if (!known.has(value))
      throw new TriangulateError("invalid_data", `${where}: unknown country code ${value}`);
    return countryCodeOrThrow(value);
  };

  /** Adds to each state a data file lists by its code the aliases `aliasesOf` reads from its entry. */
  const extendStates = <T>(
    file: string,
    byState: Readonly<Record<string, T>>,
    aliasesOf: (entry: T) => AliasSource[],
  ): void => {
    for (const [code, value] of Object.entries(byState)) {
      check(code, `actors/${file}: states.${code}`);
      const index = actors.findIndex((a) => a.actor.id === code);
      const entry = actors[index];
      if (entry) actors[index] = { actor: entry.actor, aliases: [...entry.aliases, ...aliasesOf(value)] };
    }
  };
  const data = (text: string, via: AliasSource["via"], place = false): AliasSource => ({
    text,
    via,
    priority: PRIORITY_DATA,
    personLike: personLike.has(text),
    place,
  });
  extendStates("states.json", states.states, (extra) => [
    ...(extra.aliases ?? []).map((t) => data(t, "alias")),
    ...(extra.demonyms ?? []).map((t) => data(t, "demonym")),
    ...(extra.seats ?? []).map((t) => data(t, "capital", true)),
    ...(extra.regions ?? []).map((t) => data(t, "alias")),
    ...(extra.cities ?? []).map((t) => data(t, "alias", true)),
    ...(extra.epithets ?? []).map((t) => data(t, "coreference")),
  ]);
  extendStates("state-forms.json", stateForms.states, (forms) =>
    forms.map((text) => ({ text, via: "demonym", priority: PRIORITY_STATE_FORM })),
  );
  // Many place names are also names of people ("Charlotte", "Durham"): never read beside another name.
  extendStates("places.json", places.states, (names) =>
    names.map((text) => ({ text, via: "alias", priority: PRIORITY_PLACE, personLike: true, place: true })),
  );
  for (const [text, code] of Object.entries(states.preferred))
    check(code, `actors/states.json: preferred.${text}`);

  const igo = countryCodeOrThrow(IGO);
  const igoBody = (body: (typeof igos.bodies)[number], priority: number): ActorSource => ({
    actor: { type: "actor", id: actorIdFor("igo", body.name), kind: "igo", name: body.name, country: igo },
    aliases: [body.name, ...body.aliases].map((text): AliasSource => ({ text, via: "name", priority })),
  });
  for (const body of igos.bodies) actors.push(igoBody(body, PRIORITY_DATA));
  for (const body of international.bodies) actors.push(igoBody(body, PRIORITY_CONVERTED_BODY));
  /** An organisation: its aliases name it anywhere, its short forms once the document has named it. */
  const organization = (
    name: string,
    country: CountryCode,
    aliases: readonly string[],
    shortForms: readonly string[],
    priority: number,
  ): ActorSource => ({
    actor: { type: "actor", id: actorIdFor("organization", name), kind: "organization", name, country },
    aliases: [
      ...aliases.map((text): AliasSource => ({ text, via: "organization", priority })),
      ...shortForms.map((text): AliasSource => ({ text, via: "organization", priority, afterNamed: true })),
    ],
  });
  organizations.organizations.forEach((org, i) => {
    const country = check(org.country, `actors/organizations.json: organizations.${i}.country`);
    actors.push(
      organization(org.name, country, [org.name, ...org.aliases], org.shortForms ?? [], PRIORITY_DATA),
    );
  });
  stateBodies.organizations.forEach((body, i) => {
    const country = check(body.country, `actors/state-bodies.json: organizations.${i}.country`);
    actors.push(organization(body.name, country, body.aliases, [], PRIORITY_CONVERTED_BODY));
  });
  armedGroups.groups.forEach((group, i) => {
    const country = check(group.country, `actors/armed-groups.json: groups.${i}.country`);
    actors.push(organization(group.name, country, group.aliases, group.shortForms, PRIORITY_ARMED_GROUP));
  });
  for (const group of groups.groups) {
    const actor: ActorRecord = {
      type: "actor",
      id: actorIdFor("group", group.name),
      kind: "group",
      name: group.name,
      country: countryCodeOrThrow(group.country),
    };
    const phrases = [
      ...group.phrases,
      ...group.modifiers.flatMap((m) => group.nouns.map((n) => `${m} ${n}`)),
    ];
    actors.push({
      actor,
      aliases: phrases.map((text): AliasSource => ({ text, via: "name", priority: PRIORITY_DATA })),
    });
  }

  const personSource = (file: string, p: (typeof persons.persons)[number], i: number): PersonSource => {
    const where = `actors/${file}: persons.${i}`;
    const terms = p.roles.map((r, j) => {
      const from = r.from ? isoDateOrThrow(r.from) : null;
      const to = r.to ? isoDateOrThrow(r.to) : null;
      if (from && to && compareAtPrecision(from, to) > 0) {
        throw new TriangulateError("invalid_data", `${where}.roles.${j}: ends before it starts`);
      }
      return { role: r.role, country: check(r.country, `${where}.roles.${j}.country`), from, to };
    });
    const actor: ActorRecord = {
      type: "actor",
      id: actorIdFor("person", p.name),
      kind: "person",
      name: p.name,
      country: check(p.country, `${where}.country`),
    };
    const last = p.name.split(/\s+/).at(-1) ?? p.name;
    return {
      actor,
      names: [p.name, ...(p.aliases ?? [])],
      surnames: p.surnames ?? [last],
      surnameAlone: p.surnameAlone ?? false,
      terms,
    };
  };
  const people: PersonSource[] = [
    ...persons.persons.map((p, i) => personSource("persons.json", p, i)),
    ...phoenixPersons.persons.map((p, i) => personSource("phoenix-persons.json", p, i)),
  ];

  const homonyms = (states.homonyms ?? []).map((h, i) => ({
    ...h,
    country: check(h.country, `actors/states.json: homonyms.${i}.country`),
  }));

  return {
    actors,
    agents: agents.agents,
    homonyms,
    persons: people,
    grammar: {
      titles: grammar.titles.map((t) => ({
        phrase: t.phrase,
        role: t.role,
        to: t.to ?? false,
        foreign: t.foreign ?? false,
      })),
      titleHeads: grammar.titleHeads,
      temporalModifiers: grammar.modifiers.temporal,
      rankModifiers: grammar.modifiers.rank,
      honorifics: grammar.honorifics,
      actorNouns: grammar.actorNouns,
      afterPerson: grammar.afterPerson,
      leaderRoles: grammar.leaderRoles,
      notActorAfter: grammar.notActorAfter,
      notActorBefore: grammar.notActorBefore,
      pairPhrases: grammar.pairPhrases,
      bareTwo: grammar.bareTwo,
      contextPhrases: grammar.contextPhrases,
      personContextPhrases: grammar.personContextPhrases,
      stopPhrases: grammar.stopPhrases,
      institutions: grammar.institutions,
      attackerModifiers: grammar.attackerModifiers,
      ethnicNouns: grammar.ethnicNouns,
      ethnicMarkers: grammar.ethnicMarkers,
      pronouns: grammar.pronouns,
      pronounNotBefore: grammar.pronounNotBefore,
      clauseLinks: grammar.clauseLinks,
      nameParticles: grammar.nameParticles,
      nameHeads: grammar.nameHeads,
      nameStopWords: grammar.nameStopWords,
      functionWords: grammar.functionWords,
    },
  };
}

/** The actor gazetteer from `data/actors/` and the world-countries package. */
export function loadGazetteer(dataDir: string): Gazetteer {
  return createGazetteer(loadActorSources(dataDir));
}
