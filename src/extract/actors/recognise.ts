import { actorIdFor, type IsoDate } from "../../core/ids.ts";
import type { Sentence } from "../../core/ports.ts";
import type { ActorRecord, CountryCode } from "../../core/records.ts";
import type { ActorMention, MentionVia } from "../types.ts";
import { DocumentMemory, isState } from "./document-memory.ts";
import type { Gazetteer, GazetteerIndex, NameValue, PersonInfo } from "./gazetteer.ts";
import type { PhraseMatch } from "./phrase-trie.ts";
import { joins, possessiveAfter, splitWords, type Word } from "./words.ts";

export interface RecogniseOptions {
  /**
   * The publication date. With it, a title without a name ("Iran's foreign
   * minister said") names the person then in office, and "President Aliyev"
   * picks the Aliyev in office; without it the first resolves to the state.
   */
  readonly published?: IsoDate | null;
}

/**
 * Finds the actors named or referred to in each sentence of one document:
 * states by name, demonym, capital or seat; intergovernmental bodies, groups
 * and organisations; persons by name, by title and by apposition; and simple
 * coreference ("the two countries", "the Islamic Republic", "Aliyev" after
 * "Ilham Aliyev"). A title with its person is one mention of the person
 * ("Azerbaijani President Ilham Aliyev"); a phrase naming two states ("both
 * sides") gives one mention per state with the same span.
 *
 * One pass over each sentence's words with trie lookups; the longest phrase wins.
 */
export function recogniseActors(
  sentences: readonly Sentence[],
  gazetteer: Gazetteer,
  options: RecogniseOptions = {},
): ActorMention[][] {
  const memory = new DocumentMemory();
  const published = options.published ?? null;
  // A loop, not `map`: see createSentenceView on the elements kinds of `map` results.
  const out: ActorMention[][] = [];
  sentences.forEach((sentence, index) => {
    out.push(new SentenceReader(sentence, index, gazetteer, memory, published).read());
  });
  return out;
}

