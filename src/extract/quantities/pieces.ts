import type { Token } from "../../core/ports.ts";

/**
 * A token, or part of one, as figure and date recognition read it. The NLP
 * engine keeps "40-65", "5bn", "US$600" and "mid-2023" whole; here they become
 * "40" "-" "65", "5" "bn", "US$" "600" and "mid" "-" "2023", so that one
 * grammar covers the written and the spaced forms.
 */
export interface Piece {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly pos: string;
  readonly lemma: string;
  /** Whitespace (or nothing recognised) separates it from the piece before. */
  readonly spaced: boolean;
}

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const RANGE = new RegExp(String.raw`^(${NUMBER})([-–—])(${NUMBER})$`);
const NUMBER_SUFFIX = new RegExp(String.raw`^(${NUMBER})([a-zA-Z%$€£₼₽₪₺²³/]+)$`);
const CURRENCY_NUMBER = new RegExp(String.raw`^((?:US|U\.S\.|[A-Z]{1,3})?[$€£₼₽₪₺])(${NUMBER})$`);
const WORD_NUMBER = new RegExp(String.raw`^([A-Za-z]+)([-–])(${NUMBER})$`);
// "2nd", "1990s": kept whole; they are ordinals and decades, not a number and a unit.
const KEEP_SUFFIX = /^(?:st|nd|rd|th|s)$/i;

/** A plain number as written: "1,500", "2.5", "40". Null for anything else ("3,4", "1.2.3"). */
export function parseNumber(text: string): number | null {
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text)) return null;
  const value = Number(text.replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}

/** True for a number written with digits only. */
export function isDigits(text: string): boolean {
  return parseNumber(text) !== null;
}

/**
 * Splits a sentence's tokens into pieces (see `Piece`). Date and figure
 * recognition each split the sentences they look at: sharing the pieces
 * through a WeakMap keyed by the tokens cost more (in garbage collection of
 * its entries) than splitting a sentence twice.
 */
export function toPieces(tokens: readonly Token[]): Piece[] {
  const pieces: Piece[] = [];
  let previousEnd = -1;
  const push = (token: Token, text: string, offset: number, pos: string): void => {
    const start = token.start + offset;
    pieces.push({
      text,
      lower: text.toLowerCase(),
      start,
      end: start + text.length,
      pos,
      lemma: text === token.text ? token.lemma : text.toLowerCase(),
      spaced: start !== previousEnd,
    });
    previousEnd = start + text.length;
  };
  for (const token of tokens) {
    const text = token.text;
    // Every split needs a digit; most tokens have none.
    if (!/\d/.test(text)) {
      push(token, text, 0, token.pos);
      continue;
    }
    const parts =
      RANGE.exec(text) ??
      CURRENCY_NUMBER.exec(text) ??
      WORD_NUMBER.exec(text) ??
      (() => {
        const m = NUMBER_SUFFIX.exec(text);
        return m && !KEEP_SUFFIX.test(m[2] ?? "") ? m : null;
      })();
    if (!parts || token.end - token.start !== text.length) {
      push(token, text, 0, token.pos);
      continue;
    }
    let offset = 0;
    for (const part of parts.slice(1)) {
      if (!part) continue;
      const pos = isDigits(part) ? "NUM" : /^[-–—]$/.test(part) ? "PUNCT" : token.pos;
      push(token, part, offset, pos);
      offset += part.length;
    }
  }
  return pieces;
}
