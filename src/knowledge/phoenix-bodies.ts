/**
 * Converts the bodies of Phoenix actor dictionaries (PETRARCH-2's format, see
 * phoenix-dictionary.ts) into our data: the agencies and institutions of a
 * state in `Phoenix.Countries.actors.txt` (`FEDERAL_BUREAU_OF_INVESTIGATION_
 * [USACOP]`: an organisation of the United States), and the intergovernmental
 * and non-governmental bodies of `Phoenix.International.actors.txt`
 * (`[IGOUNOKID]`, `[NGOHLHMSF]`), both coded IGO as our igos.json codes the
 * large NGOs. Corporations (`MNC`) and persons are left out.
 *
 * Which names are kept is decided by rule, not by hand:
 * - a body is an entry whose codes are undated (dated codes are a person's
 *   terms, phoenix-persons.ts) and, for a state, name an institution's sector
 *   after the state (`USAGOV`, `CHNMIL`; not a territory such as `USAGUM`,
 *   not a rebel code, which armed-groups.json takes);
 * - a name or alias of two or three words that opens with a known first name
 *   ("Susan Rice", "Hashim Thaci") is a person, not a body, and is left out
 *   (so is a longer one unless it ends in an English word: "Martin Luther
 *   King Center" is a body);
 * - an alias that names a title ("US Secretary of State") is left to the
 *   title grammar, which names the office holder;
 * - an alias of a state body made only of English words and short ("Senate",
 *   "Supreme Court", "Department of State") names such a body of any state,
 *   so it is left out; so is an alias that is one English word ("Concern"),
 *   including an acronym that spells one ("ICE", "CARE").
 */
import { displayName, parsePhoenixEntries } from "./phoenix-dictionary.ts";

/** A body in the shape of `data/actors/organizations.json` (a state's) or `igos.json` (country IGO). */
export interface PhoenixBody {
  readonly name: string;
  /** The state's ISO code, or IGO. */
  readonly country: string;
  readonly aliases: readonly string[];
}

/** What the converter needs to know of states and of English. */
export interface BodyLookup {
  isState(prefix: string): boolean;
  /** Is the word (lower-case) an English word other than a name ("senate", "care")? */
  isEnglishWord(word: string): boolean;
  /** Does the phrase (as written) contain a title of office ("president", "secretary of state")? */
  hasTitle(phrase: string): boolean;
  /** Is the word (as written) the first name of a known person ("Susan")? */
  isFirstName(word: string): boolean;
}

/**
 * The sectors of CAMEO, after a state's code, that make an entry one of the
 * state's institutions: government, military, intelligence, police, courts,
 * legislature. Elites, opposition and parties (`ELI`, `OPP`, `PTY`) are mostly
 * persons and movements, left to the persons and groups.
 */
const SECTORS = new Set(["GOV", "MIL", "SPY", "COP", "JUD", "LEG"]);

/** Words that join the words of a name ("Department of the Interior"): neither proper nor content. */
const JOINERS = new Set(["of", "the", "and", "for", "on", "in", "to", "a", "an", "&"]);

/** The fewest content words a name of English words alone needs to name one body ("Federal Trade Commission"). */
const SPECIFIC_WORDS = 3;

function words(name: string): string[] {
  return name.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
}

/** "Hashim Thaci", "Susan Rice", not "Martin Luther King Center". */
function looksLikePerson(name: string, lookup: BodyLookup): boolean {
  const all = name.split(/\s+/);
  const [first] = all;
  const last = all.at(-1) ?? "";
  if (all.length < 2 || first === undefined || !lookup.isFirstName(first)) return false;
  return all.length <= 3 || !lookup.isEnglishWord(last.toLowerCase());
}

/** The dictionary's capitals kept where a word is an acronym ("USAID", "U.S.", "MI6", "CPPCC"). */
function withAcronyms(raw: string, display: string, lookup: BodyLookup): string {
  const rawWords = raw
    .replace(/\([^)]*\)/g, " ")
    .split(/[_\s]+/)
    .filter(Boolean);
  const shown = display.split(" ");
  // displayName drops a leading article; line the words up from the end.
  const offset = rawWords.length - shown.length;
  return shown
    .map((word, i) => {
      const source = rawWords[i + offset] ?? "";
      if (source !== source.toUpperCase() || source.toLowerCase() !== word.toLowerCase()) return word;
      const letters = word.replace(/[^\p{L}]/gu, "");
      // A short word alone ("USAID", "Usaid") is an acronym unless English; inside a name it may be a
      // name's part ("Moaz al Khatib"), so only dots, digits or no vowel make it one there.
      const alone = shown.length === 1 && letters.length <= 5 && !lookup.isEnglishWord(word.toLowerCase());
      const acronym = alone || /[\d.]/.test(word) || !/[aeiouy]/i.test(letters);
      return acronym ? word.toUpperCase() : word;
    })
    .join(" ");
}

