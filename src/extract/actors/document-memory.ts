import { isStateCode } from "../../core/codes.ts";
import type { Sentence } from "../../core/ports.ts";
import type { ActorRecord, CountryCode } from "../../core/records.ts";
import type { ActorMention } from "../types.ts";

// How much the states of the sentences before count towards "the two
// countries" (the nearest first); further back only while fewer than two
// states are in view.
const PAIR_WEIGHTS = [1, 0.75, 0.5];
const PAIR_REACH = 6;
const PAIR_FAR = 0.25;
// "Azerbaijan and Israel", "Azerbaijan–Israel", "Baku/Tehran".
const COORDINATION = /^\s*(?:and|&|[–—\-/])\s*$/;
// How many sentences back "the ministry" may reach for the ministry it names.
const INSTITUTION_REACH = 8;

interface Seen {
  readonly country: CountryCode;
  readonly order: number;
}

/**
 * What a document has named so far, sentence by sentence: the memory behind
 * its coreference ("the two countries", "the country", "his country", a
 * surname after the full name).
 */
export class DocumentMemory {
  private readonly seen: Seen[][] = [];
  private readonly mentions: ActorMention[][] = [];
  private readonly sentences: Sentence[] = [];
  /** How often each state has been named: breaks ties between candidates for "the two". */
  private readonly counts = new Map<CountryCode, number>();
  /** Persons by surname key ("aliyev", "sa ar") and full-name key. */
  private readonly persons = new Map<string, ActorRecord>();
  /** First words of those keys: most capitalised words are no surname, and this says so cheaply. */
  private readonly firstKeys = new Set<string>();
  private readonly named = new Set<string>();
  private lastPerson: { readonly sentence: number; readonly actor: ActorRecord } | null = null;
  /** The state of the institution named last, by its key ("foreign ministry") and its head word ("ministry"). */
  private readonly homonyms = new Set<string>();
  private readonly institutions = new Map<
    string,
    { readonly country: CountryCode; readonly sentence: number }
  >();
  private order = 0;

  /** Starts a sentence; its mentions are recorded as they are found. */
  open(index: number, sentence: Sentence): void {
    this.seen[index] = [];
    this.mentions[index] = [];
    this.sentences[index] = sentence;
  }

  /** Ends a sentence with its mentions as settled (see settle.ts). */
  close(index: number, mentions: ActorMention[]): void {
    this.mentions[index] = mentions;
  }

  /** Notes a mention found in sentence `index`. */
  record(index: number, mention: ActorMention): void {
    this.mentions[index]?.push(mention);
    if (isStateCode(mention.country)) {
      this.seen[index]?.push({ country: mention.country, order: this.order++ });
      this.counts.set(mention.country, (this.counts.get(mention.country) ?? 0) + 1);
    }
    this.named.add(mention.actor.id);
    if (mention.actor.kind === "person") this.lastPerson = { sentence: index, actor: mention.actor };
  }

  /** Files a person under the keys of their name and surnames. */
  rememberPerson(actor: ActorRecord, keys: readonly string[]): void {
    for (const key of keys) {
      this.persons.set(key, actor);
      this.firstKeys.add(key.split(" ", 1)[0] ?? key);
    }
    this.named.add(actor.id);
  }

  /** Files an institution of a state ("Azerbaijan's Foreign Ministry") under its key and its head word. */
  rememberInstitution(index: number, key: string, country: CountryCode): void {
    const entry = { country, sentence: index };
    this.institutions.set(key, entry);
    // "ministry of foreign affairs" is a ministry, "foreign ministry" too.
    const head = (key.split(" of ", 1)[0] ?? key).split(" ").at(-1) ?? key;
    this.institutions.set(head, entry);
  }

  /**
   * The state whose institution "the <key>" refers to: the last one named
   * under that key within a few sentences ("the ministry" after "Iran's
   * Foreign Ministry"), or null.
   */
  institution(index: number, key: string): CountryCode | null {
    const entry = this.institutions.get(key);
    return entry && entry.sentence >= index - INSTITUTION_REACH ? entry.country : null;
  }

  /** Notes that this document uses a state's name for the other place of that name ("Georgia", the US state). */
  chooseHomonym(key: string): void {
    this.homonyms.add(key);
  }

  /** Whether the document has used this name for the other place. */
  choseHomonym(key: string): boolean {
    return this.homonyms.has(key);
  }

  /** The person named earlier under this key, if any. */
  person(key: string): ActorRecord | undefined {
    return this.persons.get(key);
  }

