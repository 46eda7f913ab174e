import { isStateCode } from "../../core/codes.ts";
import type { CountryCode } from "../../core/records.ts";
import type { Token } from "../../core/ports.ts";
import type { UnitTable } from "../quantities/units.ts";
import type { ActorMention, AnalysedSentence, Quantity } from "../types.ts";
import { tokenAt } from "./tokens.ts";

// Groups and unknowns are actors, not the states a figure is about.
// Words between a background preposition and the state it governs ("after the conflict in Ukraine").
const BACKGROUND_REACH = 5;
// What ends a subordinate clause: the clause runs from its opener to the next of these.
const CLAUSE_ENDS = new Set([",", ";", ":", "—", "–", "(", ")"]);
// Words that may start the subject of a clause ("as the United States opened ...").
const SUBJECT_START = new Set(["DET", "PROPN", "PRON"]);
const VERBS = new Set(["VERB", "AUX"]);
// Parts of the phrase that follows a figure ("60 percent of Azerbaijan's major arms imports").
const TAIL_POS = new Set(["ADJ", "NOUN", "PROPN", "DET", "PART", "NUM", "SYM"]);
const TAIL_LINKS = new Set(["of", "from", "to", "in", "with", "between", "'s", "’s", "-", "–"]);
// A phrase that only points back to states named before ("the two", "both countries").
const REFERRING_BACK = /^(?:the|both|its|their|these|those|each)\b/i;
// Before such a phrase, the phrase picks one of those states out ("Of the two, Azerbaijan ...").
const PARTITIVE = new Set(["of", "among"]);
// Words that open a relative clause, which may qualify the noun right before it.
const RELATIVES = new Set(["that", "which", "who", "whom", "whose", "where"]);
// After a participle these make it a reduced relative clause ("a ceasefire mediated by Russian peacekeepers").
const PARTICIPLE_LINKS = new Set(["by", "from"]);

/** A span of token indices, `end` exclusive. */
interface TokenSpan {
  readonly start: number;
  readonly end: number;
}

/** A subordinate clause and, when it follows its noun without a comma, that noun's token. */
interface Clause extends TokenSpan {
  readonly anchor: number | null;
}

/** What a sentence's clause structure says about where its states stand. */
interface Layout {
  readonly tokens: readonly Token[];
  /** Subordinate clauses ("which would connect ...", "as the United States opened ..."). */
  readonly clauses: readonly Clause[];
  /** Token indices of "that" opening the reported content of a verb of saying ("estimated that ..."). */
  readonly complements: readonly number[];
}

const isState = (m: ActorMention): boolean => isStateCode(m.country);

function sorted(mentions: readonly ActorMention[]): CountryCode[] {
  const codes = new Set<CountryCode>();
  for (const m of mentions) if (m.country && isState(m)) codes.add(m.country);
  return [...codes].sort();
}

const lowerAt = (tokens: readonly Token[], k: number): string => tokens[k]?.text.toLowerCase() ?? "";

/** "told reporters that", "estimated that": a "that" after a verb or its object opens reported content. */
function isComplementizer(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  if (!before) return false;
  if (VERBS.has(before.pos)) return true;
  return /^(?:NOUN|PRON|PROPN)$/.test(before.pos) && VERBS.has(tokens[k - 2]?.pos ?? "");
}

/** Where the clause an opener at `k` starts ends, or -1 when no verb follows (no clause: "as well as"). */
function clauseEnd(tokens: readonly Token[], k: number): number {
  let verb = false;
  let end = k + 1;
  for (; end < tokens.length; end++) {
    const token = tokens[end];
    if (!token || CLAUSE_ENDS.has(token.text)) break;
    if (VERBS.has(token.pos)) verb = true;
  }
  return verb ? end : -1;
}

function layoutOf(sentence: AnalysedSentence, units: UnitTable): Layout {
  const tokens = sentence.sentence.tokens;
  const clauses: Clause[] = [];
  const complements: number[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const lower = lowerAt(tokens, k);
    let opens = units.clauseOpeners.has(lower);
    if (!opens && units.subjectClauseOpeners.has(lower)) opens = SUBJECT_START.has(tokens[k + 1]?.pos ?? "");
    if (!opens && lower === "that") {
      if (isComplementizer(tokens, k)) {
        complements.push(k);
        continue;
      }
      // "a flotilla that was trying", not "that figure" (a determiner).
      const next = tokens[k + 1]?.pos ?? "";
      opens = /^(?:NOUN|PROPN)$/.test(tokens[k - 1]?.pos ?? "") && !/^(?:NOUN|ADJ|NUM)$/.test(next);
    }
    // "parts of Karabakh recaptured from Armenian forces": a participle after its noun opens a reduced clause.
    if (!opens && tokens[k]?.pos === "VERB" && /^(?:NOUN|PROPN)$/.test(tokens[k - 1]?.pos ?? ""))
      opens = PARTICIPLE_LINKS.has(lowerAt(tokens, k + 1));
    if (!opens) continue;
    const end = tokens[k]?.pos === "VERB" ? clauseEnd(tokens, k - 1) : clauseEnd(tokens, k);
    // Only a relative clause qualifies the noun before it; "as", "when" and the like open adverbial clauses.
    const relative = RELATIVES.has(lower) || tokens[k]?.pos === "VERB";
    const anchor = relative && tokens[k - 1]?.pos !== "PUNCT" ? k - 1 : null;
    if (end > k) clauses.push({ start: k, end, anchor });
  }
  return { tokens, clauses, complements };
}