/**
 * Whether an alias may name the body anywhere. `ofState`: a state's body,
 * whose generic names ("Supreme Court") other states' bodies share.
 */
function usableAlias(alias: string, ofState: boolean, lookup: BodyLookup): boolean {
  if (!/\p{L}{2}/u.test(alias)) return false;
  if (lookup.hasTitle(alias)) return false;
  const all = words(alias);
  const content = all.filter((w) => !JOINERS.has(w.toLowerCase()));
  if (content.length === 0) return false;
  const english = content.filter((w) => lookup.isEnglishWord(w.toLowerCase()));
  // "Concern", "ICE": one English word (an acronym spelling one too) is not a name.
  if (content.length === 1 && english.length === 1) return false;
  // An acronym that is no word ("FBI", "USAID") or a name with a proper word ("Shin Bet") is specific.
  if (english.length < content.length) return true;
  return !ofState || content.length >= SPECIFIC_WORDS;
}

/** The acronym a name gives in brackets: "COMMITTEE_(CFVC)" -> "CFVC". */
function bracketed(raw: string): string | null {
  return /\(([A-Z][A-Z0-9.-]{1,})\)/.exec(raw)?.[1] ?? null;
}

function aliasesOf(rawNames: readonly string[], ofState: boolean, lookup: BodyLookup): string[] {
  const out = new Set<string>();
  for (const raw of rawNames) {
    for (const alias of [withAcronyms(raw, displayName(raw), lookup), bracketed(raw)]) {
      if (alias && usableAlias(alias, ofState, lookup) && !looksLikePerson(alias, lookup)) out.add(alias);
    }
  }
  return [...out];
}

/**
 * The bodies of a state in a Phoenix countries dictionary: entries whose
 * undated code is a state's sector (`[USACOP]`), with their usable aliases.
 */
export function convertPhoenixStateBodies(text: string, lookup: BodyLookup): PhoenixBody[] {
  const bodies: PhoenixBody[] = [];
  for (const entry of parsePhoenixEntries(text)) {
    const code = entry.codes[0]?.code;
    if (!code || entry.codes.some((c) => c.from || c.to)) continue;
    const state = code.slice(0, 3);
    if (!lookup.isState(state) || !SECTORS.has(code.slice(3, 6)) || code.includes("REB")) continue;
    const name = withAcronyms(entry.name, displayName(entry.name), lookup);
    if (!name || looksLikePerson(name, lookup)) continue;
    const aliases = aliasesOf([entry.name, ...entry.aliases], true, lookup);
    if (aliases.length > 0) bodies.push({ name, country: state, aliases });
  }
  return bodies;
}

/** The intergovernmental (`IGO...`) and non-governmental (`NGO...`) bodies of the international dictionary, as IGO. */
export function convertPhoenixInternational(text: string, lookup: BodyLookup): PhoenixBody[] {
  const bodies: PhoenixBody[] = [];
  for (const entry of parsePhoenixEntries(text)) {
    const code = entry.codes[0]?.code;
    if (!code || entry.codes.some((c) => c.from || c.to)) continue;
    const kind = code.slice(0, 3);
    if (kind !== "IGO" && kind !== "NGO") continue;
    const name = withAcronyms(entry.name, displayName(entry.name), lookup);
    if (!name || looksLikePerson(name, lookup)) continue;
    // An office ("UN Secretary General", with its spellings) is the title grammar's.
    if (lookup.hasTitle(name)) continue;
    const aliases = aliasesOf([entry.name, ...entry.aliases], false, lookup);
    // igos.json's shape names a body by its name too: the first usable alias stands for one that is not.
    const [first] = aliases;
    if (first) bodies.push({ name: aliases.includes(name) ? name : first, country: "IGO", aliases });
  }
  return bodies;
}
