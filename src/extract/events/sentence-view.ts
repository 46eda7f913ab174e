import type { Token } from "../../core/ports.ts";
import type { ActorMention, AnalysedSentence } from "../types.ts";
import type { EventCues } from "./lexicon.ts";

/**
 * One actor noun phrase of a sentence, as token indices: "Azerbaijani President
 * Ilham Aliyev" is one group even when it holds two mentions. A phrase that
 * names several actors at once ("the two countries") keeps them all in
 * `mentions`; each is a separate party to the events of the group.
 */
export interface ActorGroup {
  readonly index: number;
  readonly first: number;
  /** Inclusive. */
  readonly last: number;
  readonly mentions: readonly ActorMention[];
}

/** The tokens of a sentence with its actor groups, the coder's working view. */
export interface SentenceView {
  readonly tokens: readonly Token[];
  /** Lower-case token text. */
  readonly words: readonly string[];
  readonly lemmas: readonly string[];
  readonly pos: readonly string[];
  readonly groups: readonly ActorGroup[];
  /** Token index -> group index, or -1. */
  readonly groupAt: readonly number[];
  /** Do words of the named context (`military`) occur in the sentence? Computed on first use. */
  hasContext(name: string): boolean;
  readonly cues: EventCues;
}

/** Parts of speech that may sit inside an actor's noun phrase between two mentions. */
const NOUN_PHRASE_POS = new Set(["NOUN", "PROPN", "ADJ", "PART"]);

/** The first and last token (inclusive) a mention overlaps, or null. */
export function overlapTokens(tokens: readonly Token[], mention: ActorMention): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    // Tokens come in text order: none after this one can reach back into the mention.
    if (token.start >= mention.end) break;
    if (token.end > mention.start) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : [first, last];
}

function distinctActors(mentions: readonly ActorMention[]): ActorMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    if (seen.has(m.actor.id)) return false;
    seen.add(m.actor.id);
    return true;
  });
}

/**
 * True when the tokens strictly between `a` and `b` could all belong to one
 * noun phrase ("Azerbaijani [President] Ilham Aliyev"): no verb, even one the
 * tagger took for a noun ("Mali abducted two Nigerien engineers").
 */
function joinsAsOnePhrase(
  view: { words: readonly string[]; lemmas: readonly string[]; pos: readonly string[] },
  a: number,
  b: number,
  isKnown: (word: string) => boolean,
): boolean {
  if (b - a > 4) return false;
  for (let k = a + 1; k < b; k++) {
    const word = view.words[k] ?? "";
    if (!NOUN_PHRASE_POS.has(view.pos[k] ?? "")) return false;
    if (word === "-" || word === "–" || /(?:ed|ing)$/.test(word)) return false;
    if (isKnown(word) || isKnown(view.lemmas[k] ?? "")) return false;
  }
  return true;
}

/** Mentions of a state by its name: two of them side by side are two phrases ("offered Iran Azerbaijan's help"). */
function namesState(mentions: readonly ActorMention[]): boolean {
  return mentions.every((m) => m.actor.kind === "state" && (m.via === "name" || m.via === "capital"));
}

/** A group under construction. */
interface Draft {
  first: number;
  last: number;
  width: number;
  mentions: ActorMention[];
}

/**
 * The tagger leaves some verb forms unlemmatised when it takes them for nouns
 * ("accused Azerbaijan of siding"): guess the verb from the known trigger words.
 */
function verbLemma(word: string, lemma: string, isKnown: (word: string) => boolean): string {
  if (lemma !== word) return lemma;
  const stem = word.endsWith("ing") ? word.slice(0, -3) : word.endsWith("ed") ? word.slice(0, -2) : "";
  if (stem.length < 2 || isKnown(word)) return lemma;
  const guesses = [stem, `${stem}e`, stem.slice(0, -1)];
  return guesses.find((guess) => isKnown(guess)) ?? lemma;
}

/**
 * Builds the coder's view of a sentence: tokens, lemmas, and the actor groups
 * made of its mentions (overlapping mentions merge into the widest; adjacent
 * ones in one noun phrase merge into its head, the later one).
 */