/** The innermost subordinate clause that holds token `k`. */
function clauseOf(layout: Layout, k: number): Clause | null {
  let best: Clause | null = null;
  for (const c of layout.clauses) if (c.start < k && k < c.end && (!best || c.start > best.start)) best = c;
  return best;
}

/**
 * The token that opens the background phrase ("after the conflict in
 * Ukraine") or source attribution a mention at token `at` stands in; -1 when
 * it stands in none.
 */
function backgroundOpener(tokens: readonly Token[], at: number, units: UnitTable): number {
  for (let k = at - 1; k >= 0 && k >= at - BACKGROUND_REACH; k--) {
    const token = tokens[k];
    if (!token) break;
    const lower = token.text.toLowerCase();
    if (units.backgroundWords.has(lower)) return k;
    for (const phrase of units.attributionPhrases) {
      if (phrase.every((word, n) => lowerAt(tokens, k + n) === word)) return k;
    }
    // "before flying on to Kazakhstan": a gerund right after the background word stays inside its phrase.
    const gerund =
      token.pos === "VERB" && lower.endsWith("ing") && units.backgroundWords.has(lowerAt(tokens, k - 1));
    // A clause or list boundary ends the phrase.
    if (!gerund && (VERBS.has(token.pos) || /^[,;:()]$/.test(token.text))) break;
  }
  return -1;
}

/** "and", "or" and commas only: the second of two mentions joined as a list. */
function isListed(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (!t || !(t.text === "," || /^(?:and|or)$/i.test(t.text) || t.pos === "DET")) return false;
  }
  return true;
}

/**
 * Which of the sentence's state mentions are asides to a figure at token
 * `figure` (null: to the sentence as a whole): named only as background or as
 * a source ("according to ..."), in the reporting clause of reported content
 * ("SIPRI estimated that ..."), or in a subordinate clause the figure is not in
 * ("a flotilla that was trying to break the blockade of Gaza"). A state listed
 * right after an aside ("after the war between Israel and Iran") is one too.
 */
function asides(
  layout: Layout,
  mentions: readonly ActorMention[],
  figure: TokenSpan | null,
  units: UnitTable,
): Set<ActorMention> {
  const { tokens } = layout;
  const out = new Set<ActorMention>();
  let previous: { mention: ActorMention; end: number; aside: boolean } | null = null;
  const first = figure?.start ?? -1;
  const figureClause = figure === null ? null : clauseOf(layout, first);
  // The figure with the phrase after it: a clause tied to a noun in there qualifies the figure ("of the oil that Israel imports").
  const phraseEnd = figure === null ? -1 : tailEnd(tokens, figure.end, tokens.length);
  const ownClause = (c: Clause): boolean =>
    (c.start < first && first < c.end) || (c.anchor !== null && first <= c.anchor && c.anchor < phraseEnd);
  for (const mention of mentions) {
    const at = tokenAt(tokens, mention.start);
    const end = tokenAt(tokens, mention.end);
    let aside = backgroundOpener(tokens, at, units) >= 0;
    if (!aside && previous?.aside && previous.end <= at && isListed(tokens, previous.end, at)) aside = true;
    if (!aside && previous?.aside && previous.mention.start === mention.start) aside = true;
    if (!aside && figure !== null) {
      const clause = clauseOf(layout, at);
      if (clause && clause !== figureClause && !ownClause(clause)) aside = true;
      if (layout.complements.some((c) => at < c && c < first)) aside = true;
    }
    if (aside) out.add(mention);
    previous = { mention, end, aside };
  }
  return out;
}

/** The state mentions a figure may be about: those named outright outrank "of the two" pointing back. */
function candidates(sentence: AnalysedSentence): ActorMention[] {
  const states = sentence.mentions.filter(isState);
  const tokens = sentence.sentence.tokens;
  const partitive = (m: ActorMention): boolean =>
    m.via === "coreference" &&
    REFERRING_BACK.test(m.text) &&
    PARTITIVE.has(lowerAt(tokens, tokenAt(tokens, m.start) - 1));
  const named = states.filter((m) => !partitive(m));
  return named.length > 0 ? named : states;
}

