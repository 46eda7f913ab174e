import { UNKNOWN_SIDE } from "../../core/codes.ts";
import type { ActorRecord } from "../../core/records.ts";
import type { AgentKind, MentionVia } from "../types.ts";
import type { NameValue } from "./gazetteer.ts";
import { surnameAt } from "./names.ts";
import type { PhraseMatch } from "./phrase-trie.ts";
import { type Reading, type Scan, scanOf, skipTo } from "./reading.ts";
import { apposition, type Head, titlePhrase } from "./titles.ts";
import { joins } from "./words.ts";

type ActorName = NameValue & { type: "actor" };

const CURRENCY_AFTER = /^\s?\$/;
// "U.S. Secretary of State": the abbreviation's full stop is no boundary.
const ABBREVIATION_STOP = /^\.[ \u00a0]+$/;

/**
 * "Washington Post", "Jordan Peterson", "Baku-based", "US$600", "the Russian
 * language": a name that is not the actor here.
 */
function blocked(r: Reading, value: ActorName, m: PhraseMatch<NameValue>): boolean {
  const { cursor: c, ix } = r;
  const next = c.words[m.end];
  if (next && CURRENCY_AFTER.test(next.gap)) return true;
  if (value.place && next?.key === "based" && next.gap === "-") return true;
  // "Russian language", "Saudi-owned", "Israel-made".
  if (
    next &&
    ix.notActorAfter.has(next.key) &&
    (next.gap === "-" || (value.via === "demonym" && next.gap === " "))
  )
    return true;
  // "pro-Palestinian", "anti-Iran": a stance towards the actor, not the actor.
  const first = c.words[m.start];
  if (first?.gap === "-" && ix.notActorBefore.has(c.at(m.start - 1).key)) return true;
  if (!value.personLike && !value.place) return false;
  if (c.spaced(m.end) && c.nameLike(next)) return true;
  return value.personLike && c.spaced(m.start) && c.nameLike(c.words[m.start - 1]);
}

/**
 * A person named from `i` to `end`: "the Erdogan administration" is the
 * person's state; an apposition after the name (", the foreign minister of
 * Azerbaijan") is read with it and names no one else.
 */
export function personScan(r: Reading, i: number, end: number, actor: ActorRecord, via: MentionVia): Scan {
  const c = r.cursor;
  const after = r.ix.afterPerson.match(c.words, end);
  const state = actor.country ? r.gazetteer.state(actor.country) : null;
  if (after && c.spaced(end) && state) {
    return scanOf(after.end, c.mention(i, c.wordEnd(after.end), state, via));
  }
  const app = apposition(r, end);
  return scanOf(app ? app.end : end, c.mention(i, c.wordEnd(end), actor, via));
}

/** "Iran's foreign minister", "the Israeli army", "Turkey's Erdogan", or just "Iran". */
export function actorScan(r: Reading, i: number, m: PhraseMatch<NameValue>, named: ActorName): Scan {
  const c = r.cursor;
  let value = named;
  if (blocked(r, value, m)) return skipTo(m.end);
  // "Guards units" names the Revolutionary Guards only after the document has named them.
  if (value.afterNamed && !r.memory.hasNamed(value.actor)) return skipTo(m.end);
  const other = homonymAt(r, m, value.actor);
  if (other) value = { ...value, actor: other };
  if (value.actor.country === UNKNOWN_SIDE) {
    const end = attackerModifierEnd(r, m.end);
    return scanOf(end, c.mention(i, c.wordEnd(end), value.actor, value.via));
  }
  const head: Head = { actor: value.actor, via: value.via, start: i };
  // "Bosnian Serbs", "Iraqi Kurds": a people of the state the first word names.
  const end = value.via === "demonym" ? peopleAfter(r, m.end, value.actor) : m.end;
  const possessive = c.possessiveAfter(end - 1);
  const k = possessive ? possessive.next : end;
  const abbreviated = ABBREVIATION_STOP.test(c.at(k).gap) && c.at(k - 1).raw.length === 1;
  if (c.spaced(k) || abbreviated) {
    const t = titlePhrase(r, k, head, null);
    if (t) return t;
    if (possessive) {
      // "Turkey's Erdogan": the person, with the state they lead.
      const person = c.nameMatch(k);
      const hit =
        person?.value.type === "person"
          ? { end: person.end, actor: person.value.person.actor }
          : surnameAt(r, k, null, true);
      if (hit) {
        // "Israel's Netanyahu government" is the state.
        const after = c.spaced(hit.end) ? r.ix.afterPerson.match(c.words, hit.end) : null;
        if (after) return scanOf(after.end, c.mention(i, c.wordEnd(after.end), value.actor, value.via));
        return scanOf(hit.end, c.mention(i, c.wordEnd(hit.end), hit.actor, "person"));
      }
    }
    const noun = nounAfter(r, k, possessive !== null);
    if (noun) {
      const mention = c.mention(i, c.wordEnd(noun.end), value.actor, value.via);
      return scanOf(noun.end, noun.value ? { ...mention, agent: noun.value } : mention);
    }
  }
  return scanOf(end, c.mention(i, c.wordEnd(end), value.actor, value.via));
}

