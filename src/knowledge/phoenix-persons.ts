/**
 * Converts the persons of a Phoenix actor dictionary (PETRARCH-2's
 * `Phoenix.Countries.actors.txt`, from CountryInfo) into the shape of our
 * `data/actors/persons.json`: each person's name, aliases, and roles with the
 * dates each held (`[AFGGOV 960927-010416]` is an office in Afghanistan's
 * government from 1996-09-27 to 2001-04-16).
 *
 * A person is an entry with a dated code of a state: undated entries are
 * bodies ("PEOPLES_LIBERATION_ARMY [CHNMIL]") or the states themselves, and
 * rebel codes are armed groups (`phoenix-groups.ts`). Only names of two words
 * or more name a person anywhere; a one-word alias ("KARZAI") is a surname,
 * which names the person once the document has named them in full.
 */
import { displayName, parsePhoenixEntries, type PhoenixCode } from "./phoenix-dictionary.ts";

export interface PersonRole {
  readonly role: string;
  readonly country: string;
  readonly from?: string;
  readonly to?: string;
}

/** One person in the shape of `data/actors/persons.json`. */
export interface PhoenixPerson {
  readonly name: string;
  /** The state of the person's latest role. */
  readonly country: string;
  readonly aliases: readonly string[];
  readonly surnames: readonly string[];
  /** A bare surname names the person before the full name does (see `distinctiveSurnames`). */
  readonly surnameAlone?: boolean;
  readonly roles: readonly PersonRole[];
}

/** CAMEO's sector of a code (after the state) as our role; any other sector is an office. */
const ROLES: Readonly<Record<string, string>> = {
  GOV: "government",
  ELI: "elite",
  MIL: "military",
  OPP: "opposition",
  LEG: "legislature",
  JUD: "judiciary",
  PTY: "party",
  BUS: "business",
  MED: "media",
  SPY: "intelligence",
  COP: "police",
};

function roleOf(code: PhoenixCode, country: string): PersonRole {
  const sector = code.code.slice(3, 6);
  const role = ROLES[sector] ?? "official";
  // A role that ends before it starts is kept open-ended: the start is the surer date.
  const to = code.from && code.to && code.to < code.from ? null : code.to;
  return { role, country, ...(code.from ? { from: code.from } : {}), ...(to ? { to } : {}) };
}

/**
 * One person never holds one office twice at once: the dictionary's posts
 * (a ministry, then the premiership) that one role covers join into one span
 * where they overlap, and an undated office is kept once.
 */
function mergeOverlaps(roles: readonly PersonRole[]): PersonRole[] {
  const merged: PersonRole[] = [];
  const sorted = [...roles].sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""));
  for (const role of sorted) {
    const same = merged.filter((r) => r.role === role.role && r.country === role.country);
    if (!role.from) {
      if (!same.some((r) => !r.from && r.to === role.to)) merged.push(role);
      continue;
    }
    const open = same.find((r) => r.from && (!r.to || r.to >= (role.from ?? "")));
    if (!open) {
      merged.push(role);
      continue;
    }
    const to = !open.to || !role.to ? undefined : open.to > role.to ? open.to : role.to;
    const { to: _, ...rest } = open;
    merged[merged.indexOf(open)] = to ? { ...rest, to } : rest;
  }
  return merged;
}

/** What the converter needs to know of states and of English. */
export interface PersonLookup {
  isState(prefix: string): boolean;
  /** Is the word (lower-case) one of English other than a name ("may", "will")? Such a surname stays out. */
  isEnglishWord(word: string): boolean;
}

export function convertPhoenixPersons(text: string, lookup: PersonLookup): PhoenixPerson[] {
  const persons: PhoenixPerson[] = [];
  for (const entry of parsePhoenixEntries(text)) {
    const ofStates = entry.codes.filter((c) => lookup.isState(c.code.slice(0, 3)) && !c.code.includes("REB"));
    if (!ofStates.some((c) => c.from || c.to)) continue;
    const name = displayName(entry.name);
    if (name.split(" ").length < 2) continue;
    const aliases = new Set([name]);
    const surnames = new Set<string>();
    // "Theresa May" is not named by "in May".
    const addSurname = (word: string): void => {
      if (!lookup.isEnglishWord(word.toLowerCase())) surnames.add(word);
    };
    addSurname(name.split(" ").at(-1) ?? name);
    for (const raw of entry.aliases) {
      const alias = displayName(raw);
      if (!/\p{L}/u.test(alias)) continue;
      if (alias.includes(" ")) aliases.add(alias);
      else addSurname(alias);
    }
    const roles = mergeOverlaps(ofStates.map((c) => roleOf(c, c.code.slice(0, 3))));
    const latest = roles.at(-1);
    if (!latest) continue;
    persons.push({ name, country: latest.country, aliases: [...aliases], surnames: [...surnames], roles });
  }
  return persons;
}

/** The least a person's record tells `distinctiveSurnames`. */
export interface NamedPerson {
  readonly name: string;
  readonly country: string;
  readonly surnames?: readonly string[] | undefined;
}

/** Surnames as short as this are mostly also given names or words of other languages ("Ali", "Lee"). */
const SHORTEST_DISTINCT_SURNAME = 5;

/**
 * The surnames that name one person wherever they stand alone ("Gorbachev"):
 * one known person bears it, none has it as a first name ("Hussein"), it is
 * long enough not to be a common given name, and it is no word of English
 * (`isEnglishWord`, given the lower-case word: the data names a few bodies as
 * persons, "... Liberation Movement"). A surname two persons share
 * ("Maduro": Ricardo of Honduras, Nicolas of Venezuela) names someone only
 * once the document has named them.
 */
export function distinctiveSurnames(
  persons: readonly NamedPerson[],
  isEnglishWord: (word: string) => boolean,
): Set<string> {
  const bearers = new Map<string, number>();
  const firstNames = new Set<string>();
  for (const p of persons) {
    const words = p.name.split(/\s+/);
    if (words.length > 1 && words[0]) firstNames.add(words[0].toLowerCase());
    for (const surname of p.surnames ?? [words.at(-1) ?? p.name]) {
      const key = surname.toLowerCase();
      bearers.set(key, (bearers.get(key) ?? 0) + 1);
    }
  }
  const distinct = new Set<string>();
  for (const [surname, count] of bearers) {
    if (
      count === 1 &&
      !firstNames.has(surname) &&
      surname.length >= SHORTEST_DISTINCT_SURNAME &&
      !isEnglishWord(surname)
    )
      distinct.add(surname);
  }
  return distinct;
}
