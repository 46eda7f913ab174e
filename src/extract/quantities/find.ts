import type { Sentence } from "../../core/ports.ts";
import type { Qualifier, Unit } from "../../core/records.ts";
import type { Quantity } from "../types.ts";
import { type Piece, parseNumber, toPieces } from "./pieces.ts";
import type { UnitForm, UnitTable } from "./units.ts";

const DASHES = new Set(["-", "–", "—"]);
const DURATIONS = new Set<Unit>(["minute", "day", "month", "year"]);
// Nouns, their modifiers and demonyms may stand between a number and the counted noun.
const COUNT_RUN_POS = new Set(["ADJ", "NOUN", "PROPN", "VERB"]);
const COUNT_RUN_LENGTH = 4;
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

interface NumberRead {
  readonly value: number;
  /** Index of the first piece after the number. */
  readonly end: number;
  /** Written as a word ("four"), not in digits. */
  readonly word: boolean;
}

interface Read {
  readonly quantities: Quantity[];
  /** Index of the first piece after the figure. */
  readonly next: number;
}

/** Rounds away float noise (4.1 * 1e6 = 4099999.9999999995). */
function normalise(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Finds the figures of one sentence: money, percentages, counts of countable
 * things, distances, areas, volumes, weights and durations, with their range,
 * unit (normalised as `data/units.json` says) and qualifier. Years, dates,
 * ordinals, vague words ("billions", "dozens"), numbers in names
 * ("Resolution 2231", "F-35") and anaphoric "the two countries" give nothing.
 * A bare number counts only before a countable noun of `data/quantity-words.json`
 * ("four Iranian diplomats"; "two-state" and "the two members" do not);
 * "two dozen" is 24 and approximate, as are "a decade" and "a million";
 * "from 40 to 65%" is two figures (a change), "between 40 and 65%" one range;
 * durations that are time windows ("the past two decades") or dates and ages
 * ("two years ago", "30-year-old") are left out.
 *
 * @example findQuantities(sentence("Mutual investments reached $600 million."), units)
 *   // [{ value: 600000000, valueMax: null, unit: "USD", qualifier: "exact", text: "$600 million", ... }]
 */
export function findQuantities(sentence: Sentence, units: UnitTable): Quantity[] {
  if (!units.gate.test(sentence.text)) return [];
  const pieces = toPieces(sentence.tokens);
  const found: { quantity: Quantity; first: number; last: number }[] = [];
  let i = 0;
  while (i < pieces.length) {
    const read = readFigure(pieces, i, units, sentence);
    if (!read) {
      i++;
      continue;
    }
    for (const quantity of read.quantities) found.push({ quantity, first: i, last: read.next });
    i = Math.max(read.next, i + 1);
  }
  return mergeRanges(found, pieces, sentence);
}

function readNumber(pieces: readonly Piece[], i: number, units: UnitTable): NumberRead | null {
  const piece = pieces[i];
  if (!piece) return null;
  const digits = parseNumber(piece.text);
  if (digits !== null) return { value: digits, end: i + 1, word: false };
  const word = units.numberWords.get(piece.lower);
  if (word !== undefined) {
    // "twenty five"
    const next = pieces[i + 1];
    const unit = next ? units.numberWords.get(next.lower) : undefined;
    if (word >= 20 && word % 10 === 0 && unit !== undefined && unit < 10) {
      return { value: word + unit, end: i + 2, word: true };
    }
    return { value: word, end: i + 1, word: true };
  }
  // "twenty-five" as one token
  if (!piece.lower.includes("-")) return null;
  const [tens, ones, ...rest] = piece.lower.split("-");
  if (tens !== undefined && ones !== undefined && rest.length === 0) {
    const t = units.numberWords.get(tens);
    const o = units.numberWords.get(ones);
    if (t !== undefined && o !== undefined && t >= 20 && o < 10)
      return { value: t + o, end: i + 1, word: true };
  }
  return null;
}

/** The longest unit form at piece `i` that may stand on the given side of a number. */
export function matchForm(
  pieces: readonly Piece[],
  i: number,
  units: UnitTable,
  side: "before" | "after",
): UnitForm | null {
  const piece = pieces[i];
  if (!piece) return null;
  // The forms of the text as written, then of its lower case; most pieces have neither.
  const best = bestForm(pieces, i, units.forms.get(piece.text), side, null);
  return bestForm(pieces, i, units.forms.get(piece.lower), side, best);
}

/** The longest of `forms` that matches at piece `i`, if longer than `best`; else `best`. */
function bestForm(
  pieces: readonly Piece[],
  i: number,
  forms: readonly UnitForm[] | undefined,
  side: "before" | "after",
  best: UnitForm | null,
): UnitForm | null {
  if (!forms) return best;
  for (const form of forms) {
    if (side === "before" ? !form.before : !form.after) continue;
    if (best && best.words.length >= form.words.length) continue;
    const matches = form.words.every((word, k) => {
      const p = pieces[i + k];
      return p !== undefined && (form.code ? p.text === word : p.lower === word);
    });
    if (matches) best = form;
  }
  return best;
}

/** A qualifier phrase ending right before piece `i`, and where it starts. */
function qualifierBefore(
  pieces: readonly Piece[],
  i: number,
  units: UnitTable,
): { qualifier: Qualifier; start: number } | null {
  const last = pieces[i - 1];
  if (!last) return null;
  for (const phrase of units.qualifiersBefore.get(last.lower) ?? []) {
    const start = i - phrase.words.length;
    if (start < 0) continue;
    if (!phrase.words.every((word, k) => pieces[start + k]?.lower === word)) continue;
    const governor = pieces[start - 1];
    if (
      phrase.words.length === 1 &&
      governor &&
      (units.notQualifierAfter.has(governor.lemma) || units.notQualifierAfter.has(governor.lower))
    ) {
      return null;
    }
    return { qualifier: phrase.value, start };
  }
  return null;
}

/** A qualifier phrase starting at piece `i`, and the index after it. */
function qualifierAfter(
  pieces: readonly Piece[],
  i: number,
  units: UnitTable,
): { qualifier: Qualifier; end: number } | null {
  const first = pieces[i];
  if (!first) return null;
  for (const phrase of units.qualifiersAfter.get(first.lower) ?? []) {
    if (phrase.words.every((word, k) => pieces[i + k]?.lower === word)) {
      return { qualifier: phrase.value, end: i + phrase.words.length };
    }
  }
  return null;
}

function isCountNoun(piece: Piece | undefined, units: UnitTable): boolean {
  return piece !== undefined && (units.countNouns.has(piece.lemma) || units.countNouns.has(piece.lower));
}

/** "20 Palestinians", "four Israelis": a capitalised plural standing as a noun counts people. */
function isPluralDemonym(pieces: readonly Piece[], k: number): boolean {
  const piece = pieces[k];
  const next = pieces[k + 1];
  return (
    piece?.pos === "PROPN" &&
    /^[A-Z][a-z]+[^s]s$/.test(piece.text) &&
    next?.pos !== "NOUN" &&
    next?.pos !== "PROPN"
  );
}

function isYearLike(pieces: readonly Piece[], read: NumberRead, start: number): boolean {
  const text = pieces[start]?.text ?? "";
  return !read.word && /^\d{4}$/.test(text) && read.value >= YEAR_MIN && read.value <= YEAR_MAX;
}

/** "F-35", "Su-30", "Resolution 2231", "page 4": the number is part of a name or a reference. */
function isInName(pieces: readonly Piece[], start: number, units: UnitTable): boolean {
  const before = pieces[start - 1];
  const number = pieces[start];
  if (!before || !number) return false;
  if (units.nameWords.has(before.lower)) return true;
  if (DASHES.has(before.text) && !number.spaced) {
    const word = pieces[start - 2];
    return (
      word !== undefined &&
      !before.spaced &&
      /^[A-Za-z]+$/.test(word.text) &&
      !units.numberWords.has(word.lower)
    );
  }
  return false;
}

function readFigure(pieces: readonly Piece[], i: number, units: UnitTable, sentence: Sentence): Read | null {
  const first = pieces[i];
  if (!first) return null;

  // A currency or unit written before the number: "$", "US$", "AZN".
  let currency: UnitForm | null = null;
  let numberAt = i;
  const before = matchForm(pieces, i, units, "before");
  if (before && readNumber(pieces, i + before.words.length, units)) {
    currency = before;
    numberAt = i + before.words.length;
  }

  let read = readNumber(pieces, numberAt, units);
  let article = false;
  if (!read && (first.lower === "a" || first.lower === "an") && pieces[i - 1]?.lower !== "half") {
    // "a decade", "a million people", "a dozen"
    const next = pieces[i + 1];
    const scale = next ? units.scales.get(next.lower) : undefined;
    const form = matchForm(pieces, i + 1, units, "after");
    if ((scale && !scale.currencyOnly) || form?.article) {
      read = { value: 1, end: i + 1, word: true };
      article = true;
    }
  }
  if (!read) return null;
  if (!currency && !article && isInName(pieces, numberAt, units)) return null;

  let j = read.end;
  let valueMax: number | null = null;
  let change = false;
  let secondAt = -1;
  // A range: "40-65", "40 to 65", "between 40 and 65"; "from 40 to 65" is a change between two figures.
  const connector = pieces[j];
  const opener = pieces[i - 1]?.lower;
  if (
    connector &&
    !article &&
    (DASHES.has(connector.text) ||
      connector.lower === "to" ||
      (connector.lower === "and" && opener === "between"))
  ) {
    let k = j + 1;
    if (currency && matchForm(pieces, k, units, "before") === currency) k += currency.words.length;
    const second = readNumber(pieces, k, units);
    if (second?.word === read.word && second.value > read.value) {
      valueMax = second.value;
      change = opener === "from" && connector.lower === "to";
      secondAt = k;
      j = second.end;
    }
  }

  // Scale words: "million", "bn", "-billion", "two dozen".
  let scale = 1;
  let scaleApprox = false;
  for (;;) {
    const piece = pieces[j];
    if (!piece) break;
    const hyphen = DASHES.has(piece.text) && !piece.spaced;
    const at = hyphen ? j + 1 : j;
    const word = pieces[at];
    const found = word ? units.scales.get(word.lower) : undefined;
    if (!found) break;
    if (found.currencyOnly && !currency && !matchForm(pieces, at + 1, units, "after")) break;
    scale *= found.factor;
    scaleApprox ||= found.approx;
    j = at + 1;
  }

  let qualifier: Qualifier = "exact";
  const inner = qualifierAfter(pieces, j, units);
  if (inner) {
    qualifier = inner.qualifier;
    j = inner.end;
  }

  // The unit after the number: "percent", "-kilometer", "bcm", "dollars".
  let unit: Unit | null = currency?.unit ?? null;
  let factor = currency?.factor ?? 1;
  let end = j;
  let hyphenated = false;
  if (!currency) {
    const piece = pieces[j];
    hyphenated = piece !== undefined && DASHES.has(piece.text) && !piece.spaced;
    const at = hyphenated ? j + 1 : j;
    const form = matchForm(pieces, at, units, "after");
    if (form && (!article || form.article)) {
      unit = form.unit;
      factor = form.factor;
      end = at + form.words.length;
    }
  } else {
    // "$5 billion US dollars": the currency named twice.
    const form = matchForm(pieces, j, units, "after");
    if (form?.unit === currency.unit) end = j + form.words.length;
  }

  if (unit === null) {
    // A count: the number must stand before a countable noun, as a figure of its own.
    if (article || hyphenated || (scale === 1 && isYearLike(pieces, read, numberAt))) return null;
    if (read.word && read.value === 1 && scale === 1) return null;
    const determiner = pieces[i - 1]?.lower;
    if (read.word && determiner !== undefined && units.anaphoricDeterminers.has(determiner)) return null;
    const previous = pieces[i - 1];
    if (
      previous?.pos === "PROPN" &&
      /^[A-Z]/.test(previous.text) &&
      !units.calendar.months.has(previous.lower)
    )
      return null;
    let head = -1;
    for (let k = j; k < j + COUNT_RUN_LENGTH; k++) {
      const piece = pieces[k];
      if (!piece || !COUNT_RUN_POS.has(piece.pos)) break;
      // "on June 23 Iran fired missiles": a name and its verb start a clause, not a counted noun.
      if (piece.pos === "VERB" && pieces[k - 1]?.pos === "PROPN") break;
      if (isCountNoun(piece, units) || isPluralDemonym(pieces, k)) {
        head = k;
        // "53 embassy staff", "16 civilian advisers": the counted noun is the last of a compound.
        while (pieces[head + 1]?.pos === "NOUN") head++;
        break;
      }
    }
    if (head < 0) return null;
    const noun = pieces[head];
    if (read.word && read.value <= units.participantMax && noun && units.participantNouns.has(noun.lemma))
      return null;
    unit = "count";
    factor = 1;
    end = head + 1;
  } else if (DURATIONS.has(unit)) {
    let after = end;
    if (DASHES.has(pieces[after]?.text ?? "") && !pieces[after]?.spaced) after++;
    if (units.notAfter.has(pieces[after]?.lower ?? "")) return null;
    const window = pieces[i - 1]?.lower;
    if (window !== undefined && units.windowWords.has(window)) return null;
  }

  if (qualifier === "exact") {
    const outer = qualifierAfter(pieces, end, units);
    if (outer) {
      qualifier = outer.qualifier;
      end = outer.end;
    }
  }
  let start = i;
  const lead = qualifierBefore(pieces, i, units);
  if (lead) {
    qualifier = lead.qualifier;
    start = lead.start;
  } else if (qualifier === "exact" && (scaleApprox || article)) {
    // "two dozen", "a decade", "a million": round figures, not counts.
    qualifier = "approx";
  }

  const value = (n: number): number => normalise(n * scale * factor);
  const quantity = (from: number, to: number, low: number, high: number | null): Quantity => {
    const s = pieces[from]?.start ?? sentence.start;
    const e = pieces[to - 1]?.end ?? sentence.end;
    return {
      start: s,
      end: e,
      text: sentence.text.slice(s - sentence.start, e - sentence.start),
      value: value(low),
      valueMax: high === null ? null : value(high),
      unit: unit,
      qualifier,
    };
  };
  if (change && valueMax !== null) {
    return {
      quantities: [quantity(start, read.end, read.value, null), quantity(secondAt, end, valueMax, null)],
      next: end,
    };
  }
  return { quantities: [quantity(start, end, read.value, valueMax)], next: end };
}

/** "between $5 billion and $7 billion", "$5bn-$7bn": two figures of one unit joined into a range. */
function mergeRanges(
  found: readonly { quantity: Quantity; first: number; last: number }[],
  pieces: readonly Piece[],
  sentence: Sentence,
): Quantity[] {
  const out: Quantity[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k];
    if (!a) continue;
    const b = found[k + 1];
    const gap = b ? pieces.slice(a.last, b.first) : [];
    const joiner = gap.length === 1 ? gap[0] : undefined;
    const joined =
      b !== undefined &&
      joiner !== undefined &&
      a.quantity.valueMax === null &&
      b.quantity.valueMax === null &&
      a.quantity.unit === b.quantity.unit &&
      b.quantity.value > a.quantity.value &&
      (DASHES.has(joiner.text) || (joiner.lower === "and" && pieces[a.first - 1]?.lower === "between"));
    if (joined) {
      out.push({
        ...a.quantity,
        end: b.quantity.end,
        text: sentence.text.slice(a.quantity.start - sentence.start, b.quantity.end - sentence.start),
        valueMax: b.quantity.value,
      });
      k++;
    } else {
      out.push(a.quantity);
    }
  }
  return out;
}
