import type { ActorRecord, CountryCode } from "../../core/records.ts";
import type { MentionVia } from "../types.ts";
import { isStateCode } from "../../core/codes.ts";
import type { TitleValue } from "./gazetteer.ts";
import { appositiveName, nameAfterTitle, remember, surnameOf, unknownNameAt } from "./names.ts";
import type { PhraseMatch } from "./phrase-trie.ts";
import { type Reading, type Scan, scanOf } from "./reading.ts";

/** A state, organisation or body named before a title or noun ("Iran's", "Israeli"). */
export interface Head {
  readonly actor: ActorRecord;
  readonly via: MentionVia;
  readonly start: number;
}

interface Chain {
  readonly end: number;
  readonly role: string | null;
  /** The last title takes "to" + a host state ("ambassador to Azerbaijan"). */
  readonly to: boolean;
  /** A title of someone of another state than those around ("counterpart"). */
  readonly foreign: boolean;
}

// Modifiers that say the person no longer holds the office the title names.
const PAST = new Set(["former", "ex", "late", "then", "outgoing"]);
export const ARTICLES = new Set(["the", "a", "an"]);
const APPOSITION_LINKS = new Set(["of", "to", "for", "the"]);
const QUALIFIER_POS = new Set(["NOUN", "PROPN", "ADJ"]);

/** An actor after "of"/"to" in a title ("president of Armenia", "ambassador to Azerbaijan"). */
function actorAfter(r: Reading, j: number): { actor: ActorRecord; end: number } | null {
  const c = r.cursor;
  const k = ARTICLES.has(c.at(j).key) ? j + 1 : j;
  const m = c.nameMatch(k);
  if (m?.value.type !== "actor") return null;
  const possessive = c.possessiveAfter(m.end - 1);
  return { actor: m.value.actor, end: possessive ? possessive.next : m.end };
}

/** "of Jordan" after a titled name at `j`: the state, and where its words end. */
function stateAfter(r: Reading, j: number): { actor: ActorRecord; end: number } | null {
  if (r.cursor.at(j).key !== "of" || !r.cursor.spaced(j)) return null;
  const after = actorAfter(r, j + 1);
  return after?.actor.kind === "state" ? after : null;
}

