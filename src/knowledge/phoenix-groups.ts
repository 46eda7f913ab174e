/**
 * Converts Phoenix actor dictionaries (PETRARCH-2's format) into our armed
 * groups: each entry's name, the state its code puts it in (CAMEO codes a
 * movement by the state it fights in: `NGAREB` is Nigeria's), and aliases.
 *
 * The format: an entry opens with its name (`BOKO_HARAM [NGAREB] # note`), its
 * aliases follow on `+` lines, and its code may stand on a line of its own
 * (`\t[IMGMUSISI >20130408]`, date bounds ignored). Underscores join words.
 *
 * Which aliases can stand alone is decided by rule, not by hand: a one-word
 * alias that is an English plural ("Tigers", "Mavericks") or that is not the
 * entry's own name ("Youth", "Organization") names the group only after the
 * document has named it in full (a short form), except acronyms of up to four
 * letters ("PLO", "ISIS") that are not English words ("LET"); digits-only
 * aliases ("313") are left out.
 */

import { ACRONYM, displayName, parsePhoenixEntries } from "./phoenix-dictionary.ts";

/**
 * One armed group in the shape of `data/actors/armed-groups.json`: `aliases`
 * name it anywhere (its own name among them when that can stand alone),
 * `shortForms` only once the document has named it by an alias.
 */
export interface ArmedGroup {
  readonly name: string;
  readonly country: string;
  readonly aliases: readonly string[];
  readonly shortForms: readonly string[];
}

/** How a code's first three letters place the group: a state, or (any other prefix) a transnational group. */
export interface CodeLookup {
  isState(prefix: string): boolean;
  /** Is the one-word alias an English word in the plural ("tigers")? */
  isPluralWord(word: string): boolean;
  /** Is the word a verb, pronoun, number or other word that is not a name ("let", "us")? */
  isFunctionWord(word: string): boolean;
}

/** The group code of a movement no one state hosts (CAMEO's IMG). */
export const TRANSNATIONAL = "IMG";

/** The acronym a name gives in brackets: "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_" -> "LTTE". */
function bracketedAcronym(raw: string): string | null {
  const found = /\(([A-Z][A-Z0-9-]{2,})\)/.exec(raw);
  return found?.[1] ?? null;
}

/** True for a one-word alias that is letters only, not an acronym: it may be a word of English ("Youth"). */
function isBareWord(alias: string): boolean {
  return /^\p{L}+$/u.test(alias) && !ACRONYM.test(alias);
}

/**
 * The armed groups of a Phoenix dictionary: entries with a rebel or militant
 * code (`REB`, or the transnational `IMG`); others (governments, parties) are
 * left to our own data.
 */
export function convertPhoenixGroups(text: string, lookup: CodeLookup): ArmedGroup[] {
  const groups: ArmedGroup[] = [];
  for (const entry of parsePhoenixEntries(text)) {
    const code = entry.codes[0]?.code;
    if (!code) continue;
    const prefix = code.slice(0, 3);
    const armed = code.startsWith(TRANSNATIONAL) || code.slice(3).includes("REB");
    if (!armed) continue;
    const country = lookup.isState(prefix) ? prefix : TRANSNATIONAL;
    const name = displayName(entry.name);
    if (!name || /^\d+$/.test(name)) continue;
    const aliases = new Set<string>();
    const shortForms = new Set<string>();
    const place = (alias: string, own: boolean): void => {
      if (!alias || /^[\d\s-]+$/.test(alias)) return;
      // "LET" (Lashkar-e-Taiba) would take every "Let us ...".
      if (ACRONYM.test(alias) && lookup.isFunctionWord(alias.toLowerCase())) return;
      const oneWord = !/\s/.test(alias);
      if (oneWord && isBareWord(alias) && (!own || lookup.isPluralWord(alias.toLowerCase())))
        shortForms.add(alias);
      else aliases.add(alias);
    };
    place(name, true);
    const acronym = bracketedAcronym(entry.name);
    if (acronym) place(acronym, true);
    for (const raw of entry.aliases) {
      place(displayName(raw), false);
      const inner = bracketedAcronym(raw);
      if (inner) place(inner, true);
    }
    if (aliases.size > 0) groups.push({ name, country, aliases: [...aliases], shortForms: [...shortForms] });
  }
  return groups;
}
