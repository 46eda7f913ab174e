/**
 * The adjectival forms of states' names in a Phoenix countries dictionary
 * (PETRARCH-2's format, see phoenix-dictionary.ts): a state's entry
 * (`PHILIPPINES_ [PHL]`) lists its demonyms, adjectives, misspellings,
 * cities and regions as aliases alike (`+PHILIPPINE_`, `+MANILA_`,
 * `+MINDANAO_`). Kept by rule: a one-word alias that opens with the first
 * four letters of the state's name, is not the name itself spelt otherwise
 * ("Afghanestan"), and ends as an English adjective of origin does
 * ("Philippine", "Argentinian", "Equatoguinean"), unless it is a word of
 * another state's name ("Grenadines" is not Grenada's).
 */
import { displayName, parsePhoenixEntries } from "./phoenix-dictionary.ts";

/** What the converter needs to know of the states. */
export interface StateLookup {
  /** The state's common name ("Philippines"), or undefined for a code that is no state. */
  nameOf(code: string): string | undefined;
  /** Is the word (lower-case) a word of some state's name ("grenadines")? */
  inStateName(word: string): boolean;
  /** Is the form (as written) one the states already have (a name, demonym or capital)? */
  isKnown(form: string): boolean;
}

const ADJECTIVE = /(?:an|ian|ean|ese|ish|i|ic|ine|er)s?$/;
const STEM = 4;

export function convertPhoenixStateForms(text: string, lookup: StateLookup): Record<string, string[]> {
  const forms: Record<string, string[]> = {};
  for (const entry of parsePhoenixEntries(text)) {
    const code = entry.codes[0]?.code;
    const name = code?.length === 3 ? lookup.nameOf(code) : undefined;
    if (!code || !name) continue;
    const lower = name.toLowerCase();
    const stem = lower.replace(/[^a-z]/g, "").slice(0, STEM);
    const kept = new Set<string>();
    for (const raw of entry.aliases) {
      const form = displayName(raw);
      const key = form.toLowerCase();
      if (!/^\p{Lu}\p{Ll}+$/u.test(form) || !key.startsWith(stem) || !ADJECTIVE.test(key)) continue;
      if (key.startsWith(lower) || lookup.inStateName(key) || lookup.isKnown(form)) continue;
      kept.add(form);
    }
    if (kept.size > 0) forms[code] = [...(forms[code] ?? []), ...kept];
  }
  return forms;
}
