import { joins, splitWords, type Word } from "./words.ts";

/**
 * How a word of a phrase must be written in the text, taken from the phrase as
 * written in the data: "US" and "ICE" need capitals (else they are "us" and
 * "Ice"; style books write short acronyms in capitals), "Chad" a capital (else
 * it is a first name's lower-case twin), "the two countries" any case.
 */
export type CaseRule = "any" | "capital" | "upper";

export interface PhraseMatch<T> {
  readonly value: T;
  /** Index of the first word. */
  readonly start: number;
  /** Index just past the last word. */
  readonly end: number;
}

export interface PhraseTrie<T> {
  /** Adds a phrase; returns false when it has no words. */
  add(phrase: string, value: T): boolean;
  /** The longest phrase starting at `words[start]`, written as its case rules require. */
  match(words: readonly Word[], start: number): PhraseMatch<T> | null;
  /** Whether some phrase starts with this key (a cheap pre-check). */
  starts(key: string): boolean;
  /** The keys phrases start with. */
  firstKeys(): Iterable<string>;
  readonly size: number;
}

interface Entry<T> {
  readonly value: T;
  readonly cases: readonly CaseRule[];
}

// A trie of some 50,000 names has about as many nodes, most of them leaves
// or inner nodes without phrases of their own: each node makes its map of
// children and its list of entries only when it first needs one.
interface Node<T> {
  children: Map<string, Node<T>> | null;
  entries: Entry<T>[] | null;
}

function caseRule(raw: string): CaseRule {
  if (raw.length <= 3 && raw !== raw.toLowerCase() && raw === raw.toUpperCase()) return "upper";
  const first = raw.charAt(0);
  return first !== first.toLowerCase() ? "capital" : "any";
}

function written(word: Word | undefined, rule: CaseRule): boolean {
  if (!word) return false;
  return rule === "any" || (rule === "capital" ? word.capital : word.upper);
}

/** Whether the words from `start` are written as the case rules require, one rule a word. */
function writtenAll(words: readonly Word[], start: number, cases: readonly CaseRule[]): boolean {
  for (let k = 0; k < cases.length; k++) {
    if (!written(words[start + k], cases[k] ?? "any")) return false;
  }
  return true;
}

/** The words of a phrase as the trie keys them ("Sa'ar" -> "sa", "ar"). */
export function phraseKeys(phrase: string): string[] {
  return splitWords(phrase).map((w) => w.key);
}

const NO_ENTRIES: readonly never[] = [];

/**
 * A trie of phrases keyed by word: one map lookup per word of the text, so a
 * sentence is scanned in time linear in its words whatever the gazetteer size.
 */
export function createPhraseTrie<T>(): PhraseTrie<T> {
  const root: Node<T> = { children: null, entries: null };
  let size = 0;
  return {
    get size() {
      return size;
    },
    add(phrase, value) {
      const words = splitWords(phrase);
      if (words.length === 0) return false;
      let node = root;
      for (const word of words) {
        const children = (node.children ??= new Map<string, Node<T>>());
        let child = children.get(word.key);
        if (!child) {
          child = { children: null, entries: null };
          children.set(word.key, child);
        }
        node = child;
      }
      const cases = words.map((w) => caseRule(w.raw));
      const entries: Entry<T>[] = (node.entries ??= []);
      // The same phrase for the same value twice (two spellings that fold alike) is one entry.
      if (!entries.some((e) => e.value === value && e.cases.join() === cases.join())) {
        entries.push({ value, cases });
        size++;
      }
      return true;
    },
    match(words, start) {
      let node: Node<T> | undefined = root;
      let best: PhraseMatch<T> | null = null;
      for (let i = start; i < words.length; i++) {
        const word = words[i];
        if (!word || (i > start && !joins(word.gap))) break;
        node = node.children?.get(word.key);
        if (!node) break;
        for (const entry of node.entries ?? NO_ENTRIES) {
          if (writtenAll(words, start, entry.cases)) {
            best = { value: entry.value, start, end: i + 1 };
            break;
          }
        }
      }
      return best;
    },
    starts(key) {
      return root.children?.has(key) ?? false;
    },
    firstKeys() {
      return root.children?.keys() ?? [];
    },
  };
}
