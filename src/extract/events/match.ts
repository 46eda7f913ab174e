import type { Alternatives, EventLexicon, EventPattern, PatternElement, TriggerClass } from "./lexicon.ts";
import {
  isHardBoundary,
  isPrenominalParticiple,
  isTightDash,
  type ActorGroup,
  type SentenceView,
} from "./sentence-view.ts";

/** Where a pattern matched in a sentence. */
export interface PatternMatch {
  readonly pattern: EventPattern;
  /** First and last token of the trigger words. */
  readonly trigger: number;
  readonly triggerEnd: number;
  /** Last token the pattern consumed. */
  readonly end: number;
  /** Tokens matched by literal words (the trigger included). */
  readonly literals: readonly number[];
  readonly target: ActorGroup | null;
  readonly source: ActorGroup | null;
  /** Token where the complement (`>`) starts, or null. */
  readonly complementAt: number | null;
}

/** Longest run of tokens a `*` gap may skip ("provide nearly 25,000 tons of emergency food aid"). */
const GAP = 6;
/** Tokens an `@T`/`@S` slot may skip before its actor ("four Azerbaijani diplomats"). */
const SLOT_SKIP = 4;
/** Prefixes joined to a verb by a hyphen that leave it a verb ("re-open"). */
const PREFIXES = new Set(["re", "co", "de", "pre", "un", "non", "counter", "over", "under", "out", "cross"]);
const SLOT_SKIPPABLE = new Set(["DET", "ADJ", "NUM", "PRON", "PART"]);

function wordAt(view: SentenceView, i: number, word: string): boolean {
  return view.words[i] === word || view.lemmas[i] === word;
}

/** Length of the first alternative that matches at `i`, or -1. */
function matchAlternatives(view: SentenceView, i: number, alternatives: Alternatives): number {
  for (const alternative of alternatives) {
    if (alternative.every((word, k) => wordAt(view, i + k, word))) return alternative.length;
  }
  return -1;
}

/** Words before a gerund that make it a noun: "the reopening of the embassy", "its shelling of". */
const NOMINALISERS = new Set(["the", "a", "an", "its", "their", "his", "her", "this", "'s", "’s"]);

/** "approaches to issues of security": after "to" a verb is bare, so an inflected one is a noun. */
function inflectedAfterTo(view: SentenceView, i: number): boolean {
  const word = view.words[i] ?? "";
  return view.words[i - 1] === "to" && word.endsWith("s") && word !== view.lemmas[i];
}

function triggerClassOf(view: SentenceView, i: number): TriggerClass {
  const pos = view.pos[i];
  if (pos === "VERB" && (view.words[i] ?? "").endsWith("ing") && NOMINALISERS.has(view.words[i - 1] ?? "")) {
    return "noun";
  }
  if (pos === "VERB" && inflectedAfterTo(view, i)) return "noun";
  return pos === "NOUN" || pos === "PROPN" ? "noun" : "verb";
}

/** A token a gap or slot may not cross. */
function blocks(view: SentenceView, i: number): boolean {
  if (i >= view.tokens.length || isHardBoundary(view, i)) return true;
  const word = view.words[i] ?? "";
  return word === "," || view.cues.subordinators.has(word) || view.cues.relatives.has(word);
}

interface State {
  readonly end: number;
  readonly literals: readonly number[];
  readonly target: ActorGroup | null;
  readonly source: ActorGroup | null;
  readonly complementAt: number | null;
}

/** The group a slot at `pos` binds (skipping a few modifiers), and the token after it. */
function slotAt(view: SentenceView, pos: number): { group: ActorGroup; next: number } | null {
  for (let k = pos; k < pos + SLOT_SKIP + 1 && k < view.tokens.length; k++) {
    const index = view.groupAt[k] ?? -1;
    if (index >= 0) {
      const group = view.groups[index];
      if (!group || group.first < pos) return null;
      let next = group.last + 1;
      if (view.words[next] === "'s" || view.words[next] === "’s") next++;
      return { group, next };
    }
    // A compound adjective ("war-torn", "Iranian-backed") may stand before the actor.
    const compound = isTightDash(view, k) || isTightDash(view, k - 1) || isTightDash(view, k + 1);
    if (blocks(view, k) && !compound) return null;
    const capitalised = /^\p{Lu}/u.test(view.tokens[k]?.text ?? "");
    if (!SLOT_SKIPPABLE.has(view.pos[k] ?? "") && !capitalised && !compound) return null;
  }
  return null;
}

