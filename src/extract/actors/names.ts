import { actorIdFor } from "../../core/ids.ts";
import type { ActorRecord, CountryCode } from "../../core/records.ts";
import type { MentionVia } from "../types.ts";
import type { PersonInfo } from "./gazetteer.ts";
import type { Reading } from "./reading.ts";
import { joins, splitWords, type Word } from "./words.ts";

/** A person's name found in the text. */
export interface NameHit {
  readonly end: number;
  readonly actor: ActorRecord;
  readonly via: MentionVia;
  /** From the gazetteer or named before in the document; else a person new to us. */
  readonly known: boolean;
  /** Found by a surname alone (of a known person, or of one named before). */
  readonly bySurname?: boolean;
  readonly text: string;
}

const NAME_POS = new Set(["PROPN", "NOUN", "X", ""]);
const LETTER = /\p{L}/u;
const SYLLABLE = /^[a-z]{2,5}$/;

/** Files a person under the name as written and, for a known person, every surname they go by. */
export function remember(r: Reading, actor: ActorRecord, name: string): void {
  const nameKeys = splitWords(name).map((w) => w.key);
  const keys = [nameKeys.join(" ")];
  const info = r.gazetteer.person(actor.name);
  if (info?.actor.id === actor.id) keys.push(...info.surnameKeys);
  else if (nameKeys.length > 1) keys.push(nameKeys.at(-1) ?? "");
  r.memory.rememberPerson(actor, keys);
}

function latestStart(person: PersonInfo): string {
  return person.terms.reduce((latest, t) => ((t.from ?? "") > latest ? (t.from ?? "") : latest), "");
}

/** Picks among persons sharing a surname: one named before, else the holder of the title's office. */
function choose(r: Reading, candidates: readonly PersonInfo[], role: string | null): PersonInfo | null {
  const named = candidates.find((c) => r.memory.hasNamed(c.actor));
  if (named) return named;
  if (role) {
    const holders = candidates.filter((c) => c.terms.some((t) => t.role === role));
    const published = r.published;
    if (published) {
      const current = holders.find((c) =>
        c.terms.some(
          (t) => t.role === role && r.gazetteer.holderOf(role, t.country, published)?.id === c.actor.id,
        ),
      );
      if (current) return current;
    }
    const latest = [...holders].sort((a, b) => latestStart(b).localeCompare(latestStart(a)))[0];
    if (latest) return latest;
  }
  return candidates.find((c) => c.surnameAlone) ?? candidates[0] ?? null;
}

/**
 * A surname at `i`: of a person named earlier in the document, or of a known
 * person. `bare`: the surname stands alone, not after a title.
 */
export function surnameAt(r: Reading, i: number, role: string | null, bare: boolean): NameHit | null {
  const c = r.cursor;
  const first = c.words[i];
  if (!first?.capital) return null;
  if (r.memory.startsName(first.key)) {
    // Longest first ("Amir-Abdollahian" before "Abdollahian").
    for (let length = Math.min(3, c.length - i); length >= 1; length--) {
      let key = first.key;
      let joined = true;
      for (let k = 1; k < length; k++) {
        const w = c.at(i + k);
        joined &&= joins(w.gap);
        key += ` ${w.key}`;
      }
      const actor = joined ? r.memory.person(key) : undefined;
      if (actor) {
        const end = i + length;
        const via = bare ? "coreference" : "person";
        return { end, actor, via, known: true, bySurname: true, text: c.text(first.start, c.wordEnd(end)) };
      }
    }
  }
  const m = r.ix.surnames.match(c.words, i);
  if (!m) return null;
  const person = choose(r, m.value, role);
  if (!person || (bare && !person.surnameAlone)) return null;
  const text = c.text(first.start, c.wordEnd(m.end));
  return { end: m.end, actor: person.actor, via: "person", known: true, bySurname: true, text };
}

/**
 * "the Bush administration", "the Clinton government": a surname that several
 * known persons share, before a word that names a leader's government, is
 * the state that all the leaders among them led. Which of them is meant need
 * not be told (`surnameAt` would need it, and takes no surname shared without
 * a title). Persons without a leader's office do not count: the Phoenix
 * dictionary lists thousands of officials ("Georgiy Kim") whose surname
 * names no government.
 */
export function sharedSurnameStateAt(r: Reading, i: number): { end: number; state: ActorRecord } | null {
  const c = r.cursor;
  const m = r.ix.surnames.match(c.words, i);
  const after = m && c.spaced(m.end) ? r.ix.afterPerson.match(c.words, m.end) : null;
  if (!m || !after) return null;
  const leaders = m.value.filter((person) => person.terms.some((t) => r.ix.leaderRoles.has(t.role)));
  const countries = new Set(leaders.map((person) => person.actor.country));
  const [country] = countries;
  const state = countries.size === 1 && country ? r.gazetteer.state(country) : null;
  return state ? { end: after.end, state } : null;
}

/**
 * The lower-case second syllable of a hyphenated given name ("Moon Jae-in",
 * "Lee Nak-yon"); not a participle or a word that makes the name a kind of
 * thing ("Varga-led", "Putin-style", "Jakarta-born").
 */
