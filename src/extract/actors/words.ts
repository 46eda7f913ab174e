import type { Sentence } from "../../core/ports.ts";

/**
 * A run of letters and digits in a sentence, as actor recognition reads it.
 * Words are cut from the sentence text itself rather than taken from the NLP
 * tokens, so that names match however the tokenizer splits them (wink cuts
 * "Erdoğan" into three tokens and keeps "U.S." whole); alias phrases are cut
 * the same way, so "Sa'ar", "Amir-Abdollahian" and "U.S." match in every
 * spelling of their separators.
 */
export interface Word {
  /** Absolute offsets into the document text. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** Lower case without diacritics: the trie key ("Türkiye" -> "turkiye"). */
  readonly key: string;
  /** Starts with a capital letter. */
  readonly capital: boolean;
  /** Has letters and none of them lower case ("US", "NATO"). */
  readonly upper: boolean;
  /** The characters between the previous word (or the sentence start) and this one. */
  readonly gap: string;
  /** Universal POS of the NLP token the word starts in ("" when none). */
  readonly pos: string;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}/gu;
// Letters NFKD does not decompose into a base letter and a mark.
const LETTERS: Readonly<Record<string, string>> = {
  ı: "i",
  ə: "a",
  ø: "o",
  ł: "l",
  đ: "d",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
};
const SPECIAL = /[ıəøłđßæœþ]/g;

// Character classes by UTF-16 code unit: 0 not part of a word, 1 lower-case
// letter, 2 upper-case letter, 3 other word character (digit, mark, caseless
// letter); UNSEEN until first asked.
const UNSEEN = 255;
const classes = new Uint8Array(65536).fill(UNSEEN);

function classify(code: number): number {
  const known = classes[code] ?? 0;
  if (known !== UNSEEN) return known;
  const c = String.fromCharCode(code);
  const kind = !WORD_CHAR.test(c) ? 0 : c !== c.toUpperCase() ? 1 : c !== c.toLowerCase() ? 2 : 3;
  classes[code] = kind;
  return kind;
}

/** The matching key of a word: lower case, diacritics removed. */
export function foldKey(raw: string): string {
  const lower = raw.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    .normalize("NFKD")
    .replace(MARKS, "");
}

/**
 * Cuts `text` into words; `base` is the offset of `text` in the document.
 * Text that lost its spaces ("relationsAzerbaijan") splits where a lower-case
 * letter meets a capital; alias phrases split the same way, so nothing is lost.
 */
export function splitWords(text: string, base = 0, sentence?: Sentence): Word[] {
  const words: Word[] = [];
  const cursor: Cursor = { tokens: sentence?.tokens ?? [], token: 0, previousEnd: 0 };
  const length = text.length;
  let i = 0;
  while (i < length) {
    let kind = classify(text.charCodeAt(i));
    if (kind === 0) {
      i++;
      continue;
    }
    let from = i;
    let capital = kind === 2;
    let lower = kind === 1;
    let cased = kind !== 3;
    let plain = kind === 1 || (kind === 3 && text.charCodeAt(i) < 128);
    // Only ASCII since `from`: its key needs lower case and no folding.
    let ascii = text.charCodeAt(i) < 128;
    let previous = kind;
    for (i++; i < length; i++) {
      const code = text.charCodeAt(i);
      kind = classify(code);
      if (kind === 0) break;
      if (kind === 2 && previous === 1) {
        pushWord(words, text, base, cursor, from, i, capital, cased && !lower, plain, ascii);
        from = i;
        capital = true;
        lower = false;
        cased = true;
        plain = false;
        ascii = code < 128;
      } else {
        lower ||= kind === 1;
        cased ||= kind !== 3;
        plain &&= kind === 1 || (kind === 3 && code < 128);
        ascii &&= code < 128;
      }
      previous = kind;
    }
    pushWord(words, text, base, cursor, from, i, capital, cased && !lower, plain, ascii);
  }
  return words;
}

interface Cursor {
  readonly tokens: Sentence["tokens"];
  token: number;
  previousEnd: number;
}

/**
 * Adds word [from, to) of `text`; `plain` says it is lower-case already, its
 * own key; `ascii`, that lower case is all its key needs (nothing to fold).
 */
function pushWord(
  words: Word[],
  text: string,
  base: number,
  cursor: Cursor,
  from: number,
  to: number,
  capital: boolean,
  upper: boolean,
  plain: boolean,
  ascii: boolean,
): void {
  const start = base + from;
  const tokens = cursor.tokens;
  while (cursor.token < tokens.length && (tokens[cursor.token]?.end ?? 0) <= start) cursor.token++;
  const token = tokens[cursor.token];
  const raw = text.slice(from, to);
  words.push({
    start,
    end: base + to,
    raw,
    key: plain ? raw : ascii ? raw.toLowerCase() : foldKey(raw),
    capital,
    upper,
    gap: text.slice(cursor.previousEnd, from),
    pos: token && token.start <= start ? token.pos : "",
  });
  cursor.previousEnd = to;
}

/** Whether two words of one name or phrase may stand this far apart ("Sa'ar", "U.S.", "Amir-Abdollahian"). */
export function joins(gap: string): boolean {
  // Most gaps are one space: no need for the pattern.
  if (gap === " ") return true;
  return gap.length > 0 && gap.length <= 3 && /^[\s\u00a0'’`.\-‐‑]+$/.test(gap) && !gap.includes("\n");
}

/** Where a possessive after `words[index]` ends: "Iran's" (the "s" is a word of its own) or "Azerbaijanis’". */
export interface Possessive {
  /** The index of the first word after the possessive. */
  readonly next: number;
  /** The offset just past the possessive mark. */
  readonly end: number;
}

/** The possessive after `words[index]`, if there is one. */
export function possessiveAfter(words: readonly Word[], index: number): Possessive | null {
  const word = words[index];
  const next = words[index + 1];
  if (!word || !next) return null;
  if (next.key === "s" && /^['’]$/.test(next.gap)) return { next: index + 2, end: next.end };
  if (word.key.endsWith("s") && /^['’]\s/.test(next.gap)) return { next: index + 1, end: word.end + 1 };
  return null;
}
