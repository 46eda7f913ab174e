import type { Sentence, Token } from "../../core/ports.ts";
import { CURRENCIES, type Unit } from "../../core/records.ts";
import type { UnitTable } from "../quantities/units.ts";
import type { Quantity } from "../types.ts";
import { tokenAt } from "./tokens.ts";

// Parts of speech a noun phrase is made of, its heads, and the words that join its parts.
const NP_POS = new Set(["ADJ", "NOUN", "PROPN", "NUM", "DET", "PART", "PRON"]);
const LINKS = new Set(["of", "between", "with", "and", "in", "on", "for", "from", "to", "-", "–"]);
const VERB_CHAIN = new Set(["AUX", "ADV", "PART", "VERB"]);
const LEADING = new Set(["DET", "ADP", "CCONJ", "PRON", "PART", "NUM", "PUNCT"]);
const PREPOSITIONS = new Set(["of", "with", "from", "in", "at", "on", "for"]);
const MAX_TOKENS = 10;
// Units whose figure after "of" is the noun itself ("a transit fee of $0.80" is the transit fee; "a blockade of nine months" its duration).
const MEASURED_AS_ITSELF = new Set<Unit>([...CURRENCIES, "percent"]);

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

/** The word lists of the unit table that labelling reads. */
export type MetricWords = Pick<UnitTable, "figureNouns" | "estimatingVerbs">;
const NO_WORDS: MetricWords = { figureNouns: new Set(), estimatingVerbs: new Set() };

const isNumberToken = (t: Token): boolean => t.pos === "NUM" || /^\d/.test(t.text);

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
  // "Exports of wine": a sentence's first word tagged a name but followed by a lower-case noun or preposition.
  const common =
    first.pos !== "PROPN" ||
    (initial && /^(?:NOUN|ADP)$/.test(second?.pos ?? "") && /^[a-z]/.test(second?.text ?? ""));
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

/** "Russia 31 percent", "31 percent": a name or number that opens another figure. */
function startsFigure(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  return (
    t !== undefined && (isNumberToken(t) || (t.pos === "PROPN" && next !== undefined && isNumberToken(next)))
  );
}

