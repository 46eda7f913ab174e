/**
 * Converts the agents dictionary of PETRARCH-2 (`Phoenix.agents.txt`, Open
 * Event Data Alliance, MIT) into our data: nouns of a state's generic agents
 * ("police", "rebels", "teachers") with their CAMEO agent kind (`COP`, `REB`,
 * `EDU`), the sector code an agent takes after its state's code (`PAKCOP`).
 *
 * The dictionary's format: `NOUN_PHRASE {PLURAL} [~KIND]`, words joined by
 * underscores; `{}` says the phrase has no plural of its own ("police"), a
 * filled brace gives an irregular plural, and regular plurals were left out
 * (we make them). `!SET!` stands for each word of a substitution set defined
 * as `!SET! = A, B`; a phrase ending in `_` is the start of a longer name,
 * and `#` starts a comment.
 *
 * Which entries are kept is decided by rule, not by hand:
 * - only kinds of a state's own agents that act in political news: its organs
 *   (government, military, police, courts, legislature, intelligence), its
 *   opposition and rebels, and its people at large (civilians, refugees,
 *   workers, farmers, students and teachers, doctors, journalists). Left out:
 *   unidentified armed men and criminals (`UAF`, `CRM`: an unknown attacker
 *   is `UNK`, groups.json), faiths (`MUS`, `CHR`, `REL`...: a faith is no
 *   state's agent), firms (`BUS`: mostly products and ships), elites and
 *   parties (`ELI`, `PTY`: persons and named parties), and people in general
 *   (`PPL`: "men", "people");
 * - a phrase that is, or ends in, a title of office ("ambassador", "police
 *   chief") names one holder, whom the title grammar reads;
 * - an abbreviation, a model number or a malformed line ("Lt.", "F-16",
 *   "CHIEF EXECUTIVE"), and a phrase ending in a preposition ("AMBASSADOR_TO"),
 *   which PETRARCH reads only before what follows;
 * - a form whose last word the tagger does not read as a noun: an adjective
 *   modifies another noun ("naval", "military", "civilian"; "civilians" is kept);
 * - a form that is mostly something else in news English: a thing or a place
 *   rather than people ("prison", "village", "tanker"), a word of another
 *   common sense ("deputy", "native", "mother") or an abstract noun
 *   ("authority", "intelligence"). These are listed by the caller
 *   (`AgentLookup.isOtherSense`), each form apart: "authority" is left out,
 *   "authorities" kept.
 */
import type { AgentSource } from "../extract/actors/gazetteer.ts";
import { AGENT_KINDS, type AgentKind } from "../extract/types.ts";

/** A noun phrase of a state's generic agent, lower-case, and its CAMEO agent kind. */
export type PhoenixAgent = AgentSource;

/** What the converter needs to know of English and of our other data. */
export interface AgentLookup {
  /** Is the phrase (lower-case) a title of office, or does it end in one ("police chief")? */
  endsInTitle(phrase: string): boolean;
  /** Is the form (lower-case) mostly something other than the agent in news English ("prison", "deputy")? */
  isOtherSense(form: string): boolean;
  /** Does the tagger read the word alone as a noun ("rebels"; not "naval", "civilian")? */
  isNoun(word: string): boolean;
}

const KEPT: ReadonlySet<string> = new Set(AGENT_KINDS);
const isKept = (kind: string): kind is AgentKind => KEPT.has(kind);

/** `NOUN_PHRASE {PLURAL} [~KIND...]`: the phrase, its plural brace if any, the kind's first three letters. */
const ENTRY = /^([A-Z][A-Z!'-]*(?:_[A-Z!'-]+)*)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]{3})/;
const OPEN_END = /_(?:AT|FOR|TO|OF|IN|ON)$/;
const SET = /^(![A-Z]+!)\s*=\s*(.+)$/;

/** The regular English plural of one word ("rebel" -> "rebels", "militia" -> "militias", "policeman" -> "policemen"). */
export function pluralOf(word: string): string {
  if (word.endsWith("man")) return `${word.slice(0, -3)}men`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Words after which a phrase's head has ended ("court of appeals", "government in exile"). */
const HEAD_ENDS: ReadonlySet<string> = new Set(["of", "in", "for", "with", "and"]);

/** A word that is already a plural ("marines", "gunmen", "children"): it takes no other. */
function isPlural(word: string): boolean {
  return (/[^s]s$/.test(word) && !/(?:ss|us|is)$/.test(word)) || word.endsWith("men") || word === "children";
}

/** Each phrase an entry stands for, its substitution sets spelled out ("cattle!PERSON!" -> "cattleman", ...). */
function expand(phrase: string, sets: ReadonlyMap<string, readonly string[]>): string[] {
  const set = /![A-Z]+!/.exec(phrase);
  if (!set) return [phrase];
  const members = sets.get(set[0]) ?? [];
  return members.flatMap((m) => expand(phrase.replace(set[0], m), sets));
}

/** The forms of one phrase: it and its plural, unless `{}` says it has none or `{PLURAL}` gives it. */
function formsOf(phrase: string, brace: string | undefined): string[] {
  if (brace !== undefined) {
    const given = brace.trim().toLowerCase().replace(/_/g, " ");
    return given ? [phrase, given] : [phrase];
  }
  const words = phrase.split(" ");
  const last = words.at(-1) ?? "";
  // "court of appeals": the head is not the last word; the dictionary gives such plurals itself.
  if (isPlural(last) || words.some((w) => HEAD_ENDS.has(w))) return [phrase];
  return [phrase, [...words.slice(0, -1), pluralOf(last)].join(" ")];
}

/** The agents of `Phoenix.agents.txt` that news English names unambiguously (see the module's rules). */
export function convertPhoenixAgents(text: string, lookup: AgentLookup): PhoenixAgent[] {
  const sets = new Map<string, string[]>();
  const out = new Map<string, PhoenixAgent>();
  for (const line of text.split(/\r?\n/)) {
    const body = line.replace(/#.*$/, "").trim();
    const set = SET.exec(body);
    if (set?.[1] && set[2]) {
      sets.set(
        set[1],
        set[2].split(",").map((w) => w.trim()),
      );
      continue;
    }
    const entry = ENTRY.exec(body);
    const [, raw = "", brace, kind = ""] = entry ?? [];
    // A phrase ending in "_" opens a longer name, one ending in a preposition ("AMBASSADOR_TO") a phrase.
    if (!entry || !isKept(kind) || raw.endsWith("_") || OPEN_END.test(raw)) continue;
    for (const expanded of expand(raw, sets)) {
      const phrase = expanded.toLowerCase().replace(/_/g, " ");
      if (lookup.endsInTitle(phrase)) continue;
      for (const form of formsOf(phrase, brace)) {
        const head = form.split(" ").at(-1) ?? "";
        if (!lookup.isNoun(head) || lookup.isOtherSense(form) || out.has(form)) continue;
        out.set(form, { phrase: form, kind });
      }
    }
  }
  return [...out.values()];
}