  /** Whether some remembered name starts with this word key. */
  startsName(key: string): boolean {
    return this.firstKeys.has(key);
  }

  /** Whether the document has named this state so far. */
  hasNamedState(country: CountryCode | null): boolean {
    return country !== null && (this.counts.get(country) ?? 0) > 0;
  }

  /** Whether the document has named any state so far. */
  hasNamedAnyState(): boolean {
    return this.counts.size > 0;
  }

  /** Whether this actor has been named in the document. */
  hasNamed(actor: ActorRecord): boolean {
    return this.named.has(actor.id);
  }

  /** The state of the person named last, if named in this sentence or the one before. */
  lastPersonCountry(index: number): CountryCode | null {
    return this.lastPerson && this.lastPerson.sentence >= index - 1 ? this.lastPerson.actor.country : null;
  }

  /** The one state "the country" can mean: alone in this sentence so far, else alone in the one before. */
  single(index: number): CountryCode | null {
    const here = new Set((this.seen[index] ?? []).map((s) => s.country));
    if (here.size === 1) return [...here][0] ?? null;
    if (here.size > 1) return null;
    return this.singleIn(index - 1);
  }

  /** The mention sentence `index` opens with ("Azerbaijan, for its part, ...", "The Turkish ministry ..."), if any. */
  opening(index: number): ActorMention | null {
    const first = this.mentions[index]?.[0];
    const sentence = this.sentences[index];
    if (!first || !sentence) return null;
    return /^\s*(?:the\s+)?$/i.test(sentence.text.slice(0, first.start - sentence.start)) ? first : null;
  }

  /** The one state sentence `index` named, if it named exactly one. */
  singleIn(index: number): CountryCode | null {
    const states = new Set((this.seen[index] ?? []).map((s) => s.country));
    return states.size === 1 ? ([...states][0] ?? null) : null;
  }

  /**
   * The states "the two countries" refers to: a pair joined in this sentence
   * ("Ankara and Jerusalem", "Azerbaijan–Israel"), or for a bare "the two"
   * the pair joined in the sentence before; else the two this sentence names
   * most; else the two most named in the last few sentences, ties going to
   * the states most named in the document, then to the latest named.
   */
  pair(index: number, bare: boolean): CountryCode[] {
    const here = this.joined(index);
    if (here) return here;
    const seen = this.seen[index] ?? [];
    // "Of the two, ...": a bare "the two" reaches back to the pair just named.
    if (bare && seen.length === 0) {
      const before = this.joined(index - 1);
      if (before) return before;
    }
    const score = new Map<CountryCode, { n: number; first: number; last: number }>();
    const add = (list: readonly Seen[], weight: number): void => {
      for (const s of list) {
        const entry = score.get(s.country) ?? { n: 0, first: s.order, last: s.order };
        score.set(s.country, {
          n: entry.n + weight,
          first: Math.min(entry.first, s.order),
          last: Math.max(entry.last, s.order),
        });
      }
    };
    add(seen, 1);
    if (score.size < 2) {
      for (let back = 1; back <= PAIR_REACH && index - back >= 0; back++) {
        const weight = PAIR_WEIGHTS[back - 1];
        if (weight === undefined && score.size >= 2) break;
        add(this.seen[index - back] ?? [], weight ?? PAIR_FAR);
      }
    }
    if (score.size < 2) return [];
    const overall = (c: CountryCode): number => this.counts.get(c) ?? 0;
    return [...score.entries()]
      .sort((a, b) => b[1].n - a[1].n || overall(b[0]) - overall(a[0]) || b[1].last - a[1].last)
      .slice(0, 2)
      .sort((a, b) => a[1].first - b[1].first) // in the order the text named them
      .map(([country]) => country);
  }

  /** The last two different states a sentence joins with "and" or a dash. */
  private joined(index: number): CountryCode[] | null {
    const list = this.mentions[index] ?? [];
    const sentence = this.sentences[index];
    if (!sentence) return null;
    for (let k = list.length - 1; k > 0; k--) {
      const a = list[k - 1];
      const b = list[k];
      if (!a || !b || !isStateCode(a.country) || !isStateCode(b.country)) continue;
      if (a.country === b.country || a.start === b.start) continue;
      const between = sentence.text.slice(a.end - sentence.start, b.start - sentence.start);
      if (COORDINATION.test(between)) return [a.country, b.country];
    }
    return null;
  }
}