/** The noun phrase starting at token `from`; null without a noun. */
function phraseAfter(sentence: Sentence, tokens: readonly Token[], from: number): string | null {
  let end = from - 1;
  let noun = false;
  for (let k = from; k < tokens.length && k < from + MAX_TOKENS; k++) {
    const t = tokens[k];
    if (!t) break;
    const lower = t.text.toLowerCase();
    const following = tokens[k + 1];
    const joins =
      lower === "and" &&
      NP_POS.has(following?.pos ?? "") &&
      !startsFigure(tokens, k + 1) &&
      !/^(?:that|which|who)$/i.test(following?.text ?? "");
    // "imports of major weapons": an of-complement stays in the phrase ("the war of 2020" is a date).
    const complement = lower === "of" && noun && /^(?:ADJ|NOUN|PROPN|DET)$/.test(following?.pos ?? "");
    // "oil worth $1.38 billion": the value word starts another figure's phrase.
    if (lower === "worth") break;
    if (
      !NP_POS.has(t.pos) &&
      t.text !== "'s" &&
      t.text !== "’s" &&
      !joins &&
      !complement &&
      !isNounLikeVerb(tokens, k)
    )
      break;
    // "... imports and Russia 31 percent": a number after the head starts the next figure.
    if (noun && isNumberToken(t)) break;
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
    // "told reporters that trade ...": the phrase starts after a relative or complement "that".
    if (/^(?:that|which|who)$/i.test(t.text) && k < end) break;
    // "Under the deal Israel agreed": a name right after a common noun starts a phrase of its own.
    if (t.pos === "NOUN" && overlaps(tokens, k + 1, k + 1, names) && k < end) break;
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

/**
 * The subject of the clause the figure stands in: the noun phrase before its
 * verb ("Mutual investments have reached"); with `nearestOnly`, of the nearest
 * verb only, else of the first verb back that has one ("Iranian officials
 * said Russia would invest ...").
 */
function subjectBefore(
  tokens: readonly Token[],
  first: number,
  names: readonly Span[],
  nearestOnly: boolean,
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
    if (np || nearestOnly) return np;
    k = v;
  }
  return null;
}

/** The label for a figure of `unit` when the sentence gives none ("share", "amount of money"). */
export function fallbackMetric(unit: Unit): string {
  return FALLBACK[unit];
}

/** The subject of the clause the figure stands in, as a label; null when that subject is a bare name. */
function subjectLabel(
  sentence: Sentence,
  tokens: readonly Token[],
  subject: [number, number] | null,
): string | null {
  if (!subject) return null;
  const text = slice(sentence, tokens, subject[0], subject[1]);
  // A lone first word that names no actor is a common noun the tagger capitalised.
  const lone = subject[1] === 0 && tokens[0]?.pos === "PROPN";
  return lone ? text.toLowerCase() : label(text, tokens, subject[0], sentence);
}

/**
 * A short label of what the figure measures, taken from the sentence:
 * "share of its oil needs" (a percentage of something), "stake in the field"
 * ("a 10% stake in the field"), "representatives of economic organizations"
 * (a count), "length of border" ("a 765-kilometer border"), "transit fee"
 * ("a transit fee of about $0.80"), "value of arms" ("arms worth $825
 * million"), the subject of the clause ("Mutual investments have reached"),
 * "amount of money in compensation" ("Israel agreed to pay $20 million in
 * compensation"); a word for the unit when the sentence gives none.
 */
export function metricOf(
  sentence: Sentence,
  tokens: readonly Token[],
  quantity: Quantity,
  names: readonly Span[] = [],
  dates: readonly Span[] = [],
  words: MetricWords = NO_WORDS,
): string {
  const first = tokenAt(tokens, quantity.start);
  const after = tokenAt(tokens, quantity.end);
  const next = tokens[after];
  const nextWord = next?.text.toLowerCase();
  const fallback = FALLBACK[quantity.unit];
  // A phrase after a preposition, unless it is a date ("four diplomats in April").
  const prepositional = (at: number): string | null =>
    overlaps(tokens, at, at, dates) ? null : phraseAfter(sentence, tokens, at);

  if (quantity.unit === "percent" && nextWord === "of") {
    const np = phraseAfter(sentence, tokens, after + 1);
    if (np) return `share of ${np}`;
  }
  // "a 25% share", "a 10% stake in the field"
  if (quantity.unit === "percent" && next?.pos === "NOUN") {
    const np = phraseAfter(sentence, tokens, after);
    const end = np === null ? after : tokenAt(tokens, next.start + np.length);
    const link = tokens[end]?.text.toLowerCase() ?? "";
    const more = PREPOSITIONS.has(link) ? prepositional(end + 1) : null;
    if (np) return label(more ? `${np} ${link} ${more}` : np, tokens, after, sentence);
  }
  if (quantity.unit === "count") {
    let lastNumber = first;
    for (let k = first; k < after; k++) {
      const token = tokens[k];
      if (token && isNumberToken(token)) lastNumber = k;
    }
    const head = slice(sentence, tokens, lastNumber + 1, after - 1);
    if (head) {
      const np = nextWord && PREPOSITIONS.has(nextWord) ? prepositional(after + 1) : null;
      return label(np ? `${head} ${next?.text ?? ""} ${np}` : head, tokens, lastNumber + 1, sentence);
    }
  }
  // "a 765-kilometer border", "the 44-day war"
  const last = tokens[after - 1];
  const hyphenated = quantity.text.includes("-") && last !== undefined && !/^[\d%]/.test(last.text);
  if (hyphenated && /^(?:NOUN|PROPN|ADJ)$/.test(next?.pos ?? "")) {
    const np = phraseAfter(sentence, tokens, after);
    if (np) return `${fallback} of ${label(np, tokens, after, sentence)}`;
  }
  // "a transit fee of about $0.80", "arms worth about $825 million"
  const joiner = tokens[first - 1]?.text.toLowerCase() ?? "";
  // "Reports put Israel's share of its arms at about 60 percent": the verb's object names the figure.
  if (joiner === "at") {
    const object = phraseBefore(tokens, first - 2, names);
    let v = (object?.[0] ?? 0) - 1;
    while (v > 0 && LEADING.has(tokens[v]?.pos ?? "")) v--;
    const verb = tokens[v];
    if (object && verb?.pos === "VERB" && words.estimatingVerbs.has(verb.lemma)) {
      return label(slice(sentence, tokens, object[0], object[1]), tokens, object[0], sentence);
    }
  }
  const valuedAt = joiner === "at" && tokens[first - 2]?.text.toLowerCase() === "valued";
  let head =
    joiner === "worth" || joiner === "of" || valuedAt
      ? phraseBefore(tokens, first - (valuedAt ? 3 : 2), names)
      : null;
  // "2.24 million tonnes of oil worth $1.38 billion": the value of the oil, not of the tonnes.
  const measured = head ? tokens[head[0] - 1] : undefined;
  if (head && measured && isNumberToken(measured)) {
    let of = head[0];
    while (of < head[1] && tokens[of]?.text.toLowerCase() !== "of") of++;
    head = of < head[1] ? [of + 1, head[1]] : null;
  }
  const headWord = head ? (tokens[head[1]]?.text.toLowerCase() ?? "") : "";
  // Not a name ("Israel worth ...") nor a figure word ("a total of").
  const usable =
    head !== null && !overlaps(tokens, head[1], head[1], names) && !words.figureNouns.has(headWord);
  if (head && usable) {
    const np = label(slice(sentence, tokens, head[0], head[1]), tokens, head[0], sentence);
    if (joiner !== "of") return `value of ${np}`;
    return MEASURED_AS_ITSELF.has(quantity.unit) ? np : `${fallback} of ${np}`;
  }
  const nearest = subjectLabel(sentence, tokens, subjectBefore(tokens, first, names, true));
  if (nearest) return nearest;
  // "$5 billion in trade", "$20 million in compensation"
  if (nextWord && PREPOSITIONS.has(nextWord)) {
    const np = prepositional(after + 1);
    if (np) return `${fallback} ${nextWord} ${label(np, tokens, after + 1, sentence)}`;
  }
  return subjectLabel(sentence, tokens, subjectBefore(tokens, first, names, false)) ?? fallback;
}