// Modifiers that say the person no longer holds the office the title names.
const PAST = new Set(["former", "ex", "late", "then", "outgoing"]);
const ARTICLES = new Set(["the", "a", "an"]);
const APPOSITION_LINKS = new Set(["of", "to", "for", "the"]);
const NAME_POS = new Set(["PROPN", "NOUN", "X", ""]);
const QUALIFIER_POS = new Set(["NOUN", "PROPN", "ADJ"]);
// "the two" refers to two actors only when no noun follows ("the two members" does not).
const NOMINAL_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);
const SPACES = /^[ \u00a0]+$/;
const CURRENCY_AFTER = /^\s?\$/;
const APOSTROPHE = /^['’]$/;
const LETTER = /\p{L}/u;
// "U.S.", "U.K.": an abbreviation keeps its last full stop.
const INITIAL_AT_END = /(?:^|[.\s])\p{Lu}$/u;

const NOTHING: readonly ActorMention[] = [];
// Stands in for a word past either end of a sentence.
const NO_WORD: Word = { start: 0, end: 0, raw: "", key: "", capital: false, upper: false, gap: "", pos: "" };

/** A state, organisation or body named before a title or noun ("Iran's", "Israeli"). */
interface Head {
  readonly actor: ActorRecord;
  readonly via: MentionVia;
  readonly start: number;
}

interface NameHit {
  readonly end: number;
  readonly actor: ActorRecord;
  readonly via: MentionVia;
  /** From the gazetteer or named before in the document; else a person new to us. */
  readonly known: boolean;
  /** Found by a surname alone (of a known person, or of one named before). */
  readonly bySurname?: boolean;
  readonly text: string;
}

interface Chain {
  readonly end: number;
  readonly role: string | null;
  /** The last title takes "to" + a host state ("ambassador to Azerbaijan"). */
  readonly to: boolean;
}

/** What starts at a word: the mentions found and the word to go on from. */
interface Scan {
  readonly next: number;
  readonly mentions: readonly ActorMention[];
}

/** Reads one sentence. A class rather than closures: one is made per sentence. */
class SentenceReader {
  private readonly ix: GazetteerIndex;
  private readonly words: Word[];
  private readonly out: ActorMention[] = [];
  /** Word index just past the last mention, and its state: "Aliyev and Foreign Minister X". */
  private lastEnd = -1;
  private lastCountry: CountryCode | null = null;

  constructor(
    private readonly sentence: Sentence,
    private readonly index: number,
    private readonly gazetteer: Gazetteer,
    private readonly memory: DocumentMemory,
    private readonly published: IsoDate | null,
  ) {
    this.ix = gazetteer.index;
    this.words = splitWords(sentence.text, sentence.start, sentence);
  }

  read(): ActorMention[] {
    this.memory.open(this.index, this.sentence, this.out);
    const words = this.words;
    for (let i = 0; i < words.length;) {
      const found = this.scanAt(i);
      if (!found) {
        i++;
        continue;
      }
      for (const m of found.mentions) {
        this.out.push(m);
        this.memory.record(this.index, m);
      }
      if (found.mentions.length > 0) {
        this.lastEnd = found.next;
        this.lastCountry = found.mentions[0]?.country ?? null;
      }
      i = Math.max(found.next, i + 1);
    }
    return this.out;
  }

  // ---- words and text

  private at(index: number): Word {
    return this.words[index] ?? NO_WORD;
  }

  private text(from: number, to: number): string {
    const base = this.sentence.start;
    return this.sentence.text.slice(from - base, to - base);
  }

  /** The end offset of the word before `index`. */
  private wordEnd(index: number): number {
    return this.at(index - 1).end;
  }

  /** Only spaces separate word `index` from the one before. */
  private spaced(index: number): boolean {
    const w = this.words[index];
    return w !== undefined && (w.gap === " " || SPACES.test(w.gap));
  }

  private isPossessiveMark(w: Word): boolean {
    return w.key === "s" && APOSTROPHE.test(w.gap);
  }

  private mention(
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

  // ---- names

  private nameMatch(i: number): PhraseMatch<NameValue> | null {
    const m = this.ix.names.match(this.words, i);
    if (!m) return null;
    // A longer phrase starting inside this one wins ("the Islamic Republic" | "Islamic Republic of Pakistan").
    for (let j = i + 1; j < m.end; j++) {
      const inner = this.ix.names.match(this.words, j);
      if (inner && inner.end > m.end) return null;
    }
    return m;
  }

  /** A capitalised proper noun next to a name makes the name part of another ("Michael Jordan"). */
  private nameLike(w: Word | undefined): boolean {
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

  /**
   * "Washington Post", "Jordan Peterson", "Baku-based", "US$600", "the Russian
   * language": a name that is not the actor here.
   */
  private blocked(value: NameValue & { type: "actor" }, m: PhraseMatch<NameValue>): boolean {
    const next = this.words[m.end];
    if (next && CURRENCY_AFTER.test(next.gap)) return true;
    if (value.place && next?.key === "based" && next.gap === "-") return true;
    if (value.via === "demonym" && next && this.ix.notActorAfter.has(next.key) && /^[ -]$/.test(next.gap))
      return true;
    if (!value.personLike && !value.place) return false;
    if (this.spaced(m.end) && this.nameLike(next)) return true;
    return value.personLike && this.spaced(m.start) && this.nameLike(this.words[m.start - 1]);
  }

  /** A word that begins a place's name rather than ends a person's ("Heydar Aliyev Center"). */
  private placeNameAfter(end: number): boolean {
    return this.spaced(end) && this.ix.nameHeads.has(this.at(end).key);
  }

  /** Files a person under the name as written and, for a known person, every surname they go by. */
  private remember(actor: ActorRecord, name: string): void {
    const nameKeys = splitWords(name).map((w) => w.key);
    const keys = [nameKeys.join(" ")];
    const info = this.gazetteer.person(actor.name);
    if (info?.actor.id === actor.id) keys.push(...info.surnameKeys);
    else if (nameKeys.length > 1) keys.push(nameKeys.at(-1) ?? "");
    this.memory.rememberPerson(actor, keys);
  }

  /** Picks among persons sharing a surname: one named before, else the holder of the title's office. */
  private choose(candidates: readonly PersonInfo[], role: string | null): PersonInfo | null {
    const named = candidates.find((c) => this.memory.hasNamed(c.actor));
    if (named) return named;
    if (role) {
      const holders = candidates.filter((c) => c.terms.some((t) => t.role === role));
      const published = this.published;
      if (published) {
        const current = holders.find((c) =>
          c.terms.some(
            (t) => t.role === role && this.gazetteer.holderOf(role, t.country, published)?.id === c.actor.id,
          ),
        );
        if (current) return current;
      }
      const latest = [...holders].sort((a, b) => latestStart(b).localeCompare(latestStart(a)))[0];
      if (latest) return latest;
    }
    return candidates.find((c) => c.surnameAlone) ?? candidates[0] ?? null;
  }

  /** A surname at `i`: of a person named earlier in the document, or of a known person. */
  private surnameAt(i: number, role: string | null, bare: boolean): NameHit | null {
    const words = this.words;
    const first = words[i];
    if (!first?.capital) return null;
    if (this.memory.startsName(first.key)) {
      // Longest first ("Amir-Abdollahian" before "Abdollahian").
      for (let length = Math.min(3, words.length - i); length >= 1; length--) {
        let key = first.key;
        let joined = true;
        for (let k = 1; k < length; k++) {
          const w = this.at(i + k);
          joined &&= joins(w.gap);
          key += ` ${w.key}`;
        }
        const actor = joined ? this.memory.person(key) : undefined;
        if (actor) {
          const end = i + length;
          const via = bare ? "coreference" : "person";
          return {
            end,
            actor,
            via,
            known: true,
            bySurname: true,
            text: this.text(first.start, this.wordEnd(end)),
          };
        }
      }
    }
    const m = this.ix.surnames.match(words, i);
    if (!m) return null;
    const person = this.choose(m.value, role);
    if (!person || (bare && !person.surnameAlone)) return null;
    const text = this.text(first.start, this.wordEnd(m.end));
    return { end: m.end, actor: person.actor, via: "person", known: true, bySurname: true, text };
  }

  /** Capitalised words that can be a person's name ("Vugar Bayramov", "Mohammad Zia-Ul-Haq"). */
  private unknownNameAt(i: number, min: number): { end: number; text: string } | null {
    const { ix, words } = this;
    let j = i;
    let names = 0;
    let proper = false;
    while (j < words.length && names < 4) {
      const w = this.at(j);
      if (j > i && !joins(w.gap)) break;
      if (this.isPossessiveMark(w)) break;
      if (!w.capital && j > i && ix.particles.has(w.key) && this.at(j + 1).capital) {
        j++;
        continue;
      }
      if (!w.capital || !NAME_POS.has(w.pos) || !LETTER.test(w.raw)) break;
      if (ix.functionWords.has(w.key) || ix.nameStop.has(w.key) || ix.honorifics.has(w.key)) break;
      if (ix.titles.starts(w.key) && ix.titles.match(words, j)) break;
      const actor = ix.names.starts(w.key) ? ix.names.match(words, j) : null;
      if (actor && actor.value.type !== "person") break;
      if (w.pos === "PROPN") proper = true;
      names++;
      j++;
    }
    if (names < min || !proper || this.placeNameAfter(j)) return null;
    return { end: j, text: this.text(this.at(i).start, this.wordEnd(j)) };
  }

  /** The person a title is followed by, known or not. */
  private nameAfterTitle(m: number, role: string | null): NameHit | null {
    if (!this.spaced(m)) return null;
    let i = m;
    if (this.ix.honorifics.has(this.at(i).key) && this.at(i).capital) i++;
    const hit = this.nameMatch(i);
    if (hit?.value.type === "person") {
      if (this.placeNameAfter(hit.end)) return null;
      const text = this.text(this.at(i).start, this.wordEnd(hit.end));
      return { end: hit.end, actor: hit.value.person.actor, via: "person", known: true, text };
    }
    if (hit) return null; // "President Azerbaijan": a state, no person
    const surname = this.surnameAt(i, role, false);
    if (surname) return surname;
    const unknown = this.unknownNameAt(i, 1);
    if (!unknown) return null;
    const actor = this.personActor(unknown.text, null);
    return { end: unknown.end, actor, via: "title", known: false, text: unknown.text };
  }

  /** The person of this surname who serves `country`: a known one, else one new to us. */
  private surnameOf(m: number, name: NameHit, country: CountryCode, role: string | null): NameHit {
    const start = this.spaced(m) && this.ix.honorifics.has(this.at(m).key) ? m + 1 : m;
    const candidates = this.ix.surnames
      .match(this.words, start)
      ?.value.filter((p) => p.actor.country === country);
    const known = candidates?.length ? this.choose(candidates, role) : null;
    if (known) return { ...name, actor: known.actor, via: "person", known: true };
    // Named after its state too: another state's person of this name may be in the document.
    const actor: ActorRecord = {
      type: "actor",
      id: actorIdFor("person", `${name.text} ${country}`),
      kind: "person",
      name: name.text,
      country,
    };
    return { ...name, actor, via: "title", known: false, bySurname: false };
  }

  /** A person new to the gazetteer, or the one of that name already met in the document. */
  private personActor(name: string, country: CountryCode | null): ActorRecord {
    const key = splitWords(name)
      .map((w) => w.key)
      .join(" ");
    const met = this.memory.person(key);
    if (met) return met;
    return { type: "actor", id: actorIdFor("person", name), kind: "person", name, country };
  }

  // ---- titles

  /** An actor after "of"/"to" in a title ("president of Armenia", "ambassador to Azerbaijan"). */
  private actorAfter(j: number): { actor: ActorRecord; end: number } | null {
    const k = ARTICLES.has(this.at(j).key) ? j + 1 : j;
    const m = this.nameMatch(k);
    if (m?.value.type !== "actor") return null;
    const possessive = possessiveAfter(this.words, m.end - 1);
    return { actor: m.value.actor, end: possessive ? possessive.next : m.end };
  }

  /** A generic title at `k`: up to three qualifiers before a head word ("Strategic Affairs Minister"). */
  private genericTitle(k: number): PhraseMatch<{ role: string | null; to: boolean }> | null {
    const { ix, words } = this;
    for (let q = 1; q <= 3; q++) {
      const qualifier = words[k + q - 1];
      if (!qualifier || !QUALIFIER_POS.has(qualifier.pos) || (q > 1 && !this.spaced(k + q - 1))) return null;
      if (ix.names.starts(qualifier.key) && ix.names.match(words, k + q - 1)) return null;
      const head = words[k + q];
      if (head && ix.titleHeads.has(head.key) && this.spaced(k + q)) {
        const title = ix.titles.match(words, k + q);
        return {
          value: { role: title?.value.role ?? null, to: title?.value.to ?? false },
          start: k,
          end: title?.end ?? k + q + 1,
        };
      }
    }
    return null;
  }

  /** A chain of titles from `j` ("Supreme Leader Ayatollah", "assistant to the President", "Energy Minister"). */
  private titleChain(j: number): Chain | null {
    const { ix, words } = this;
    let role: string | null | undefined;
    let to = false;
    let k = j;
    for (;;) {
      const t = ix.titles.match(words, k) ?? this.genericTitle(k);
      if (!t) break;
      role ??= t.value.role;
      to = t.value.to;
      k = t.end;
      // "assistant to the President", "head of the Mossad" chain on.
      const link = this.at(k).key;
      if (link === "to" || link === "of") {
        const after = ARTICLES.has(this.at(k + 1).key) ? k + 2 : k + 1;
        if (ix.titles.match(words, after)) {
          k = after;
          continue;
        }
      }
      if (this.spaced(k) && ix.titles.match(words, k)) continue;
      break;
    }
    return role === undefined ? null : { end: k, role, to };
  }

  /**
   * A title phrase at `j`: [head] [modifiers] title [of STATE] [name]. With a
   * name it is one mention of the person; without, of the head's actor (or of
   * the office holder when the publication date is known).
   */
  private titlePhrase(j: number, head: Head | null, inherited: CountryCode | null): Scan | null {
    const ix = this.ix;
    let k = j;
    let past = false;
    let lesser = false;
    for (;;) {
      const w = this.words[k];
      if (!w) return null;
      if (ix.temporal.has(w.key)) past ||= PAST.has(w.key);
      else if (ix.rank.has(w.key) && !ix.titles.match(this.words, k)) lesser = true;
      else break;
      k++;
    }
    const titleStart = k;
    const chain = this.titleChain(k);
    if (!chain) return null;
    let m = chain.end;
    let country: CountryCode | null = head?.actor.country ?? null;
    let of: ActorRecord | null = null;
    const link = this.at(m).key;
    if (!head && (link === "of" || link === "for")) {
      const after = this.actorAfter(m + 1);
      if (after) {
        of = after.actor;
        country = after.actor.country;
        m = after.end;
      }
    } else if (chain.to && link === "to") {
      const after = this.actorAfter(m + 1);
      if (after) m = after.end; // an envoy *to* a state is not of it
    }
    const stated = country; // from the words of the title itself, not from a neighbour
    country ??= inherited;
    const role = past || lesser ? null : chain.role;
    const start = head ? head.start : titleStart;
    let name = this.nameAfterTitle(m, role);
    // "US Ambassador Cohen" is not Israel's Eli Cohen: a surname alone gives way to the title's state.
    if (name?.bySurname && isState(stated) && name.actor.country !== stated) {
      name = this.surnameOf(m, name, stated, role);
    }
    if (name) {
      const personCountry = name.known ? name.actor.country : country;
      if (!name.known && personCountry === null) return null;
      const actor = name.known ? name.actor : { ...name.actor, country: personCountry };
      this.remember(actor, name.text);
      const mention = this.mention(start, this.wordEnd(name.end), actor, name.via, personCountry);
      return { next: name.end, mentions: [mention] };
    }
    const base = head?.actor ?? of;
    if (!base || country === null) return null;
    // "Israeli general elections": the title word was an adjective of a noun.
    if (this.spaced(m) && this.at(m).pos === "NOUN") return null;
    let actor = base;
    let via: MentionVia = head ? head.via : "title";
    if (role && this.published && isState(country)) {
      const holder = this.gazetteer.holderOf(role, country, this.published);
      if (holder) {
        actor = holder;
        via = "title";
      }
    }
    return { next: m, mentions: [this.mention(start, this.wordEnd(m), actor, via, country)] };
  }

  /** ", the foreign minister of Azerbaijan": the apposition after a name, its end and state. */
  private apposition(p: number): { end: number; country: CountryCode | null } | null {
    const first = this.words[p];
    if (first?.gap.trim() !== ",") return null;
    let j = ARTICLES.has(first.key) ? p + 1 : p;
    let country: CountryCode | null = null;
    let titled = false;
    let last = -1;
    for (let steps = 0; steps < 12 && j < this.words.length; steps++) {
      const w = this.at(j);
      if (j > p && !SPACES.test(w.gap) && !this.isPossessiveMark(w)) break;
      if (this.ix.temporal.has(w.key) || this.ix.rank.has(w.key)) {
        j++;
        continue;
      }
      const t = this.titleChain(j);
      if (t) {
        titled = true;
        j = t.end;
        last = j;
        continue;
      }
      const m = this.nameMatch(j);
      if (m?.value.type === "actor") {
        country ??= m.value.actor.country;
        const possessive = possessiveAfter(this.words, m.end - 1);
        j = possessive ? possessive.next : m.end;
        last = j;
        continue;
      }
      if (APPOSITION_LINKS.has(w.key)) {
        j++;
        continue;
      }
      break;
    }
    if (!titled || last < 0) return null;
    // A capitalised name right after is a new person with this title, not an apposition.
    if (this.spaced(last) && this.at(last).capital && this.unknownNameAt(last, 1)) return null;
    return { end: last, country };
  }

  // ---- coreference

  private coreference(m: PhraseMatch<NameValue>, value: NameValue): Scan {
    const end = this.wordEnd(m.end);
    const skip = { next: m.end, mentions: NOTHING };
    const states = this.gazetteer;
    if (value.type === "pair") {
      const next = this.words[m.end];
      if (value.bare && next && this.spaced(m.end) && NOMINAL_POS.has(next.pos)) return skip;
      // "Of the two, Azerbaijan ...": a partitive picks one of them, it names neither.
      if (value.bare && this.at(m.start - 1).key === "of") return skip;
      const mentions = this.memory.pair(this.index, value.bare).flatMap((c) => {
        const actor = states.state(c);
        return actor ? [this.mention(m.start, end, actor, "coreference", c)] : [];
      });
      return { next: m.end, mentions };
    }
    if (this.at(m.end).key === "of") return skip; // "the government of Azerbaijan" names it
    const country =
      value.type === "context" ? this.memory.single(this.index) : this.memory.lastPersonCountry(this.index);
    const actor = isState(country) ? states.state(country) : null;
    return actor
      ? { next: m.end, mentions: [this.mention(m.start, end, actor, "coreference", country)] }
      : skip;
  }

  /**
   * A person named from `i` to `end`: "the Erdogan administration" is the
   * person's state; an apposition after the name (", the foreign minister of
   * Azerbaijan") is read with it and names no one else.
   */
  private personScan(i: number, end: number, actor: ActorRecord, via: MentionVia): Scan {
    const after = this.ix.afterPerson.match(this.words, end);
    const state = actor.country ? this.gazetteer.state(actor.country) : null;
    if (after && this.spaced(end) && state) {
      return { next: after.end, mentions: [this.mention(i, this.wordEnd(after.end), state, via)] };
    }
    const app = this.apposition(end);
    return { next: app ? app.end : end, mentions: [this.mention(i, this.wordEnd(end), actor, via)] };
  }

  /** "Iran's foreign minister", "the Israeli army", "Turkey's Erdogan", or just "Iran". */
  private actorScan(i: number, m: PhraseMatch<NameValue>, value: NameValue & { type: "actor" }): Scan {
    if (this.blocked(value, m)) return { next: m.end, mentions: NOTHING };
    const head: Head = { actor: value.actor, via: value.via, start: i };
    const possessive = possessiveAfter(this.words, m.end - 1);
    const k = possessive ? possessive.next : m.end;
    // "U.S. Secretary of State": the abbreviation's full stop is no boundary.
    const abbreviated = /^\.[ \u00a0]+$/.test(this.at(k).gap) && this.at(k - 1).raw.length === 1;
    if (this.spaced(k) || abbreviated) {
      const t = this.titlePhrase(k, head, null);
      if (t) return t;
      if (possessive) {
        // "Turkey's Erdogan": the person, with the state they lead.
        const person = this.nameMatch(k);
        const hit =
          person?.value.type === "person"
            ? { end: person.end, actor: person.value.person.actor }
            : this.surnameAt(k, null, true);
        if (hit)
          return { next: hit.end, mentions: [this.mention(i, this.wordEnd(hit.end), hit.actor, "person")] };
      }
      const noun = this.ix.nouns.match(this.words, k);
      if (noun) {
        return {
          next: noun.end,
          mentions: [this.mention(i, this.wordEnd(noun.end), value.actor, value.via)],
        };
      }
    }
    return { next: m.end, mentions: [this.mention(i, this.wordEnd(m.end), value.actor, value.via)] };
  }

  /** Everything that starts at word `i`, or null. */
  private scanAt(i: number): Scan | null {
    const { ix, words } = this;
    const w = this.at(i);
    // Most words begin nothing: one lookup says so.
    if (!w.capital && !ix.openers.has(w.key)) return null;
    // A title without a state before it: "President Ilham Aliyev", "Foreign Minister of Iran".
    if (ix.titles.starts(w.key) || ix.temporal.has(w.key) || ix.rank.has(w.key)) {
      // "... Aliyev and Foreign Minister X", "Aliyev's aide X": X serves the same state.
      const between = this.lastEnd >= 0 && this.lastEnd === i - 1 ? this.at(i - 1) : null;
      const inherits = between !== null && (between.key === "and" || this.isPossessiveMark(between));
      const t = this.titlePhrase(i, null, inherits ? this.lastCountry : null);
      if (t) return t;
    }
    const m = ix.names.starts(w.key) ? this.nameMatch(i) : null;
    if (m) {
      const value = m.value;
      switch (value.type) {
        case "stop":
          return { next: m.end, mentions: NOTHING };
        case "pair":
        case "context":
        case "personContext":
          return this.coreference(m, value);
        case "person": {
          if (this.placeNameAfter(m.end)) return { next: m.end + 1, mentions: NOTHING };
          this.remember(value.person.actor, this.text(w.start, this.wordEnd(m.end)));
          return this.personScan(i, m.end, value.person.actor, "person");
        }
        case "actor":
          return this.actorScan(i, m, value);
      }
    }
    if (!w.capital) return null;
    // "Mr. Lavrov", "Aliyev" after "Ilham Aliyev", "Putin" — but not "Mojtaba Khamenei".
    const previous = words[i - 1];
    const insideName =
      previous !== undefined &&
      this.spaced(i) &&
      previous.capital &&
      previous.pos === "PROPN" &&
      !ix.functionWords.has(previous.key) &&
      !ix.honorifics.has(previous.key);
    if (!insideName) {
      const surname = this.surnameAt(i, null, true);
      if (surname && !this.placeNameAfter(surname.end)) {
        return this.personScan(i, surname.end, surname.actor, surname.via);
      }
    }
    // "Avigdor Liberman, an Israeli politician": a new person and their state.
    if (w.pos === "PROPN" && !ix.functionWords.has(w.key)) {
      const name = this.unknownNameAt(i, 2);
      if (name) {
        const app = this.apposition(name.end);
        if (app?.country) {
          const actor = this.personActor(name.text, app.country);
          this.remember(actor, name.text);
          return {
            next: app.end,
            mentions: [this.mention(i, this.wordEnd(name.end), actor, "title", actor.country)],
          };
        }
        return { next: name.end, mentions: NOTHING };
      }
    }
    return null;
  }
}

function latestStart(person: PersonInfo): string {
  return person.terms.reduce((latest, t) => ((t.from ?? "") > latest ? (t.from ?? "") : latest), "");
}