export function createSentenceView(
  sentence: AnalysedSentence,
  cues: EventCues,
  isKnown: (word: string) => boolean = () => false,
): SentenceView {
  const tokens = sentence.sentence.tokens;
  // Built with push, not `map`: V8 gives `map` results another elements kind in
  // optimised code than in the interpreter, and the coder's hot loops, which
  // index these arrays, were deoptimised and recompiled over and over.
  const words: string[] = [];
  const lemmas: string[] = [];
  const pos: string[] = [];
  const groupAt: number[] = [];
  for (const t of tokens) {
    const word = t.text.toLowerCase();
    words.push(word);
    lemmas.push(verbLemma(word, t.lemma, isKnown));
    pos.push(t.pos);
    groupAt.push(-1);
  }

  const drafts: Draft[] = [];
  for (const mention of sentence.mentions) {
    const range = overlapTokens(tokens, mention);
    if (!range) continue;
    drafts.push({ first: range[0], last: range[1], width: mention.end - mention.start, mentions: [mention] });
  }
  drafts.sort((a, b) => a.first - b.first || b.last - a.last);
  const merged: Draft[] = [];
  for (const draft of drafts) {
    const previous = merged[merged.length - 1];
    if (previous && draft.first <= previous.last) {
      // Overlap: the same span names several actors, or one mention nests in a wider one.
      if (draft.first === previous.first && draft.last === previous.last && draft.width === previous.width) {
        previous.mentions.push(...draft.mentions);
      } else if (draft.width > previous.width) {
        // Literals of one shape throughout (not spreads), so the hot code sees one map.
        merged[merged.length - 1] = {
          first: previous.first,
          last: Math.max(previous.last, draft.last),
          width: draft.width,
          mentions: draft.mentions,
        };
      } else {
        previous.last = Math.max(previous.last, draft.last);
      }
      continue;
    }
    if (
      previous &&
      !(namesState(previous.mentions) && namesState(draft.mentions)) &&
      joinsAsOnePhrase({ words, lemmas, pos }, previous.last, draft.first, isKnown)
    ) {
      // "Azerbaijani President Ilham Aliyev": the later mention is the head, unless it names no state.
      const keep = draft.mentions.some((m) => m.country) ? draft.mentions : previous.mentions;
      merged[merged.length - 1] = {
        first: previous.first,
        last: draft.last,
        width: draft.width,
        mentions: keep,
      };
      continue;
    }
    merged.push({ first: draft.first, last: draft.last, width: draft.width, mentions: [...draft.mentions] });
  }

  const groups: ActorGroup[] = [];
  merged.forEach((draft, index) => {
    for (let k = draft.first; k <= draft.last; k++) {
      groupAt[k] = index;
      // A word of a name is no verb, whatever the tagger says ("the Red Cross has").
      if (pos[k] === "VERB" || pos[k] === "AUX") pos[k] = "PROPN";
    }
    groups.push({ index, first: draft.first, last: draft.last, mentions: distinctActors(draft.mentions) });
  });

  readHeadlineVerbs({ words, lemmas, pos, groupAt }, isKnown);

  const contexts = new Map<string, boolean>();
  const hasContext = (name: string): boolean => {
    let found = contexts.get(name);
    if (found === undefined) {
      const set = cues.contexts.get(name);
      found = set !== undefined && words.some((w, i) => set.has(w) || set.has(lemmas[i] ?? ""));
      contexts.set(name, found);
    }
    return found;
  };
  return { tokens, words, lemmas, pos, groups, groupAt, hasContext, cues };
}

/**
 * What may open a headline verb's object: "lifts sanctions", "releases dozens
 * of activists". (Not a name: "Azerbaijan supplies Israel" reads as a habit
 * whichever way it is tagged.)
 */
const HEADLINE_OBJECTS = new Set(["DET", "NUM", "NOUN", "ADJ"]);

/**
 * "Japan lifts sanctions on India", "Venezuela releases dozens of activists":
 * a headline's present-tense verb right after its named subject is tagged as
 * a plural noun. A known verb between an actor and an object is the verb.
 */