/** A generic title at `k`: up to three qualifiers before a head word ("Strategic Affairs Minister"). */
function genericTitle(r: Reading, k: number): PhraseMatch<TitleValue> | null {
  const { cursor: c, ix } = r;
  for (let q = 1; q <= 3; q++) {
    const qualifier = c.words[k + q - 1];
    if (!qualifier || !QUALIFIER_POS.has(qualifier.pos) || (q > 1 && !c.spaced(k + q - 1))) return null;
    if (ix.names.starts(qualifier.key) && ix.names.match(c.words, k + q - 1)) return null;
    const head = c.words[k + q];
    if (head && ix.titleHeads.has(head.key) && c.spaced(k + q)) {
      const title = ix.titles.match(c.words, k + q);
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
function titleChain(r: Reading, j: number): Chain | null {
  const { cursor: c, ix } = r;
  let role: string | null | undefined;
  let to = false;
  let foreign = false;
  let k = j;
  for (;;) {
    const t = ix.titles.match(c.words, k) ?? genericTitle(r, k);
    if (!t) break;
    role ??= t.value.role;
    to = t.value.to;
    foreign ||= t.value.foreign;
    k = t.end;
    // "assistant to the President", "head of the Mossad" chain on.
    const link = c.at(k).key;
    if (link === "to" || link === "of") {
      const after = ARTICLES.has(c.at(k + 1).key) ? k + 2 : k + 1;
      if (ix.titles.match(c.words, after)) {
        k = after;
        continue;
      }
    }
    if (c.spaced(k) && ix.titles.match(c.words, k)) continue;
    break;
  }
  return role === undefined ? null : { end: k, role, to, foreign };
}

/**
 * A title phrase at `j`: [head] [modifiers] title [of STATE] [name]. With a
 * name it is one mention of the person; without, of the head's actor (or of
 * the office holder when the publication date is known). `inherited`: the
 * state of the mention just before ("Aliyev and Foreign Minister X").
 */
export function titlePhrase(
  r: Reading,
  j: number,
  head: Head | null,
  inherited: CountryCode | null,
): Scan | null {
  const { cursor: c, ix } = r;
  let k = j;
  let past = false;
  let lesser = false;
  for (;;) {
    const w = c.words[k];
    if (!w) return null;
    if (ix.temporal.has(w.key)) past ||= PAST.has(w.key);
    else if (ix.rank.has(w.key) && !ix.titles.match(c.words, k)) lesser = true;
    else break;
    k++;
  }
  const titleStart = k;
  const chain = titleChain(r, k);
  if (!chain) return null;
  let m = chain.end;
  let country: CountryCode | null = head?.actor.country ?? null;
  let of: ActorRecord | null = null;
  const link = c.at(m).key;
  if (!head && (link === "of" || link === "for")) {
    const after = actorAfter(r, m + 1);
    if (after) {
      of = after.actor;
      country = after.actor.country;
      m = after.end;
    }
  } else if (chain.to && (link === "to" || link === "in")) {
    const after = actorAfter(r, m + 1);
    if (after) m = after.end; // an envoy *to* (or *in*) a state is not of it
  }
  let stated = country; // from the words of the title itself, not from a neighbour
  const role = past || lesser ? null : chain.role;
  const start = head ? head.start : titleStart;
  let name = nameAfterTitle(r, m, role) ?? (country ? appositiveName(r, m) : null);
  let end = name?.end ?? m;
  // "King Abdullah of Jordan": a state after the name is stated by the title phrase too.
  const ofState = name && stated === null ? stateAfter(r, name.end) : null;
  if (ofState) {
    stated = ofState.actor.country;
    end = ofState.end;
  }
  country = stated ?? inherited;
  // "US Ambassador Cohen" is not Israel's Eli Cohen: a surname alone gives way to the title's state.
  if (name?.bySurname && isStateCode(stated) && name.actor.country !== stated) {
    name = surnameOf(r, m, name, stated, role);
  }
  if (name) {
    // "AU mediator Thabo Mbeki": an intergovernmental body's official acts for it, whatever his nationality.
    const forBody = head?.actor.kind === "igo" ? head.actor.country : null;
    const personCountry = forBody ?? (name.known ? name.actor.country : (country ?? name.actor.country));
    const actor = name.known ? name.actor : { ...name.actor, country: personCountry };
    const mention = c.mention(start, c.wordEnd(end), actor, name.via, personCountry);
    if (personCountry !== null) {
      remember(r, actor, name.text);
      return scanOf(end, mention);
    }
    // "his counterpart X" serves another state than the one in view.
    if (chain.foreign) return null;
    return { next: end, found: [{ kind: "pending", mention, name: name.text }] };
  }
  const base = head?.actor ?? of;
  if (!base || country === null) return null;
  // "Israeli general elections": the title word was an adjective of a noun.
  if (c.spaced(m) && c.at(m).pos === "NOUN") return null;
  let actor = base;
  let via: MentionVia = head ? head.via : "title";
  if (role && r.published && isStateCode(country)) {
    const holder = r.gazetteer.holderOf(role, country, r.published);
    if (holder) {
      actor = holder;
      via = "title";
    }
  }
  return scanOf(m, c.mention(start, c.wordEnd(m), actor, via, country));
}

/** ", the foreign minister of Azerbaijan": the apposition after a name at `p`, its end and state. */
export function apposition(r: Reading, p: number): { end: number; country: CountryCode | null } | null {
  const { cursor: c, ix } = r;
  const first = c.words[p];
  if (first?.gap.trim() !== ",") return null;
  let j = ARTICLES.has(first.key) ? p + 1 : p;
  let country: CountryCode | null = null;
  let titled = false;
  let last = -1;
  for (let steps = 0; steps < 12 && j < c.length; steps++) {
    const w = c.at(j);
    if (j > p && !c.spacedOrPossessive(j)) break;
    if (ix.temporal.has(w.key) || ix.rank.has(w.key)) {
      j++;
      continue;
    }
    const t = titleChain(r, j);
    if (t) {
      titled = true;
      j = t.end;
      last = j;
      continue;
    }
    const m = c.nameMatch(j);
    if (m?.value.type === "actor") {
      country ??= m.value.actor.country;
      const possessive = c.possessiveAfter(m.end - 1);
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
  if (c.spaced(last) && c.at(last).capital && unknownNameAt(r, last, 1)) return null;
  return { end: last, country };
}
