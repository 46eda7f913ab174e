import { TriangulateError } from "../../core/errors.ts";
import { isCameoCode } from "../../core/cameo.ts";

/**
 * The CAMEO event lexicon: verb and noun patterns (`data/cameo/patterns-*.txt`),
 * the governor/complement composition table and the cue words the coder reads
 * around a trigger (`data/event-cues.json`). Parsed here, loaded and validated
 * by `src/knowledge/events.ts`.
 */

/** Whether a pattern's trigger is a verb (or predicative adjective) or a noun. */
export type TriggerClass = "verb" | "noun";

/**
 * Whose knowledge a pattern is: our own, or the field's dictionary
 * (PETRARCH-2's, converted). Where one of our patterns matches at a word,
 * the dictionary's are not used there.
 */
export type PatternTier = "own" | "dictionary";

/** The pattern files under `data/`, with the class of their triggers and their tier. */
export const PATTERN_FILES = [
  { file: "cameo/patterns-verbs.txt", triggerClass: "verb", tier: "own" },
  { file: "cameo/patterns-nouns.txt", triggerClass: "noun", tier: "own" },
  { file: "cameo/petrarch-verbs.txt", triggerClass: "verb", tier: "dictionary" },
] as const;

/** How a governor ("agreed to", "accused X of") folds its complement event into one code. */
export const COMPOSE_KINDS = ["intent", "refuse", "threat", "appeal", "demand", "allege", "assert"] as const;
export type ComposeKind = (typeof COMPOSE_KINDS)[number];

/** Alternatives of a word element; each alternative is a run of words ("step down"). */
export type Alternatives = readonly (readonly string[])[];

export type PatternElement =
  | { readonly kind: "words"; readonly alternatives: Alternatives; readonly optional: boolean }
  | { readonly kind: "gap" }
  /** An optional target (`@T?`) lets the object be found anywhere after the trigger. */
  | { readonly kind: "target"; readonly optional: boolean }
  | { readonly kind: "source" }
  | { readonly kind: "complement" };

/** A context a pattern needs (`if=military`) or must not have (`unless=military`). */
export interface PatternContext {
  readonly name: string;
  readonly present: boolean;
}

export interface EventPattern {
  readonly code: string;
  readonly triggerClass: TriggerClass;
  readonly tier: PatternTier;
  readonly trigger: Alternatives;
  /** The elements after the trigger. */
  readonly rest: readonly PatternElement[];
  /** A mutual act: "A and B signed" gives both directions. */
  readonly recip: boolean;
  /** No object target: the target comes only from an explicit `@T`. */
  readonly intrans: boolean;
  /**
   * A reaction ("welcomed the vote", "Tehran objected"): with no target in its
   * sentence, its target is the actor of the act just reported.
   */
  readonly react: boolean;
  readonly compose: ComposeKind | null;
  /** Coded only when its complement is an event ("plans to >"). */
  readonly needsComplement: boolean;
  readonly context: PatternContext | null;
  /**
   * For each required word element after the trigger, the first words of its
   * alternatives: a sentence lacking all of one of them cannot match (a cheap
   * test before the full match).
   */
  readonly required: readonly (readonly string[])[];
  /** Literal words in the pattern: among patterns matching at one place, the heaviest wins. */
  readonly weight: number;
  /** `file:line`, for messages and tests. */
  readonly origin: string;
  /** The pattern and its flags as written, normalised (for duplicate checks). */
  readonly text: string;
}

