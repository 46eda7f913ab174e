import type { Sentence, Token } from "../../core/ports.ts";
import type { Unit } from "../../core/records.ts";
import type { Quantity } from "../types.ts";

// Parts of speech a noun phrase is made of, its heads, and the words that join its parts.
const NP_POS = new Set(["ADJ", "NOUN", "PROPN", "NUM", "DET", "PART", "PRON"]);
const LINKS = new Set(["of", "between", "with", "and", "in", "on", "for", "from", "to", "-", "–"]);
const VERB_CHAIN = new Set(["AUX", "ADV", "PART", "VERB"]);
const LEADING = new Set(["DET", "ADP", "CCONJ", "PRON", "PART", "NUM", "PUNCT"]);
const PREPOSITIONS = new Set(["of", "with", "from", "in", "at", "on", "for"]);
const MAX_TOKENS = 10;

/** What a figure of each unit measures when the sentence gives no better label. */
const FALLBACK: Readonly<Record<Unit, string>> = {
  USD: "amount of money",
  EUR: "amount of money",
  GBP: "amount of money",
  RUB: "amount of money",
  AZN: "amount of money",
  IRR: "amount of money",
  ILS: "amount of money",
  TRY: "amount of money",
  CNY: "amount of money",
  percent: "share",
  count: "number",
  km: "length",
  km2: "area",
  t: "weight",
  m3: "volume",
  bbl: "volume of oil",
  MW: "capacity",
  minute: "duration",
  day: "duration",
  month: "duration",
  year: "duration",
};

const isNumberToken = (t: Token): boolean => t.pos === "NUM" || /^\d/.test(t.text);