function isSyllableAfterHyphen(r: Reading, w: Word): boolean {
  return w.gap === "-" && SYLLABLE.test(w.raw) && !w.raw.endsWith("ed") && !r.ix.notActorAfter.has(w.key);
}

/** Capitalised words that can be a person's name ("Vugar Bayramov", "Mohammad Zia-Ul-Haq"), at least `min` of them. */
export function unknownNameAt(r: Reading, i: number, min: number): { end: number; text: string } | null {
  const { cursor: c, ix } = r;
  let j = i;
  let names = 0;
  let proper = false;
  while (j < c.length && names < 4) {
    const w = c.at(j);
    if (j > i && !joins(w.gap)) break;
    if (c.isPossessiveMark(w)) break;
    if (!w.capital && j > i && ix.particles.has(w.key) && c.at(j + 1).capital) {
      j++;
      continue;
    }
    if (j > i && isSyllableAfterHyphen(r, w)) {
      j++;
      continue;
    }
    if (!w.capital || !NAME_POS.has(w.pos) || !LETTER.test(w.raw)) break;
    if (ix.functionWords.has(w.key) || ix.nameStop.has(w.key) || ix.honorifics.has(w.key)) break;
    if (ix.titles.starts(w.key)) {
      const title = ix.titles.match(c.words, j);
      // "Tom King": a one-word title inside a name is a name unless a name follows it.
      const inside = title && j > i && title.end === j + 1 && !(c.spaced(j + 1) && c.at(j + 1).capital);
      if (title && !inside) break;
    }
    const actor = ix.names.starts(w.key) ? ix.names.match(c.words, j) : null;
    if (actor && actor.value.type !== "person") break;
    if (w.pos === "PROPN") proper = true;
    names++;
    j++;
  }
  if (names < min || !proper || c.placeNameAfter(j)) return null;
  return { end: j, text: c.text(c.at(i).start, c.wordEnd(j)) };
}

/** A person new to the gazetteer, or the one of that name already met in the document. */
export function personActor(r: Reading, name: string, country: CountryCode | null): ActorRecord {
  const key = splitWords(name)
    .map((w) => w.key)
    .join(" ");
  const met = r.memory.person(key);
  if (met) return met;
  return { type: "actor", id: actorIdFor("person", name), kind: "person", name, country };
}

/** The person a title is followed by at `m`, known or not. */
export function nameAfterTitle(r: Reading, m: number, role: string | null): NameHit | null {
  const c = r.cursor;
  if (!c.spaced(m)) return null;
  let i = m;
  if (r.ix.honorifics.has(c.at(i).key) && c.at(i).capital) i++;
  const hit = c.nameMatch(i);
  if (hit?.value.type === "person") {
    if (c.placeNameAfter(hit.end)) return null;
    const text = c.text(c.at(i).start, c.wordEnd(hit.end));
    return { end: hit.end, actor: hit.value.person.actor, via: "person", known: true, text };
  }
  if (hit) return null; // "President Azerbaijan": a state, no person
  const surname = surnameAt(r, i, role, false);
  const unknown = unknownNameAt(r, i, 1);
  // "ambassador Abbas Mousavi": a known surname followed by more of a name was a first name.
  if (surname && !(unknown && unknown.end > surname.end)) return surname;
  if (!unknown) return null;
  const actor = personActor(r, unknown.text, null);
  return { end: unknown.end, actor, via: "title", known: false, text: unknown.text };
}

/**
 * ", Abbas Mousavi," after a title without a name ("Iran's ambassador in
 * Baku, Abbas Mousavi, was summoned"): the person holding it, when the name
 * is closed by a comma or the sentence end.
 */
export function appositiveName(r: Reading, m: number): NameHit | null {
  const c = r.cursor;
  const first = c.words[m];
  if (first?.gap.trim() !== ",") return null;
  const hit = c.nameMatch(m);
  let end: number;
  let hitActor: ActorRecord | null = null;
  if (hit?.value.type === "person") {
    end = hit.end;
    hitActor = hit.value.person.actor;
  } else if (hit) {
    return null;
  } else {
    const unknown = unknownNameAt(r, m, 2);
    if (!unknown) return null;
    end = unknown.end;
  }
  const after = c.words[end];
  if (after && !/^\s*[,;:]/.test(after.gap)) return null;
  const text = c.text(first.start, c.wordEnd(end));
  if (hitActor) return { end, actor: hitActor, via: "person", known: true, text };
  return { end, actor: personActor(r, text, null), via: "title", known: false, text };
}

/** The person of this surname who serves `country`: a known one, else one new to us. */
export function surnameOf(
  r: Reading,
  m: number,
  name: NameHit,
  country: CountryCode,
  role: string | null,
): NameHit {
  const c = r.cursor;
  const start = c.spaced(m) && r.ix.honorifics.has(c.at(m).key) ? m + 1 : m;
  const candidates = r.ix.surnames.match(c.words, start)?.value.filter((p) => p.actor.country === country);
  const known = candidates?.length ? choose(r, candidates, role) : null;
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
