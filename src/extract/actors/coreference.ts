import type { ActorMention } from "../types.ts";
import { isStateCode } from "../../core/codes.ts";
import type { NameValue } from "./gazetteer.ts";
import type { PhraseMatch } from "./phrase-trie.ts";
import { type Found, type Reading, type Scan, scanOf, skipTo } from "./reading.ts";
import { titlePhrase } from "./titles.ts";

// "the two" refers to two actors only when no noun follows ("the two members" does not).
const NOMINAL_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);
// What "it" may refer to: a state or a body, not a person or a people.
const PRONOUN_KINDS = new Set(["state", "organization", "igo"]);
const COMMA_BEFORE = /,\s*$/;

type Referring = NameValue & { type: "pair" | "context" | "personContext" };

/**
 * "the two countries" (the pair in view), "the country" (the one state in
 * view), "his country" (the state of the person named last).
 */
export function coreference(r: Reading, m: PhraseMatch<NameValue>, value: Referring): Scan {
  const { cursor: c, memory, gazetteer } = r;
  const end = c.wordEnd(m.end);
  const skip = skipTo(m.end);
  if (value.type === "pair") {
    const next = c.words[m.end];
    if (value.bare && next && c.spaced(m.end) && NOMINAL_POS.has(next.pos)) return skip;
    // "Of the two, Azerbaijan ...": a partitive picks one of them, it names neither.
    if (value.bare && c.at(m.start - 1).key === "of") return skip;
    const found = memory.pair(r.index, value.bare).flatMap((country): Found[] => {
      const actor = gazetteer.state(country);
      return actor
        ? [{ kind: "mention", mention: c.mention(m.start, end, actor, "coreference", country) }]
        : [];
    });
    return { next: m.end, found };
  }
  if (c.at(m.end).key === "of") return skip; // "the government of Azerbaijan" names it
  const country = value.type === "context" ? memory.single(r.index) : memory.lastPersonCountry(r.index);
  const actor = isStateCode(country) ? gazetteer.state(country) : null;
  return actor ? scanOf(m.end, c.mention(m.start, end, actor, "coreference", country)) : skip;
}

/**
 * "the ministry", "the Foreign Ministry's spokesman" at `i` (on "the"): an
 * institution named without its state is the one of that kind the document
 * named last.
 */
export function institutionScan(r: Reading, i: number): Scan | null {
  const { cursor: c, memory, gazetteer } = r;
  const inst = r.ix.institutions.match(c.words, i + 1);
  if (!inst || !c.spaced(i + 1) || c.at(inst.end).key === "of") return null;
  const country = memory.institution(r.index, inst.value);
  const state = country ? gazetteer.state(country) : null;
  if (!state) return null;
  const possessive = c.possessiveAfter(inst.end - 1);
  if (possessive && c.spaced(possessive.next)) {
    const t = titlePhrase(r, possessive.next, { actor: state, via: "coreference", start: i }, null);
    if (t) return t;
  }
  return scanOf(inst.end, c.mention(i, c.wordEnd(inst.end), state, "coreference", country));
}

/**
 * "it" as the subject of a verb, referring to the state (or body) that
 * opens the clause before it: "Although Iran resented it, it had little
 * choice", "Azerbaijan issued statements. Yet, it also reminded Tehran".
 * Not "It is", "it was" and the like, which mostly point at no actor.
 */
export function pronounScan(r: Reading, i: number): Scan | null {
  const { cursor: c, ix } = r;
  const before = c.words[i - 1];
  const opensClause =
    before === undefined || COMMA_BEFORE.test(c.at(i).gap) || ix.clauseLinks.has(before.key);
  if (!opensClause) return null;
  let v = i + 1;
  if (c.at(v).pos === "ADV" || c.at(v).key === "not") v++;
  const verb = c.at(v);
  if ((verb.pos !== "VERB" && verb.pos !== "AUX") || ix.pronounNotBefore.has(verb.key)) return null;
  if (verb.pos === "AUX" && ix.pronounNotBefore.has(c.at(v + 1).key)) return null;
  const antecedent = clauseSubject(r) ?? r.memory.opening(r.index - 1);
  if (!antecedent || !isStateCode(antecedent.country) || !PRONOUN_KINDS.has(antecedent.actor.kind))
    return null;
  if (antecedent.via === "demonym" || antecedent.via === "coreference") return null;
  return scanOf(i + 1, c.mention(i, c.at(i).end, antecedent.actor, "coreference", antecedent.country));
}

/** What opens this sentence, or a subordinate clause at its start ("Although Iran ..."). */
function clauseSubject(r: Reading): ActorMention | null {
  const first = r.found[0]?.mention;
  if (!first) return null;
  const k = r.cursor.indexAt(first.start);
  if (k === 0) return first;
  return k === 1 && r.ix.clauseLinks.has(r.cursor.at(0).key) ? first : null;
}