/** The index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function slice(sentence: Sentence, tokens: readonly Token[], from: number, to: number): string {
  const a = tokens[from];
  const b = tokens[to];
  if (!a || !b || to < from) return "";
  return sentence.text.slice(a.start - sentence.start, b.end - sentence.start);
}

/** Lower-cases the first letter unless the first word is a name. */
function label(text: string, tokens: readonly Token[], at: number, sentence: Sentence): string {
  const first = tokens[at];
  if (!text || !first) return text;
  // A name keeps its capital; a common word capitalised only as the sentence's first ("Trade turnover") loses it.
  const initial = first.start === sentence.start;
  const second = tokens[at + 1];
  const common = first.pos !== "PROPN" || (initial && second?.pos === "NOUN" && /^[a-z]/.test(second.text));
  return common && !/^[A-Z]{2,}/.test(first.text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** "its oil needs": a plural noun the tagger read as a verb, ending a phrase. */
function isNounLikeVerb(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (
    t?.pos === "VERB" &&
    t.text.endsWith("s") &&
    (before?.pos === "NOUN" || before?.text === "’s" || before?.text === "'s") &&
    (after === undefined || after.pos === "PUNCT" || after.pos === "ADP")
  );
}

/** The noun phrase starting at token `from`; null without a noun. */
function phraseAfter(sentence: Sentence, tokens: readonly Token[], from: number): string | null {
  let end = from - 1;
  let noun = false;
  for (let k = from; k < tokens.length && k < from + MAX_TOKENS; k++) {
    const t = tokens[k];
    if (!t) break;
    const joins = t.text.toLowerCase() === "and" && NP_POS.has(tokens[k + 1]?.pos ?? "");
    if (!NP_POS.has(t.pos) && t.text !== "'s" && t.text !== "’s" && !joins && !isNounLikeVerb(tokens, k))
      break;
    if (t.pos === "PRON" && k > from && !/^(?:its|their|his|her|our)$/i.test(t.text)) break;
    if (t.pos === "NOUN" || t.pos === "PROPN") noun = true;
    end = k;
  }
  return noun ? slice(sentence, tokens, from, end) : null;
}

/** Character spans the metric should not be made of: actor names, date expressions. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const overlaps = (tokens: readonly Token[], from: number, to: number, spans: readonly Span[]): boolean => {
  const a = tokens[from]?.start ?? 0;
  const b = tokens[to]?.end ?? 0;
  return spans.some((s) => s.start < b && a < s.end);
};

/**
 * The noun phrase ending at token `end`, walking back; null without a common
 * noun, unless it is a capitalised word that names no actor (the tagger reads
 * a sentence's first word, "Output", as a name).
 */
function phraseBefore(
  tokens: readonly Token[],
  end: number,
  names: readonly Span[],
): [number, number] | null {
  let start = end + 1;
  for (let k = end; k >= 0 && end - k < MAX_TOKENS; k--) {
    const t = tokens[k];
    if (!t) break;
    if (!NP_POS.has(t.pos) && !LINKS.has(t.text.toLowerCase()) && t.text !== "'s" && t.text !== "’s") break;
    if (t.pos === "PRON" && !/^(?:its|their|his|her|our)$/i.test(t.text)) break;
    start = k;
  }
  while (
    start <= end &&
    (LEADING.has(tokens[start]?.pos ?? "") || LINKS.has(tokens[start]?.text.toLowerCase() ?? ""))
  )
    start++;
  while (end >= start && (LINKS.has(tokens[end]?.text.toLowerCase() ?? "") || tokens[end]?.pos === "DET"))
    end--;
  if (end < start) return null;
  for (let k = start; k <= end; k++) if (tokens[k]?.pos === "NOUN") return [start, end];
  return start === 0 && end === 0 && tokens[0]?.pos === "PROPN" && !overlaps(tokens, 0, 0, names)
    ? [0, 0]
    : null;
}

/** The subject of the clause the figure stands in: the noun phrase before its verb ("Mutual investments have reached"). */
function subjectBefore(
  tokens: readonly Token[],
  first: number,
  names: readonly Span[],
): [number, number] | null {
  for (let k = first - 1; k >= 0; k--) {
    const t = tokens[k];
    if (!t) break;
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    let v = k;
    while (v > 0 && VERB_CHAIN.has(tokens[v - 1]?.pos ?? "")) v--;
    // "relations that have been compromised": the phrase before the relative pronoun.
    if (/^(?:that|which|who)$/i.test(tokens[v - 1]?.text ?? "")) v--;
    const np = phraseBefore(tokens, v - 1, names);
    if (np) return np;
    k = v;
  }
  return null;
}

/**
 * A short label of what the figure measures, taken from the sentence:
 * "share of its oil needs" (a percentage of something), "representatives of
 * economic organizations" (a count), "length of border" ("a 765-kilometer
 * border"), or the subject of the clause ("Mutual investments"); a word for
 * the unit when the sentence gives none.
 */
export function metricOf(
  sentence: Sentence,
  tokens: readonly Token[],
  quantity: Quantity,
  names: readonly Span[] = [],
  dates: readonly Span[] = [],
): string {
  const first = tokenAt(tokens, quantity.start);
  const after = tokenAt(tokens, quantity.end);
  const next = tokens[after];
  const nextWord = next?.text.toLowerCase();

  if (quantity.unit === "percent" && nextWord === "of") {
    const np = phraseAfter(sentence, tokens, after + 1);
    if (np) return `share of ${np}`;
  }
  if (quantity.unit === "count") {
    let lastNumber = first;
    for (let k = first; k < after; k++) {
      const token = tokens[k];
      if (token && isNumberToken(token)) lastNumber = k;
    }
    const head = slice(sentence, tokens, lastNumber + 1, after - 1);
    if (head) {
      const np = nextWord && PREPOSITIONS.has(nextWord) ? phraseAfter(sentence, tokens, after + 1) : null;
      return label(np ? `${head} ${next?.text ?? ""} ${np}` : head, tokens, lastNumber + 1, sentence);
    }
  }
  // "a 765-kilometer border", "the 44-day war"
  const last = tokens[after - 1];
  const hyphenated = quantity.text.includes("-") && last !== undefined && !/^[\d%]/.test(last.text);
  if (hyphenated && (next?.pos === "NOUN" || next?.pos === "PROPN")) {
    const np = phraseAfter(sentence, tokens, after);
    if (np) return `${FALLBACK[quantity.unit]} of ${label(np, tokens, after, sentence)}`;
  }
  const subject = subjectBefore(tokens, first, names);
  if (subject) {
    const text = slice(sentence, tokens, subject[0], subject[1]);
    // A lone first word that names no actor is a common noun the tagger capitalised.
    const lone = subject[1] === 0 && tokens[0]?.pos === "PROPN";
    return lone ? text.toLowerCase() : label(text, tokens, subject[0], sentence);
  }
  // "$5 billion in trade"
  if (nextWord && PREPOSITIONS.has(nextWord) && !overlaps(tokens, after + 1, after + 1, dates)) {
    const np = phraseAfter(sentence, tokens, after + 1);
    if (np) return `${FALLBACK[quantity.unit]} of ${label(np, tokens, after + 1, sentence)}`;
  }
  return FALLBACK[quantity.unit];
}