/** Word lists the coder reads around triggers (`data/event-cues.json`), all lower case. */
export interface EventCues {
  readonly negation: ReadonlySet<string>;
  readonly future: ReadonlySet<string>;
  readonly conditional: ReadonlySet<string>;
  readonly conditionalClause: ReadonlySet<string>;
  readonly obligation: ReadonlySet<string>;
  readonly alleged: ReadonlySet<string>;
  readonly claimVerbs: ReadonlySet<string>;
  readonly speech: ReadonlySet<string>;
  readonly expect: ReadonlySet<string>;
  readonly hypotheticalGovernors: ReadonlySet<string>;
  readonly expectNouns: ReadonlySet<string>;
  readonly allegedNouns: ReadonlySet<string>;
  readonly habitual: ReadonlySet<string>;
  readonly habitualNouns: ReadonlySet<string>;
  readonly subordinators: ReadonlySet<string>;
  readonly relatives: ReadonlySet<string>;
  readonly subjectPronouns: ReadonlySet<string>;
  /** Time words between a subject and its verb ("Iran on Tuesday threatened"). */
  readonly temporal: ReadonlySet<string>;
  /** Words that never trigger, whatever their lemma ("according"). */
  readonly nonTriggers: ReadonlySet<string>;
  /** Nouns of people acting on their own (protesters, workers). */
  readonly people: ReadonlySet<string>;
  readonly agents: ReadonlySet<string>;
  /** Verbs whose "be" + participle is a state, not a passive ("were engaged in"). */
  readonly notPassive: ReadonlySet<string>;
  /** Verbs whose passive names the acting state after "from" ("were expelled from Iran"). */
  readonly expelling: ReadonlySet<string>;
  /** A state's own forces of order (police, authorities). */
  readonly domesticForces: ReadonlySet<string>;
  /** Nouns of statements ("a declaration demanding"). */
  readonly speechNouns: ReadonlySet<string>;
  /** Words whose "that" clause is asked for ("demanded that Israel ease"). */
  readonly demandVerbs: ReadonlySet<string>;
  /** Verbs that carry an event noun for their subject ("Iran held exercises"). */
  readonly lightVerbs: ReadonlySet<string>;
  /** Verbs (lemmas) of an act's onset whose gerund is the act, with their subject ("began withdrawing"). */
  readonly aspectual: ReadonlySet<string>;
  /** Adjectives of guilt whose gerund is an act done ("guilty of violating"). */
  readonly culpability: ReadonlySet<string>;
  /** Verbs (lemmas) that end sanctions ("lifted the embargo", "sanctions were eased"). */
  readonly lifting: ReadonlySet<string>;
  /** Verbs whose past participle is their base form ("put", "set"). */
  readonly sameFormParticiples: ReadonlySet<string>;
  readonly nounPhrasePrepositions: ReadonlySet<string>;
  readonly targetPrepositions: ReadonlySet<string>;
  readonly reciprocal: ReadonlySet<string>;
  readonly compound: ReadonlySet<string>;
  /** Words after a list's closing "and" that stand for members it does not name ("and others"). */
  readonly unnamedOthers: ReadonlySet<string>;
  /** Prepositions before a place where an event happened ("in Tehran"). */
  readonly placePrepositions: ReadonlySet<string>;
  /** Nouns of a diplomatic mission, whose host a city just before names ("the Tehran embassy"). */
  readonly missions: ReadonlySet<string>;
  /** Named contexts for `if=` / `unless=` (`military`). */
  readonly contexts: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The cue lists as written in `data/event-cues.json` (validated by the knowledge loader). */
export type EventCuesSpec = Readonly<Record<Exclude<keyof EventCues, "contexts">, readonly string[]>> & {
  readonly contexts: Readonly<Record<string, readonly string[]>>;
};

/** Indexes the cue lists (lower-cased) for lookups. */
export function createEventCues(spec: EventCuesSpec): EventCues {
  const { contexts, ...lists } = spec;
  const sets = Object.fromEntries(
    Object.entries(lists).map(([key, list]) => [key, new Set(list.map((w) => w.toLowerCase()))]),
  ) as unknown as Omit<EventCues, "contexts">;
  return {
    ...sets,
    contexts: new Map(
      Object.entries(contexts).map(([name, list]) => [name, new Set(list.map((w) => w.toLowerCase()))]),
    ),
  };
}

/** One row of the composition table: governor kind + complement code prefix -> code. */
export interface ComposeRule {
  readonly kind: ComposeKind;
  readonly complement: string;
  readonly code: string;
}

/**
 * The pre-check of one sentence (`EventLexicon.candidatesIn`): the patterns
 * that may match at each of its tokens.
 */
export interface SentenceCandidates {
  /**
   * The patterns under token `i`'s word, then those under its lemma when it
   * differs (as `patternsFor`, in the same order), whose every required
   * element has one of its first words among the sentence's words and lemmas.
   */
  at(i: number): readonly EventPattern[];
}

export interface EventLexicon {
  /** Number of patterns. */
  readonly size: number;
  readonly patterns: readonly EventPattern[];
  readonly cues: EventCues;
  /** Patterns whose trigger starts with `word` (a lemma or lower-case token). */
  patternsFor(word: string): readonly EventPattern[];
  /** The pre-check of the sentence whose tokens have these words (lower case) and lemmas. */
  candidatesIn(words: readonly string[], lemmas: readonly string[]): SentenceCandidates;
  /** The code a governor of `kind` makes with a complement coded `code`, or null. */
  compose(kind: ComposeKind, code: string): string | null;
}

const WORD = /^[\p{L}\p{N}'’.\-_]+$/u;

function invalid(origin: string, message: string): TriangulateError {
  return new TriangulateError("invalid_data", `${origin}: ${message}`);
}

/**
 * The alternatives of a token, each a run of words. A hyphenated word is
 * also its parts around the hyphen, as the tokenizer splits some ("cease",
 * "-", "fire") and keeps others whole ("asylum-seekers").
 */
function parseAlternatives(token: string, origin: string): Alternatives {
  return token.split("|").flatMap((alternative) => {
    if (!alternative || !WORD.test(alternative)) throw invalid(origin, `bad word "${alternative}"`);
    const words = alternative.toLowerCase().split("_").filter(Boolean);
    const split = words.flatMap((word) => word.split(/(-)/).filter(Boolean));
    return split.length > words.length ? [words, split] : [words];
  });
}

/**
 * Parses one pattern line: `CODE ELEMENT... [; FLAG...]` (see the header of
 * `data/cameo/patterns-verbs.txt`).
 * @throws TriangulateError `invalid_data` naming `origin`.
 */
export function parsePatternLine(
  line: string,
  triggerClass: TriggerClass,
  origin: string,
  tier: PatternTier = "own",
): EventPattern {
  const [body = "", flagText = ""] = line.split(";", 2);
  const [code = "", ...tokens] = body.trim().split(/\s+/);
  if (!isCameoCode(code)) throw invalid(origin, `bad CAMEO code "${code}"`);
  const [first, ...others] = tokens;
  if (first === undefined || /^[@*>]/.test(first) || first.endsWith("?")) {
    throw invalid(origin, "a pattern starts with a trigger word");
  }
  const trigger = parseAlternatives(first, origin);
  const rest: PatternElement[] = [];
  let weight = trigger[0]?.length ?? 1;
  others.forEach((token, i) => {
    if (token === "*") rest.push({ kind: "gap" });
    else if (token === "@T" || token === "@T?") rest.push({ kind: "target", optional: token === "@T?" });
    else if (token === "@S") rest.push({ kind: "source" });
    else if (token === ">") {
      if (i !== others.length - 1) throw invalid(origin, "the complement > ends a pattern");
      rest.push({ kind: "complement" });
    } else {
      const optional = token.endsWith("?");
      const alternatives = parseAlternatives(optional ? token.slice(0, -1) : token, origin);
      rest.push({ kind: "words", alternatives, optional });
      if (!optional) weight += Math.min(...alternatives.map((a) => a.length));
    }
  });
  if (rest.filter((e) => e.kind === "target").length > 1) throw invalid(origin, "more than one @T");
  if (rest.filter((e) => e.kind === "source").length > 1) throw invalid(origin, "more than one @S");

  let recip = false;
  let intrans = false;
  let react = false;
  let compose: ComposeKind | null = null;
  let needsComplement = false;
  let context: PatternContext | null = null;
  for (const flag of flagText.trim().split(/\s+/).filter(Boolean)) {
    if (flag === "recip") recip = true;
    else if (flag === "intrans") intrans = true;
    else if (flag === "react") react = true;
    else if (flag === "embed") needsComplement = true;
    else if ((COMPOSE_KINDS as readonly string[]).includes(flag)) {
      if (compose) throw invalid(origin, "more than one composition kind");
      compose = flag as ComposeKind;
    } else if (/^(if|unless)=\w+$/.test(flag)) {
      const [key = "", name = ""] = flag.split("=");
      context = { name, present: key === "if" };
    } else throw invalid(origin, `unknown flag "${flag}"`);
  }
  const hasComplement = rest.some((e) => e.kind === "complement");
  if (hasComplement !== (compose !== null)) {
    throw invalid(origin, "a complement > goes with a composition kind, and only with one");
  }
  if (needsComplement && !hasComplement) throw invalid(origin, "embed needs a complement >");
  const flags = flagText.trim().split(/\s+/).filter(Boolean).sort();
  const text = [
    first.toLowerCase(),
    ...others.map((t) => t.toLowerCase()),
    ...(flags.length ? [";", ...flags] : []),
  ].join(" ");
  // A pattern that needs a context is the more specific where the context holds.
  if (context) weight += 0.5;
  const required = rest.flatMap((e) =>
    e.kind === "words" && !e.optional ? [e.alternatives.map((a) => a[0] ?? "")] : [],
  );
  return {
    code,
    triggerClass,
    tier,
    trigger,
    rest,
    required,
    recip,
    intrans,
    react,
    compose,
    needsComplement,
    context,
    weight,
    origin,
    text,
  };
}

/**
 * Parses a pattern file: one pattern a line, `#` comments and blank lines ignored.
 * @throws TriangulateError `invalid_data` naming `file:line`.
 */
export function parsePatterns(
  text: string,
  triggerClass: TriggerClass,
  file: string,
  tier: PatternTier = "own",
): EventPattern[] {
  const patterns: EventPattern[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line) patterns.push(parsePatternLine(line, triggerClass, `${file}:${i + 1}`, tier));
  });
  return patterns;
}

