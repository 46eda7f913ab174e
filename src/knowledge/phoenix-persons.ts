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