/**
 * Past a people named after a demonym ("Bosnian Serbs", "Iraqi Kurds",
 * "Israeli Arabs"): the end of the people's word, or `end`.
 */
function peopleAfter(r: Reading, end: number, actor: ActorRecord): number {
  const { cursor: c, ix } = r;
  if (!c.spaced(end)) return end;
  const w = c.at(end);
  if (w.capital && ix.ethnicNouns.has(w.key)) return end + 1;
  const m = ix.names.starts(w.key) ? c.nameMatch(end) : null;
  const value = m?.value;
  if (!m || value?.type !== "actor" || value.via !== "demonym" || value.actor.id === actor.id) return end;
  // A people ("Serbs") or the people's actors ("Serb forces"); not "Turkish Israeli trade", two states.
  const people = c.at(m.end - 1).key.endsWith("s") || (c.spaced(m.end) && ix.nouns.match(c.words, m.end));
  return people ? m.end : end;
}

/**
 * "A gunman armed with a Kalashnikov rifle attacked ...": an unidentified
 * attacker's participle modifier belongs to its mention, up to the verb the
 * attacker is the subject of; the end word of the longer mention, or `end`.
 */
function attackerModifierEnd(r: Reading, end: number): number {
  const { cursor: c, ix } = r;
  const first = c.words[end];
  if (!first || !c.spaced(end) || !ix.attackerModifiers.has(first.key)) return end;
  for (let k = end + 1; k < c.length && k <= end + 10; k++) {
    const w = c.at(k);
    if (!joins(w.gap) || (ix.names.starts(w.key) && c.nameMatch(k))) return end;
    if (w.pos === "VERB" || w.pos === "AUX") return k;
  }
  return end;
}

/**
 * The other state a homonym names here: "Atlanta, Georgia", "the state of
 * Georgia", "Georgia's governor" are the US state, and so is every later
 * "Georgia" of a document that does not name the country Georgia otherwise.
 */
function homonymAt(r: Reading, m: PhraseMatch<NameValue>, named: ActorRecord): ActorRecord | null {
  const { cursor: c, ix, memory } = r;
  if (ix.homonyms.size === 0) return null;
  let key = c.at(m.start).key;
  for (let k = m.start + 1; k < m.end; k++) key += ` ${c.at(k).key}`;
  const homonym = ix.homonyms.get(key);
  if (!homonym) return null;
  // Sticky only while the document names the state itself in no other way ("Tbilisi", "Georgian").
  if (memory.choseHomonym(key) && !memory.hasNamedState(named.country)) return homonym.actor;
  const possessive = c.possessiveAfter(m.end - 1);
  const after = c.words[possessive ? possessive.next : m.end];
  const cued =
    (after !== undefined && homonym.after.has(after.key)) ||
    homonym.before.some((cue) => cue.every((word, back) => c.at(m.start - 1 - back).key === word));
  if (!cued) return null;
  memory.chooseHomonym(key);
  return homonym.actor;
}

/**
 * An actor noun at `k` ("army"), or after a possessive up to two modifiers
 * first ("Iraq's interim government", "Nicaragua's Sandinista government").
 */
function nounAfter(r: Reading, k: number, possessive: boolean): PhraseMatch<AgentKind | null> | null {
  const { cursor: c, ix } = r;
  const noun = ix.nouns.match(c.words, k);
  if (noun || !possessive) return noun;
  for (let j = k; j < k + 2; j++) {
    const w = c.at(j);
    const modifier = ix.temporal.has(w.key) || w.pos === "ADJ" || (w.capital && w.pos === "PROPN");
    if (!modifier || (j > k && !c.spaced(j)) || (ix.names.starts(w.key) && c.nameMatch(j))) return null;
    if (!c.spaced(j + 1)) return null;
    const after = ix.nouns.match(c.words, j + 1);
    if (after) return after;
  }
  return null;
}
