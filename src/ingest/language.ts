import { franc } from "franc-min";

/**
 * Language detection. Trigram statistics (franc) settle long texts; a
 * one-sentence news item is too short for them ("Iraqi troops fired on
 * protesters in Basra" reads as Romanian), so short texts are judged by their
 * words: English function words, function words of other languages, letters
 * with diacritics, and the script.
 */

export interface LanguageGuess {
  /** ISO 639-3 code (`eng`), or `und` when nothing could be told. */
  readonly language: string;
  readonly english: boolean;
}

export type LanguageDetector = (text: string) => LanguageGuess;

export interface FunctionWords {
  /** English function words that no other Latin-script language uses much. */
  readonly english: ReadonlySet<string>;
  /** Function words of other Latin-script languages that are not English words. */
  readonly foreign: ReadonlySet<string>;
}

/** Trigram statistics settle within a few thousand characters; the rest of a long text adds only time. */
const SAMPLE_CHARS = 3000;
/**
 * English prose has a quarter to a third of its words in the English list;
 * one-sentence news items usually a tenth or more. Texts in other languages,
 * even long ones, have next to none, because the list leaves out words that
 * other languages share.
 */
const MIN_ENGLISH_SHARE = 0.1;
/** Below this many words franc's guess is not trusted on its own. */
const SHORT_WORDS = 30;
/** In a short text, this share of words with diacritics (é, ü, ə, ş) is another language... */
const MAX_ACCENTED_SHARE = 0.25;
/** ...and so is this share together with one foreign function word ("der Außenminister"). */
const ACCENTED_WITH_FOREIGN_WORD = 0.1;

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const LATIN = /\p{Script=Latin}/u;
const ACCENTED = /[^\p{ASCII}]/u;

/**
 * Creates a detector. A text is English when English function words make up
 * a tenth of its words, or franc says English, or it is short, in the Latin
 * script, and shows no sign of another language (two foreign function words,
 * or many words with diacritics).
 *
 * @example createLanguageDetector(words)("Jordan and Britain have agreed to hold talks.").english === true
 */
export function createLanguageDetector(words: FunctionWords): LanguageDetector {
  return (text) => {
    const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
    const tokens = sample.toLowerCase().match(WORD) ?? [];
    let english = 0;
    let foreign = 0;
    for (const token of tokens) {
      if (words.english.has(token)) english++;
      else if (words.foreign.has(token)) foreign++;
    }
    // The word count is much cheaper than franc, so it goes first.
    if (tokens.length > 0 && english / tokens.length >= MIN_ENGLISH_SHARE)
      return { language: "eng", english: true };
    // Scripts and diacritics matter only from here on (most texts are settled above).
    let latin = 0;
    let accented = 0;
    for (const token of tokens) {
      if (LATIN.test(token)) {
        latin++;
        if (ACCENTED.test(token)) accented++;
      }
    }
    const detected = franc(sample, { minLength: 1 });
    if (detected === "eng") return { language: "eng", english: true };
    const short = tokens.length > 0 && tokens.length < SHORT_WORDS;
    const inLatinScript = latin * 2 > tokens.length;
    const accentedShare = latin > 0 ? accented / latin : 0;
    const looksForeign =
      foreign >= 2 ||
      accentedShare >= MAX_ACCENTED_SHARE ||
      (foreign >= 1 && accentedShare >= ACCENTED_WITH_FOREIGN_WORD);
    if (short && inLatinScript && !looksForeign) return { language: "eng", english: true };
    return { language: detected, english: false };
  };
}