/** Longest aside in brackets a gap may step over ("($2.2 million)", "(UNHCR)"). */
const ASIDE = 8;

/** The token closing the aside in brackets that opens at `i`, or -1. */
function asideClose(view: SentenceView, i: number): number {
  if (view.words[i] !== "(") return -1;
  for (let k = i + 1; k <= i + ASIDE && k < view.tokens.length; k++) {
    if (view.words[k] === ")") return k;
    if (view.words[k] === "(") return -1;
  }
  return -1;
}

/** The first token at or after `pos` that is not part of a time expression ("threatened on Monday to ..."). */
function skipTemporal(view: SentenceView, pos: number): number {
  let k = pos;
  while (k < view.tokens.length) {
    const word = view.words[k] ?? "";
    const temporalWord = view.cues.temporal.has(word) && view.pos[k] !== "AUX" && view.pos[k] !== "VERB";
    const lead =
      (word === "on" || word === "last" || word === "this" || word === "late" || word === "early") &&
      view.cues.temporal.has(view.words[k + 1] ?? "");
    if (!(temporalWord && !["on", "in", "at", "since", "during"].includes(word)) && !lead) break;
    k++;
  }
  return k;
}

/** Longest venue name ("at the White House", "in Sharm el-Sheikh") that a pattern's words may follow. */
const VENUE_WORDS = 4;

/**
 * "held talks at Downing Street with Varadkar": the token after a named
 * venue ("at" or "in", a determiner, capitalised words) that stands between
 * a pattern's words, or -1.
 */
function afterVenue(view: SentenceView, pos: number): number {
  if (view.words[pos] !== "at" && view.words[pos] !== "in") return -1;
  let k = view.pos[pos + 1] === "DET" ? pos + 2 : pos + 1;
  const first = k;
  // The tagger may call a name's first word a verb ("Downing Street"): its capital tells.
  while (k < first + VENUE_WORDS && /^\p{Lu}/u.test(view.tokens[k]?.text ?? "")) k++;
  return k > first ? k : -1;
}

function step(
  view: SentenceView,
  elements: readonly PatternElement[],
  e: number,
  state: State,
): State | null {
  const element = elements[e];
  if (!element) return state;
  const pos = element.kind === "gap" ? state.end + 1 : skipTemporal(view, state.end + 1);
  switch (element.kind) {
    case "words": {
      for (const at of [pos, afterVenue(view, pos)]) {
        const length = at < 0 ? -1 : matchAlternatives(view, at, element.alternatives);
        if (length <= 0) continue;
        const literals = [...state.literals];
        for (let k = 0; k < length; k++) literals.push(at + k);
        const found = step(view, elements, e + 1, { ...state, end: at + length - 1, literals });
        if (found) return found;
      }
      return element.optional ? step(view, elements, e + 1, state) : null;
    }
    case "gap": {
      let end = pos - 1;
      for (let skip = 0; skip <= GAP; skip++) {
        if (skip > 0) {
          // A gap stays within one phrase: no clause break, no other verb ("accepted a ceasefire mediated by
          // ..."), but a participle describing a noun ("returned two stolen paintings") is in the phrase,
          // and an aside in brackets ("1.5 million euros ($2.2 million)") counts as one word.
          const next = end + 1;
          const close = asideClose(view, next);
          if (close >= 0) end = close;
          else if (blocks(view, next) || (view.pos[next] === "VERB" && !isPrenominalParticiple(view, next)))
            return null;
          else end = next;
        }
        const found = step(view, elements, e + 1, { ...state, end });
        if (found) return found;
      }
      return null;
    }
    case "target":
    case "source": {
      const slot = slotAt(view, pos);
      if (!slot)
        return element.kind === "target" && element.optional ? step(view, elements, e + 1, state) : null;
      const bound = element.kind === "target" ? { target: slot.group } : { source: slot.group };
      return step(view, elements, e + 1, { ...state, ...bound, end: slot.next - 1 });
    }
    case "complement":
      return pos < view.tokens.length ? { ...state, complementAt: pos } : null;
  }
}