function readHeadlineVerbs(
  tokens: { words: string[]; lemmas: string[]; pos: string[]; groupAt: number[] },
  isKnown: (word: string) => boolean,
): void {
  const { words, lemmas, pos, groupAt } = tokens;
  for (let i = 1; i < words.length - 1; i++) {
    const word = words[i] ?? "";
    if (pos[i] !== "NOUN" || !word.endsWith("s") || (groupAt[i] ?? -1) >= 0) continue;
    if ((groupAt[i - 1] ?? -1) < 0 || !HEADLINE_OBJECTS.has(pos[i + 1] ?? "")) continue;
    const stem = lemmas[i] !== word ? (lemmas[i] ?? "") : word.slice(0, -1);
    if (!isKnown(stem)) continue;
    pos[i] = "VERB";
    lemmas[i] = stem;
  }
}

/** Punctuation that ends a clause for the purpose of finding a trigger's actors. */
export function isHardBoundary(view: SentenceView, i: number): boolean {
  const word = view.words[i] ?? "";
  if (word === ";" || word === ":" || word === "(" || word === ")" || word === "?" || word === "!")
    return true;
  if (word === "—" || word === "–" || word === "-") {
    // A dash with spaces around it opens an aside; without, it joins a dyad ("Armenia-Azerbaijan").
    const token = view.tokens[i];
    const before = view.tokens[i - 1];
    const after = view.tokens[i + 1];
    if (!token) return true;
    const tight = before?.end === token.start && after?.start === token.end;
    return !tight;
  }
  return word === '"' || word === "“" || word === "”";
}

/** True when token `i` is a dash that joins two words without spaces ("Israel-Iran"). */
export function isTightDash(view: SentenceView, i: number): boolean {
  const word = view.words[i] ?? "";
  if (word !== "-" && word !== "–" && word !== "—" && word !== "/") return false;
  const token = view.tokens[i];
  return Boolean(token && view.tokens[i - 1]?.end === token.start && view.tokens[i + 1]?.start === token.end);
}

/**
 * True for a lemma or word of token `i` in `set`. The tagger mislemmatises some
 * inflections ("staged" -> "stag"), so regular stems are tried too.
 */
export function tokenIn(view: SentenceView, i: number, set: ReadonlySet<string>): boolean {
  const word = view.words[i] ?? "";
  if (set.has(word) || set.has(view.lemmas[i] ?? "")) return true;
  const cut = word.endsWith("ing")
    ? 3
    : word.endsWith("ed") || word.endsWith("es")
      ? 2
      : word.endsWith("s")
        ? 1
        : 0;
  if (cut === 0 || word.length - cut < 3) return false;
  const stem = word.slice(0, -cut);
  return set.has(stem) || set.has(`${stem}e`);
}

export function isVerb(view: SentenceView, i: number): boolean {
  const pos = view.pos[i];
  return pos === "VERB" || pos === "AUX";
}

/**
 * Is token `i` a gerund after an adjective of guilt and its preposition
 * ("guilty of violating", "responsible for shelling")? It tells an act the
 * adjective's subject did.
 */
export function isGerundOfGuilt(view: SentenceView, i: number): boolean {
  const preposition = view.words[i - 1];
  return (
    (view.words[i] ?? "").endsWith("ing") &&
    (preposition === "of" || preposition === "for") &&
    tokenIn(view, i - 2, view.cues.culpability)
  );
}

/**
 * What opens a noun phrase right before a participle ("two stolen paintings",
 * "the detained leaders"); not an adjective, which the tagger also gives to
 * nouns before a verb in the past ("the U.S. military launched").
 */
const NOUN_PHRASE_OPENERS = new Set(["DET", "NUM"]);

/**
 * Is token `i` a past participle inside a noun phrase ("two stolen paintings",
 * "a jailed Chilean blogger"), describing its noun rather than telling an act?
 */
export function isPrenominalParticiple(view: SentenceView, i: number): boolean {
  const word = view.words[i] ?? "";
  // A participle, not a present: "gives", "jailing" never describe a noun so.
  if (view.pos[i] !== "VERB" || word === view.lemmas[i] || /(?:ing|s)$/.test(word)) return false;
  if (!NOUN_PHRASE_OPENERS.has(view.pos[i - 1] ?? "")) return false;
  const next = view.pos[i + 1] ?? "";
  return next === "NOUN" || next === "ADJ" || (next === "PROPN" && view.pos[i + 2] === "NOUN");
}