/**
 * Parses the composition table (`kind complement code`, tab-separated, with a
 * header line; `#` comments ignored).
 * @throws TriangulateError `invalid_data` naming the line.
 */
export function parseComposeTable(tsv: string, file: string): ComposeRule[] {
  const rules: ComposeRule[] = [];
  let header = false;
  tsv.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    if (!header) {
      header = true;
      return;
    }
    const [kind = "", complement = "", code = ""] = line.split("\t");
    const origin = `${file}:${i + 1}`;
    if (!(COMPOSE_KINDS as readonly string[]).includes(kind)) throw invalid(origin, `unknown kind "${kind}"`);
    if (!isCameoCode(complement) || !isCameoCode(code)) throw invalid(origin, `malformed row "${line}"`);
    rules.push({ kind: kind as ComposeKind, complement, code });
  });
  return rules;
}

/**
 * The words of a sentence that some pattern requires, one bit a word (each
 * required word has its own, `WordEntry.bit`): a few hundred bytes a sentence
 * stand in for a set of its words.
 */
interface PresentWords {
  readonly bits: Uint32Array;
  /** The indices in `bits` of its elements that are not 0, each once. */
  readonly used: number[];
}

function setBit(bits: Uint32Array, bit: number): void {
  bits[bit >>> 5] = (bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

function markPresent(present: PresentWords, bit: number): void {
  if ((present.bits[bit >>> 5] ?? 0) === 0) present.used.push(bit >>> 5);
  setBit(present.bits, bit);
}

function isPresent(present: PresentWords, bit: number): boolean {
  return ((present.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

/** Whether each required element (the bits of its first words) has one of its words present. */
function hasRequired(required: readonly (readonly number[])[], present: PresentWords): boolean {
  for (const bits of required) {
    let found = false;
    for (const bit of bits) {
      if (isPresent(present, bit)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * The patterns under one trigger word, indexed for the required-word
 * pre-check. A common trigger ("set", "fight") has hundreds of patterns and a
 * sentence passes few of them: rather than test each, the guards the
 * sentence has find the patterns they could let pass.
 */
interface TriggerEntry {
  readonly patterns: readonly EventPattern[];
  /** Each pattern's `required`, its words as their bits. */
  readonly required: readonly (readonly (readonly number[])[])[];
  /** Positions in `patterns` of those that require no word: always possible. */
  readonly unconditional: readonly number[];
  /**
   * Positions of the others, under the bit of each first word of one required
   * element (their guard): a pattern can pass only if one of its guard's words occurs.
   */
  readonly byGuard: ReadonlyMap<number, readonly number[]>;
  /** The bits of `byGuard`'s words, laid out as `PresentWords.bits`. */
  readonly guardBits: Uint32Array;
  /** The patterns at `unconditional`: all that a sentence without guard words lets pass. */
  readonly unconditionalPatterns: readonly EventPattern[];
}

/**
 * The guard of a pattern: the distinct first words of its required element
 * whose words the fewest patterns require (`uses`), or null when it requires
 * none. "to" or "with" would let most sentences through, "ceasefire" few.
 */
function guardOf(pattern: EventPattern, uses: ReadonlyMap<string, number>): readonly string[] | null {
  let guard: readonly string[] | null = null;
  let guardUses = Infinity;
  for (const alternatives of pattern.required) {
    const words = alternatives.length > 1 ? [...new Set(alternatives)] : alternatives;
    let total = 0;
    for (const word of words) total += uses.get(word) ?? 0;
    if (total < guardUses) {
      guard = words;
      guardUses = total;
    }
  }
  return guard;
}

/**
 * Indexes a trigger's patterns by their guards; `bitOf` gives a required
 * word's bit, in a bitset of `bitsetLength` 32-bit words.
 */
function indexTrigger(
  patterns: readonly EventPattern[],
  guard: (pattern: EventPattern) => readonly string[] | null,
  bitOf: (word: string) => number,
  bitsetLength: number,
): TriggerEntry {
  const unconditional: number[] = [];
  const byGuard = new Map<number, number[]>();
  const required: (readonly (readonly number[])[])[] = [];
  patterns.forEach((pattern, position) => {
    required.push(pattern.required.map((alternatives) => alternatives.map(bitOf)));
    const words = guard(pattern);
    if (!words) {
      unconditional.push(position);
      return;
    }
    for (const word of words) {
      const bit = bitOf(word);
      const positions = byGuard.get(bit);
      if (positions) positions.push(position);
      else byGuard.set(bit, [position]);
    }
  });
  const unconditionalPatterns = unconditional.flatMap((position) => patterns[position] ?? []);
  return {
    patterns,
    required,
    unconditional,
    byGuard,
    guardBits: bitsOf(byGuard.keys(), bitsetLength),
    unconditionalPatterns,
  };
}

/** A bitset of `length` 32-bit words with these bits set. */
function bitsOf(bits: Iterable<number>, length: number): Uint32Array {
  const set = new Uint32Array(length);
  for (const bit of bits) setBit(set, bit);
  return set;
}

/** The entry's patterns that pass the pre-check, in their order. */
function possibleIn(entry: TriggerEntry, present: PresentWords): readonly EventPattern[] {
  if (entry.byGuard.size === 0) return entry.patterns;
  let positions: number[] | null = null;
  // The guards present: the sentence's few words of bits against the entry's.
  for (const at of present.used) {
    let found = (entry.guardBits[at] ?? 0) & (present.bits[at] ?? 0);
    while (found !== 0) {
      const lowest = found & -found;
      const guarded = entry.byGuard.get(at * 32 + 31 - Math.clz32(lowest));
      if (guarded) (positions ??= []).push(...guarded);
      found ^= lowest;
    }
  }
  if (positions === null) return entry.unconditionalPatterns;
  positions.push(...entry.unconditional);
  if (positions.length > 1) positions.sort((a, b) => a - b);
  const possible: EventPattern[] = [];
  let previous = -1;
  for (const position of positions) {
    // A pattern with two guard words in the sentence is listed twice.
    if (position === previous) continue;
    previous = position;
    const pattern = entry.patterns[position];
    const required = entry.required[position];
    if (pattern && required && hasRequired(required, present)) possible.push(pattern);
  }
  return possible;
}

/** How many patterns require each word (once per pattern): how little it tells as a guard. */
function requiredUses(patterns: readonly EventPattern[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const pattern of patterns) {
    for (const word of new Set(pattern.required.flat())) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  return uses;
}

/** What the lexicon knows of a word that starts a trigger or that a pattern requires. */
interface WordEntry {
  /** Patterns whose trigger starts with the word, in file order; none for a word only required. */
  readonly patterns: readonly EventPattern[];
  /** Their index for the pre-check, built on first use. */
  trigger: TriggerEntry | null;
  /** The word's bit in `PresentWords` when some pattern requires it, else -1. */
  readonly bit: number;
}

/** Builds the lexicon: patterns indexed by the first word of each trigger alternative. */
export function createEventLexicon(
  patterns: readonly EventPattern[],
  rules: readonly ComposeRule[],
  cues: EventCues,
): EventLexicon {
  const triggers = new Map<string, EventPattern[]>();
  for (const pattern of patterns) {
    for (const key of new Set(pattern.trigger.map((alternative) => alternative[0] ?? ""))) {
      const list = triggers.get(key);
      if (list) list.push(pattern);
      else triggers.set(key, [pattern]);
    }
  }
  const required = [...new Set(patterns.flatMap((p) => p.required.flat()))];
  // Most words trigger nothing: they share one empty list rather than each getting a new one.
  const none: readonly EventPattern[] = [];
  // A token's word or lemma is looked up once, for its patterns and for the pre-check both.
  const byWord = new Map<string, WordEntry>();
  for (const [word, list] of triggers) byWord.set(word, { patterns: list, trigger: null, bit: -1 });
  required.forEach((word, bit) => {
    byWord.set(word, { patterns: triggers.get(word) ?? none, trigger: null, bit });
  });
  const bitOf = (word: string): number => byWord.get(word)?.bit ?? -1;
  const presentWords = Math.ceil(required.length / 32);

  const composeTable = new Map<string, string>();
  for (const rule of rules) composeTable.set(`${rule.kind}:${rule.complement}`, rule.code);
  // Indexed on first use: a run meets a few hundred of the thousands of
  // trigger words, and the index is not worth building at start-up for the rest.
  let uses: Map<string, number> | null = null;
  const guards = new Map<EventPattern, readonly string[] | null>();
  const guard = (pattern: EventPattern): readonly string[] | null => {
    let words = guards.get(pattern);
    if (words === undefined) {
      words = guardOf(pattern, (uses ??= requiredUses(patterns)));
      guards.set(pattern, words);
    }
    return words;
  };
  const possible = (entry: WordEntry | undefined, present: PresentWords): readonly EventPattern[] => {
    if (!entry || entry.patterns.length === 0) return none;
    return possibleIn((entry.trigger ??= indexTrigger(entry.patterns, guard, bitOf, presentWords)), present);
  };
  return {
    size: patterns.length,
    patterns,
    cues,
    patternsFor: (word) => byWord.get(word)?.patterns ?? none,
    candidatesIn(words, lemmas) {
      const present: PresentWords = { bits: new Uint32Array(presentWords), used: [] };
      const ofWords: (WordEntry | undefined)[] = [];
      const ofLemmas: (WordEntry | undefined)[] = [];
      for (let i = 0; i < words.length; i++) {
        const word = words[i] ?? "";
        const lemma = lemmas[i] ?? "";
        const ofWord = byWord.get(word);
        const ofLemma = lemma === word ? undefined : byWord.get(lemma);
        if (ofWord && ofWord.bit >= 0) markPresent(present, ofWord.bit);
        if (ofLemma && ofLemma.bit >= 0) markPresent(present, ofLemma.bit);
        ofWords.push(ofWord);
        ofLemmas.push(ofLemma);
      }
      return {
        at(i) {
          const byWordHere = possible(ofWords[i], present);
          const byLemmaHere = possible(ofLemmas[i], present);
          if (byLemmaHere.length === 0) return byWordHere;
          return byWordHere.length === 0 ? byLemmaHere : [...byWordHere, ...byLemmaHere];
        },
      };
    },
    compose(kind, code) {
      // The longest prefix of the complement's code that has a row.
      for (let length = code.length; length >= 2; length--) {
        const found = composeTable.get(`${kind}:${code.slice(0, length)}`);
        if (found) return found;
      }
      return null;
    },
  };
}