/** A past participle after a form of "be" or "get" (adverbs and negation between). */
function isPassive(view: SentenceView, i: number): boolean {
  const word = view.words[i] ?? "";
  if (view.pos[i] !== "VERB" || word.endsWith("ing")) return false;
  if (word === view.lemmas[i] && !view.cues.sameFormParticiples.has(word)) return false;
  if (view.cues.notPassive.has(view.lemmas[i] ?? "")) return false;
  for (let k = i - 1; k >= 0; k--) {
    if (view.pos[k] === "ADV" || view.pos[k] === "PART") continue;
    return view.pos[k] === "AUX" && (view.lemmas[k] === "be" || view.lemmas[k] === "get");
  }
  return false;
}

function matchPattern(view: SentenceView, i: number, pattern: EventPattern): PatternMatch | null {
  const length = matchAlternatives(view, i, pattern.trigger);
  if (length < 0) return null;
  if (pattern.context && view.hasContext(pattern.context.name) !== pattern.context.present) return null;
  const literals: number[] = [];
  for (let k = 0; k < length; k++) literals.push(i + k);
  const state = step(view, pattern.rest, 0, {
    end: i + length - 1,
    literals,
    target: null,
    source: null,
    complementAt: null,
  });
  if (state) return { pattern, trigger: i, triggerEnd: i + length - 1, ...state };
  if (pattern.triggerClass !== "verb" || !isPassive(view, i)) return null;
  // A passive ("Sa'ar was received by Aliyev") has its object before the verb: the subject fills @T.
  const [object, named] = pattern.rest;
  if (object?.kind === "target") {
    const passive = step(view, pattern.rest.slice(1), 0, {
      end: i + length - 1,
      literals,
      target: null,
      source: null,
      complementAt: null,
    });
    if (passive) return { pattern, trigger: i, triggerEnd: i + length - 1, ...passive };
  }
  // "Two Iranian diplomats were expelled": the object a pattern names after its verb ("expel * diplomats")
  // is the subject's head. What the pattern has after the object, all optional, is left to the roles: in
  // the passive its "from @T?" names the expelling state ("expelled from Iran") or the host ("recalled from").
  const head = passiveSubjectHead(view, i);
  if (
    object?.kind === "gap" &&
    named?.kind === "words" &&
    head >= 0 &&
    matchAlternatives(view, head, named.alternatives) === 1 &&
    pattern.rest
      .slice(2)
      .every((element) => element.kind === "gap" || ("optional" in element && element.optional))
  ) {
    const end = i + length - 1;
    const state = { end, literals: [head, ...literals], target: null, source: null, complementAt: null };
    return { pattern, trigger: i, triggerEnd: end, ...state };
  }
  return null;
}

/** The head of a passive verb's subject: the noun before its auxiliaries ("diplomats were swiftly expelled"), or -1. */
function passiveSubjectHead(view: SentenceView, i: number): number {
  let k = i - 1;
  while (k >= 0 && (view.pos[k] === "ADV" || view.pos[k] === "PART" || view.pos[k] === "AUX")) k--;
  return view.pos[k] === "NOUN" ? k : -1;
}

/**
 * The tagger takes some verbs for nouns ("of siding with") and some nouns for
 * verbs ("Iran's calls"); a capitalised word ("March") is neither.
 */
function mayBeMistagged(view: SentenceView, i: number, own: TriggerClass): boolean {
  const text = view.tokens[i]?.text ?? "";
  if (i > 0 && /^\p{Lu}/u.test(text)) return false;
  if (own === "verb" || (view.words[i] ?? "").endsWith("ed")) return true;
  // A noun inside a noun phrase ("oil demand", "its plans", "a Turkish ship") is a noun.
  const before = view.pos[i - 1] ?? "";
  const word = view.words[i - 1] ?? "";
  return (
    !["NOUN", "PROPN", "ADJ", "DET", "PRON", "PART", "NUM"].includes(before) && word !== "'s" && word !== "’s"
  );
}

