import type { Sentence } from "../../core/ports.ts";
import type { ActorRecord, CountryCode } from "../../core/records.ts";
import type { ActorMention, MentionVia } from "../types.ts";
import type { GazetteerIndex, NameValue } from "./gazetteer.ts";
import type { PhraseMatch } from "./phrase-trie.ts";
import { possessiveAfter, splitWords, type Possessive, type Word } from "./words.ts";

const SPACES = /^[ \u00a0]+$/;
const APOSTROPHE = /^['’]$/;
// "U.S.", "U.K.": an abbreviation keeps its last full stop.
const INITIAL_AT_END = /(?:^|[.\s])\p{Lu}$/u;
// Stands in for a word past either end of a sentence.
const NO_WORD: Word = { start: 0, end: 0, raw: "", key: "", capital: false, upper: false, gap: "", pos: "" };

/**
 * The words of one sentence, read by position, with the gazetteer's tables:
 * what every grammar of actor recognition reads. It holds no state of the
 * reading itself.
 */
export class SentenceCursor {
  readonly words: readonly Word[];

  constructor(
    readonly sentence: Sentence,
    readonly ix: GazetteerIndex,
  ) {
    this.words = splitWords(sentence.text, sentence.start, sentence);
  }

  get length(): number {
    return this.words.length;
  }

  /** Word `index`, or an empty word past either end. */
  at(index: number): Word {
    return this.words[index] ?? NO_WORD;
  }

  /** The index of the word starting at document offset `start`, or -1. */
  indexAt(start: number): number {
    return this.words.findIndex((w) => w.start === start);
  }

  /** The document text between two offsets. */
  text(from: number, to: number): string {
    const base = this.sentence.start;
    return this.sentence.text.slice(from - base, to - base);
  }

  /** The end offset of the word before `index`. */
  wordEnd(index: number): number {
    return this.at(index - 1).end;
  }

  /** Only spaces separate word `index` from the one before. */
  spaced(index: number): boolean {
    const w = this.words[index];
    return w !== undefined && (w.gap === " " || SPACES.test(w.gap));
  }

  /** Only spaces, or the possessive's "'s", separate word `index` from the one before. */
  spacedOrPossessive(index: number): boolean {
    const w = this.at(index);
    return SPACES.test(w.gap) || this.isPossessiveMark(w);
  }

  isPossessiveMark(w: Word): boolean {
    return w.key === "s" && APOSTROPHE.test(w.gap);
  }

  /** The possessive after word `index` ("Iran's", "Azerbaijanis’"), if there is one. */
  possessiveAfter(index: number): Possessive | null {
    return possessiveAfter(this.words, index);
  }

  /** A mention from the start of word `startWord` to `endOffset` (with an abbreviation's last full stop). */
  mention(
    startWord: number,
    endOffset: number,
    actor: ActorRecord,
    via: MentionVia,
    country: CountryCode | null = actor.country,
  ): ActorMention {
    const start = this.at(startWord).start;
    let end = endOffset;
    if (INITIAL_AT_END.test(this.text(start, end)) && this.text(end, end + 1) === ".") end++;
    return { start, end, text: this.text(start, end), actor, country, via };
  }

  /**
   * The name phrase at `i`, unless a longer phrase starts inside it ("the
   * Islamic Republic" | "Islamic Republic of Pakistan").
   */
  nameMatch(i: number): PhraseMatch<NameValue> | null {
    const names = this.ix.names;
    const m = names.match(this.words, i);
    if (!m) return null;
    for (let j = i + 1; j < m.end; j++) {
      const inner = names.match(this.words, j);
      if (inner && inner.end > m.end) return null;
    }
    return m;
  }

  /** A capitalised proper noun that is no name, title or function word: part of a name we do not know. */
  nameLike(w: Word | undefined): boolean {
    const ix = this.ix;
    return (
      w !== undefined &&
      w.capital &&
      !w.upper &&
      w.pos === "PROPN" &&
      !ix.functionWords.has(w.key) &&
      !ix.names.starts(w.key) &&
      !ix.titles.starts(w.key)
    );
  }

  /** A word that begins a place's name rather than ends a person's ("Heydar Aliyev Center"). */
  placeNameAfter(end: number): boolean {
    return this.spaced(end) && this.ix.nameHeads.has(this.at(end).key);
  }
}