/**
 * The states a sentence is about when it has no figure of its own to anchor
 * them (a sentence a later one borrows its states from): its state mentions,
 * less background and source mentions.
 */
export function sentenceSubjects(sentence: AnalysedSentence, units: UnitTable): CountryCode[] {
  const mentions = candidates(sentence);
  const all = sorted(mentions);
  if (all.length <= 1) return all;
  const layout = layoutOf(sentence, units);
  const aside = asides(layout, mentions, null, units);
  const kept = sorted(mentions.filter((m) => !aside.has(m)));
  return kept.length > 0 ? kept : all;
}

/** Where the phrase that follows a figure ends: "of Azerbaijan's major arms imports", up to "and Russia ...". */
function tailEnd(tokens: readonly Token[], from: number, limit: number): number {
  let between = false;
  let k = from;
  for (; k < limit; k++) {
    const t = tokens[k];
    if (!t) break;
    const lower = t.text.toLowerCase();
    if (lower === "between") between = true;
    if (lower === "and" && between) {
      between = false;
      continue;
    }
    if (!TAIL_POS.has(t.pos) && !TAIL_LINKS.has(lower)) break;
  }
  return k;
}

/**
 * The states each figure of a sentence is about, in the order of `figures`.
 *
 * They are the sentence's state mentions less its asides (see `asides`).
 * Where a sentence states several figures, each takes the states of its own
 * stretch of text: those before it (back to the previous figure's phrase) and
 * those in the phrase after it ("of Azerbaijan's imports"). A figure whose
 * stretch names states on one side only takes the other side from its
 * neighbour, as in "Israel provided 60 percent of Azerbaijan's imports and
 * Russia 31 percent" (Russia's 31 percent is of Azerbaijan's imports too); one
 * whose stretch names none shares the figure before it.
 */
export function figureSubjects(
  sentence: AnalysedSentence,
  figures: readonly Quantity[],
  units: UnitTable,
): CountryCode[][] {
  const mentions = candidates(sentence);
  const all = sorted(mentions);
  if (all.length === 0) return figures.map(() => []);
  const layout = layoutOf(sentence, units);
  const { tokens } = layout;
  const keptFor = (figure: Quantity): ActorMention[] => {
    if (all.length <= 1) return mentions;
    const span = { start: tokenAt(tokens, figure.start), end: tokenAt(tokens, figure.end) };
    const aside = asides(layout, mentions, span, units);
    const kept = mentions.filter((m) => !aside.has(m));
    return kept.length > 0 ? kept : mentions;
  };
  if (figures.length <= 1) return figures.map((f) => sorted(keptFor(f)));

  // Each figure's stretch: its lead (after the previous tail) and its tail.
  const stretches = figures.map((f) => ({ first: tokenAt(tokens, f.start), after: tokenAt(tokens, f.end) }));
  const parts = figures.map((figure, i) => {
    const kept = keptFor(figure);
    const stretch = stretches[i] ?? { first: 0, after: 0 };
    const leadFrom = i === 0 ? 0 : tailEnd(tokens, stretches[i - 1]?.after ?? 0, stretch.first);
    const limit = stretches[i + 1]?.first ?? tokens.length;
    const tailTo = tailEnd(tokens, stretch.after, limit);
    const within = (from: number, to: number): ActorMention[] =>
      kept.filter((m) => {
        const at = tokenAt(tokens, m.start);
        return from <= at && at < to;
      });
    // Mentions inside the figure ("four Iranian diplomats") belong with its phrase.
    return { lead: within(leadFrom, stretch.first), tail: within(stretch.first, tailTo), kept, tailTo };
  });
  // States after the last figure's phrase belong to every figure ("..., both in trade with Iran").
  const last = parts[parts.length - 1];
  const shared = last ? last.kept.filter((m) => tokenAt(tokens, m.start) >= last.tailTo) : [];
  const result: CountryCode[][] = [];
  parts.forEach((part, i) => {
    if (part.lead.length === 0 && part.tail.length === 0) {
      result.push(i > 0 ? (result[i - 1] ?? []) : sorted(part.kept));
      return;
    }
    const neighbour = (side: "lead" | "tail"): ActorMention[] => {
      for (const k of [i - 1, i + 1]) {
        const found = parts[k]?.[side];
        if (found && found.length > 0) return found;
      }
      return [];
    };
    const lead = part.lead.length > 0 ? part.lead : neighbour("lead");
    const tail = part.tail.length > 0 ? part.tail : neighbour("tail");
    result.push(sorted([...lead, ...tail, ...shared]));
  });
  return result;
}
