import { actorIdFor, type IsoDate } from "../../core/ids.ts";
import type { Sentence } from "../../core/ports.ts";
import type { ActorRecord, CountryCode } from "../../core/records.ts";
import type { ActorMention, MentionVia } from "../types.ts";
import { isStateCode as isState } from "../../core/codes.ts";
import { DocumentMemory } from "./document-memory.ts";
import type { Gazetteer, GazetteerIndex, NameValue, PersonInfo, TitleValue } from "./gazetteer.ts";
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
// What "it" may refer to: a state or a body, not a person or a people.
const PRONOUN_KINDS = new Set(["state", "organization", "igo"]);
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
  /** A title of someone of another state than those around ("counterpart"). */
  readonly foreign: boolean;
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
  /**
   * Persons new to us with a title but no state ("President Askar Akayev"),
   * with the name they go by: they take the one state of their sentence once
   * it is read, else they are dropped.
   */
  private readonly pending = new Map<ActorMention, string>();
  /** Demonyms after "ethnic": they take the one other state of their sentence, if there is one. */
  private readonly ethnic = new Set<ActorMention>();

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
        if (!this.pending.has(m)) this.memory.record(this.index, m);
      }
      const only = found.mentions.length === 1 ? found.mentions[0] : undefined;
      if (only && isState(only.country)) this.noteInstitutions(i, found.next, only.country);
      if (found.mentions.length > 0) {
        this.lastEnd = found.next;
        this.lastCountry = found.mentions[0]?.country ?? null;
      }
      i = Math.max(found.next, i + 1);
    }
    if (this.pending.size > 0) this.settle();
    if (this.ethnic.size > 0) this.settleEthnic();
    return this.out;
  }

  /**
   * Gives each "ethnic" people the one state other than their own that the
   * sentence names as a place ("ethnic Albanians demonstrated in Serbia" are
   * of Serbia); with none or several they keep their own.
   */
  private settleEthnic(): void {
    const out = this.out;
    for (let k = 0; k < out.length; k++) {
      const m = out[k];
      if (!m || !this.ethnic.has(m)) continue;
      const states = new Set<CountryCode>();
      for (const other of out) {
        if (other.actor.kind === "person" || other.via === "coreference" || this.ethnic.has(other)) continue;
        if (isState(other.country) && other.country !== m.country && this.placeAt(other))
          states.add(other.country);
      }
      const country = states.size === 1 ? [...states][0] : undefined;
      const actor = country ? this.gazetteer.state(country) : null;
      if (actor && country) out[k] = { ...m, actor, country };
    }
  }

  /** Whether a mention is named as a place: "in Serbia", "in southern Serbia". */
  private placeAt(mention: ActorMention): boolean {
    const k = this.words.findIndex((w) => w.start === mention.start);
    if (k < 1) return false;
    const before = this.at(k - 1);
    return before.key === "in" || (this.at(k - 2).key === "in" && before.pos === "ADJ");
  }

  /** Files the institutions named in words [from, to) under the state of their mention. */
  private noteInstitutions(from: number, to: number, country: CountryCode): void {
    const trie = this.ix.institutions;
    for (let k = from; k < to; k++) {
      if (!trie.starts(this.at(k).key)) continue;
      const m = trie.match(this.words, k);
      if (m && m.end <= to) {
        this.memory.rememberInstitution(this.index, m.value, country);
        k = m.end - 1;
      }
    }
  }

  /**
   * Gives each pending person the one state the sentence names other than
   * through persons ("President Yoweri Museveni banned Ugandan opposition
   * parties"), or in a sentence naming none, the state of the mention the
   * sentence before opens with; drops them otherwise.
   */
  private settle(): void {
    const states = new Set<CountryCode>();
    for (const m of this.out) {
      // Not through persons or "his country": the titled person may be their counterpart.
      if (this.pending.has(m) || m.actor.kind === "person" || m.via === "coreference") continue;
      if (isState(m.country)) states.add(m.country);
    }
    // A sentence naming no state continues the one before: "The Turkish Trade Ministry said ...
    // On May 3, Trade Minister Omer Bolat said ..." takes the state that sentence opens with.
    const opening = states.size === 0 ? this.memory.opening(this.index - 1) : null;
    const country =
      states.size === 1 ? [...states][0] : isState(opening?.country ?? null) ? opening?.country : null;
    const out = this.out;
    for (let k = out.length - 1; k >= 0; k--) {
      const m = out[k];
      const name = m && this.pending.get(m);
      if (!m || name === undefined) continue;
      if (!country) {
        out.splice(k, 1);
        continue;
      }
      const actor: ActorRecord = { ...m.actor, country };
      const resolved: ActorMention = { ...m, actor, country };
      out[k] = resolved;
      this.remember(actor, name);
      this.memory.record(this.index, resolved);
    }
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
    // "Russian language", "Saudi-owned", "Israel-made".
    if (
      next &&
      this.ix.notActorAfter.has(next.key) &&
      (next.gap === "-" || (value.via === "demonym" && next.gap === " "))
    )
      return true;
    // "pro-Palestinian", "anti-Iran": a stance towards the actor, not the actor.
    const first = this.words[m.start];
    if (first?.gap === "-" && this.ix.notActorBefore.has(this.at(m.start - 1).key)) return true;
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
      if (ix.titles.starts(w.key)) {
        const title = ix.titles.match(words, j);
        // "Tom King": a one-word title inside a name is a name unless a name follows it.
        const inside =
          title && j > i && title.end === j + 1 && !(this.spaced(j + 1) && this.at(j + 1).capital);
        if (title && !inside) break;
      }
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
    const unknown = this.unknownNameAt(i, 1);
    // "ambassador Abbas Mousavi": a known surname followed by more of a name was a first name.
    if (surname && !(unknown && unknown.end > surname.end)) return surname;
    if (!unknown) return null;
    const actor = this.personActor(unknown.text, null);
    return { end: unknown.end, actor, via: "title", known: false, text: unknown.text };
  }

  /**
   * ", Abbas Mousavi," after a title without a name ("Iran's ambassador in
   * Baku, Abbas Mousavi, was summoned"): the person holding it, when the name
   * is closed by a comma or the sentence end.
   */
  private appositiveName(m: number): NameHit | null {
    const first = this.words[m];
    if (first?.gap.trim() !== ",") return null;
    const hit = this.nameMatch(m);
    let end: number;
    let hitActor: ActorRecord | null = null;
    if (hit?.value.type === "person") {
      end = hit.end;
      hitActor = hit.value.person.actor;
    } else if (hit) {
      return null;
    } else {
      const unknown = this.unknownNameAt(m, 2);
      if (!unknown) return null;
      end = unknown.end;
    }
    const after = this.words[end];
    if (after && !/^\s*[,;:]/.test(after.gap)) return null;
    const text = this.text(first.start, this.wordEnd(end));
    if (hitActor) return { end, actor: hitActor, via: "person", known: true, text };
    return { end, actor: this.personActor(text, null), via: "title", known: false, text };
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
  private genericTitle(k: number): PhraseMatch<TitleValue> | null {
    const { ix, words } = this;
    for (let q = 1; q <= 3; q++) {
      const qualifier = words[k + q - 1];
      if (!qualifier || !QUALIFIER_POS.has(qualifier.pos) || (q > 1 && !this.spaced(k + q - 1))) return null;
      if (ix.names.starts(qualifier.key) && ix.names.match(words, k + q - 1)) return null;
      const head = words[k + q];
      if (head && ix.titleHeads.has(head.key) && this.spaced(k + q)) {
        const title = ix.titles.match(words, k + q);
        return {
          value: {
            role: title?.value.role ?? null,
            to: title?.value.to ?? false,
            foreign: title?.value.foreign ?? false,
          },
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
    let foreign = false;
    let k = j;
    for (;;) {
      const t = ix.titles.match(words, k) ?? this.genericTitle(k);
      if (!t) break;
      role ??= t.value.role;
      to = t.value.to;
      foreign ||= t.value.foreign;
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
    return role === undefined ? null : { end: k, role, to, foreign };
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
    } else if (chain.to && (link === "to" || link === "in")) {
      const after = this.actorAfter(m + 1);
      if (after) m = after.end; // an envoy *to* (or *in*) a state is not of it
    }
    const stated = country; // from the words of the title itself, not from a neighbour
    country ??= inherited;
    const role = past || lesser ? null : chain.role;
    const start = head ? head.start : titleStart;
    let name = this.nameAfterTitle(m, role) ?? (country ? this.appositiveName(m) : null);
    // "US Ambassador Cohen" is not Israel's Eli Cohen: a surname alone gives way to the title's state.
    if (name?.bySurname && isState(stated) && name.actor.country !== stated) {
      name = this.surnameOf(m, name, stated, role);
    }
    if (name) {
      const personCountry = name.known ? name.actor.country : (country ?? name.actor.country);
      const actor = name.known ? name.actor : { ...name.actor, country: personCountry };
      const mention = this.mention(start, this.wordEnd(name.end), actor, name.via, personCountry);
      if (personCountry === null) {
        // "his counterpart X" serves another state than the one in view.
        if (chain.foreign) return null;
        this.pending.set(mention, name.text);
      } else {
        this.remember(actor, name.text);
      }
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
  private actorScan(i: number, m: PhraseMatch<NameValue>, named: NameValue & { type: "actor" }): Scan {
    let value = named;
    if (this.blocked(value, m)) return { next: m.end, mentions: NOTHING };
    // "Guards units" names the Revolutionary Guards only after the document has named them.
    if (value.afterNamed && !this.memory.hasNamed(value.actor)) return { next: m.end, mentions: NOTHING };
    const other = this.homonymAt(m, value.actor);
    if (other) value = { ...value, actor: other };
    if (value.actor.country === "UNK") {
      const end = this.attackerModifierEnd(m.end);
      return { next: end, mentions: [this.mention(i, this.wordEnd(end), value.actor, value.via)] };
    }
    const head: Head = { actor: value.actor, via: value.via, start: i };
    // "Bosnian Serbs", "Iraqi Kurds": a people of the state the first word names.
    const end = value.via === "demonym" ? this.peopleAfter(m.end, value.actor) : m.end;
    const possessive = possessiveAfter(this.words, end - 1);
    const k = possessive ? possessive.next : end;
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
        if (hit) {
          // "Israel's Netanyahu government" is the state.
          const after = this.spaced(hit.end) ? this.ix.afterPerson.match(this.words, hit.end) : null;
          if (after)
            return {
              next: after.end,
              mentions: [this.mention(i, this.wordEnd(after.end), value.actor, value.via)],
            };
          return { next: hit.end, mentions: [this.mention(i, this.wordEnd(hit.end), hit.actor, "person")] };
        }
      }
      const noun = this.nounAfter(k, possessive !== null);
      if (noun) {
        return {
          next: noun.end,
          mentions: [this.mention(i, this.wordEnd(noun.end), value.actor, value.via)],
        };
      }
    }
    return { next: end, mentions: [this.mention(i, this.wordEnd(end), value.actor, value.via)] };
  }

  /**
   * Past a people named after a demonym ("Bosnian Serbs", "Iraqi Kurds",
   * "Israeli Arabs"): the end of the people's word, or `end`.
   */
  private peopleAfter(end: number, actor: ActorRecord): number {
    if (!this.spaced(end)) return end;
    const w = this.at(end);
    if (w.capital && this.ix.ethnicNouns.has(w.key)) return end + 1;
    const m = this.ix.names.starts(w.key) ? this.nameMatch(end) : null;
    const value = m?.value;
    if (!m || value?.type !== "actor" || value.via !== "demonym" || value.actor.id === actor.id) return end;
    // A people ("Serbs") or the people's actors ("Serb forces"); not "Turkish Israeli trade", two states.
    const people =
      this.at(m.end - 1).key.endsWith("s") || (this.spaced(m.end) && this.ix.nouns.match(this.words, m.end));
    return people ? m.end : end;
  }

  /**
   * "the ministry", "the Foreign Ministry's spokesman": an institution named
   * without its state is the one of that kind the document named last.
   */
  private institutionScan(i: number): Scan | null {
    const inst = this.ix.institutions.match(this.words, i + 1);
    if (!inst || !this.spaced(i + 1) || this.at(inst.end).key === "of") return null;
    const country = this.memory.institution(this.index, inst.value);
    const state = country ? this.gazetteer.state(country) : null;
    if (!state) return null;
    const possessive = possessiveAfter(this.words, inst.end - 1);
    if (possessive && this.spaced(possessive.next)) {
      const t = this.titlePhrase(possessive.next, { actor: state, via: "coreference", start: i }, null);
      if (t) return t;
    }
    const mention = this.mention(i, this.wordEnd(inst.end), state, "coreference", country);
    return { next: inst.end, mentions: [mention] };
  }

  /**
   * "A gunman armed with a Kalashnikov rifle attacked ...": an unidentified
   * attacker's participle modifier belongs to its mention, up to the verb the
   * attacker is the subject of; the end word of the longer mention, or `end`.
   */
  private attackerModifierEnd(end: number): number {
    const first = this.words[end];
    if (!first || !this.spaced(end) || !this.ix.attackerModifiers.has(first.key)) return end;
    for (let k = end + 1; k < this.words.length && k <= end + 10; k++) {
      const w = this.at(k);
      if (!joins(w.gap) || (this.ix.names.starts(w.key) && this.nameMatch(k))) return end;
      if (w.pos === "VERB" || w.pos === "AUX") return k;
    }
    return end;
  }

  /**
   * The other state a homonym names here: "Atlanta, Georgia", "the state of
   * Georgia", "Georgia's governor" are the US state, and so is every later
   * "Georgia" of a document that does not name the country Georgia otherwise.
   */
  private homonymAt(m: PhraseMatch<NameValue>, named: ActorRecord): ActorRecord | null {
    if (this.ix.homonyms.size === 0) return null;
    let key = this.at(m.start).key;
    for (let k = m.start + 1; k < m.end; k++) key += ` ${this.at(k).key}`;
    const homonym = this.ix.homonyms.get(key);
    if (!homonym) return null;
    // Sticky only while the document names the state itself in no other way ("Tbilisi", "Georgian").
    if (this.memory.choseHomonym(key) && !this.memory.hasNamedState(named.country)) return homonym.actor;
    const possessive = possessiveAfter(this.words, m.end - 1);
    const after = this.words[possessive ? possessive.next : m.end];
    const cued =
      (after !== undefined && homonym.after.has(after.key)) ||
      homonym.before.some((cue) => cue.every((word, back) => this.at(m.start - 1 - back).key === word));
    if (!cued) return null;
    this.memory.chooseHomonym(key);
    return homonym.actor;
  }

  /**
   * An actor noun at `k` ("army"), or after a possessive up to two modifiers
   * first ("Iraq's interim government", "Nicaragua's Sandinista government").
   */
  private nounAfter(k: number, possessive: boolean): PhraseMatch<true> | null {
    const { ix, words } = this;
    const noun = ix.nouns.match(words, k);
    if (noun || !possessive) return noun;
    for (let j = k; j < k + 2; j++) {
      const w = this.at(j);
      const modifier = ix.temporal.has(w.key) || w.pos === "ADJ" || (w.capital && w.pos === "PROPN");
      if (!modifier || (j > k && !this.spaced(j)) || (ix.names.starts(w.key) && this.nameMatch(j)))
        return null;
      if (!this.spaced(j + 1)) return null;
      const after = ix.nouns.match(words, j + 1);
      if (after) return after;
    }
    return null;
  }

  /**
   * "it" as the subject of a verb, referring to the state (or body) that
   * opens the clause before it: "Although Iran resented it, it had little
   * choice", "Azerbaijan issued statements. Yet, it also reminded Tehran".
   * Not "It is", "it was" and the like, which mostly point at no actor.
   */
  private pronounScan(i: number): Scan | null {
    const { ix } = this;
    const before = this.words[i - 1];
    const opensClause =
      before === undefined || /,\s*$/.test(this.at(i).gap) || ix.clauseLinks.has(before.key);
    if (!opensClause) return null;
    let v = i + 1;
    if (this.at(v).pos === "ADV" || this.at(v).key === "not") v++;
    const verb = this.at(v);
    if ((verb.pos !== "VERB" && verb.pos !== "AUX") || ix.pronounNotBefore.has(verb.key)) return null;
    if (verb.pos === "AUX" && ix.pronounNotBefore.has(this.at(v + 1).key)) return null;
    const antecedent = this.clauseSubject() ?? this.memory.opening(this.index - 1);
    if (!antecedent || !isState(antecedent.country) || !PRONOUN_KINDS.has(antecedent.actor.kind)) return null;
    if (antecedent.via === "demonym" || antecedent.via === "coreference") return null;
    const mention = this.mention(i, this.at(i).end, antecedent.actor, "coreference", antecedent.country);
    return { next: i + 1, mentions: [mention] };
  }

  /** The mention that opens this sentence or a subordinate clause at its start ("Although Iran ..."). */
  private clauseSubject(): ActorMention | null {
    const first = this.out[0];
    if (!first) return null;
    const k = this.words.findIndex((w) => w.start === first.start);
    if (k === 0) return first;
    return k === 1 && this.ix.clauseLinks.has(this.at(0).key) ? first : null;
  }

  /** Everything that starts at word `i`, or null. */
  private scanAt(i: number): Scan | null {
    const { ix, words } = this;
    const w = this.at(i);
    if (ix.pronouns.has(w.key)) return this.pronounScan(i);
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
    if (!m && w.key === "the") return this.institutionScan(i);
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
        case "actor": {
          const scan = this.actorScan(i, m, value);
          const only = scan.mentions.length === 1 ? scan.mentions[0] : undefined;
          // "ethnic Albanians in Serbia": a minority, coded by the state it lives in.
          if (only?.via === "demonym" && this.spaced(i) && ix.ethnicMarkers.has(this.at(i - 1).key)) {
            this.ethnic.add(only);
          }
          return scan;
        }
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