/**
 * Every pattern that matches in the sentence, the best per place: only the
 * patterns indexed under a token's word or lemma are tried. Where matches
 * overlap, the heavier pattern (more literal words) keeps its words and the
 * lighter ones whose trigger it used are dropped. A trigger tagged with the
 * other part of speech than its patterns' is tried when nothing else matched
 * there (the tagger calls "calls" a verb in "Iran's calls").
 */
export function findMatches(view: SentenceView, lexicon: EventLexicon): PatternMatch[] {
  const all: PatternMatch[] = [];
  // Only patterns whose every required word occurs in the sentence are tried in full.
  const candidatesAt = lexicon.candidatesIn(view.words, view.lemmas);
  for (let i = 0; i < view.tokens.length; i++) {
    const candidates = candidatesAt.at(i);
    // Most tokens have no candidates: the word list is asked only about those that do.
    if (candidates.length === 0 || view.cues.nonTriggers.has(view.words[i] ?? "")) continue;
    // "long-threatened", "Israeli-occupied": a verb inside a compound adjective reports nothing.
    if (isTightDash(view, i - 1) && !PREFIXES.has(view.words[i - 2] ?? "")) continue;
    // "alleged crimes", "suspected militants": a participle used as an adjective.
    if (
      view.pos[i] === "ADJ" &&
      (view.words[i] ?? "").endsWith("ed") &&
      view.words[i + 1] !== "to" &&
      !["NOUN", "PROPN", "PRON"].includes(view.pos[i - 1] ?? "")
    ) {
      continue;
    }
    const own = triggerClassOf(view, i);
    const before = all.length;
    matchClass(view, i, candidates, own, all);
    if (all.length === before && mayBeMistagged(view, i, own)) {
      // The dictionary's patterns assume a verb the tagger saw: only ours are tried against its mistakes.
      const ours = candidates.filter((p) => p.tier === "own");
      matchClass(view, i, ours, own === "noun" ? "verb" : "noun", all);
    }
    dropDictionaryWhereOursMatch(all, before);
  }
  // One match or none: nothing to rank.
  if (all.length < 2) return all;
  // Heaviest first; ties keep file order (the earlier pattern is the more specific by convention).
  const ranked: { match: PatternMatch; order: number }[] = [];
  all.forEach((match, order) => ranked.push({ match, order }));
  ranked.sort(
    (a, b) =>
      tierRank(a.match) - tierRank(b.match) ||
      b.match.pattern.weight - a.match.pattern.weight ||
      a.order - b.order,
  );
  const claimed = new Set<number>();
  const kept: PatternMatch[] = [];
  const triggers = new Set<number>();
  for (const { match } of ranked) {
    if (claimed.has(match.trigger) || triggers.has(match.trigger)) continue;
    if (match.literals.some((k) => claimed.has(k))) continue;
    for (const k of match.literals) claimed.add(k);
    triggers.add(match.trigger);
    kept.push(match);
  }
  return kept.sort((a, b) => a.trigger - b.trigger);
}

/** Our patterns outrank the dictionary's wherever both match. */
function tierRank(match: PatternMatch): number {
  return match.pattern.tier === "own" ? 0 : 1;
}

/** Where one of our patterns matched at a word (the matches from `from` on), the dictionary's matches there go. */
function dropDictionaryWhereOursMatch(matches: PatternMatch[], from: number): void {
  const here = matches.slice(from);
  if (!here.some((m) => m.pattern.tier === "own") || here.every((m) => m.pattern.tier === "own")) return;
  matches.splice(from, here.length, ...here.filter((m) => m.pattern.tier === "own"));
}

/** Adds the matches at token `i` of the candidates of one trigger class, in candidate order. */
function matchClass(
  view: SentenceView,
  i: number,
  candidates: readonly EventPattern[],
  cls: TriggerClass,
  out: PatternMatch[],
): void {
  for (const p of candidates) {
    if (p.triggerClass !== cls) continue;
    const match = matchPattern(view, i, p);
    if (match) out.push(match);
  }
}
