import type { ActorRecord, CountryCode } from "../../core/records.ts";
import { actorIdFor } from "../../core/ids.ts";
import { AGENT_KIND_NAMES, type ActorMention, type AgentKind } from "../types.ts";
import type { SentenceCursor } from "./cursor.ts";
import { isStateCode } from "../../core/codes.ts";
import type { Gazetteer } from "./gazetteer.ts";
import type { BareAgent, Found } from "./reading.ts";

/** A pending person given a state, with the name they go by (for the document's memory). */
export interface SettledPerson {
  readonly mention: ActorMention;
  readonly name: string;
}

/**
 * The one state a sentence's pending persons take: the one state it names
 * other than through persons or coreference ("President Yoweri Museveni
 * banned Ugandan opposition parties"), else, in a sentence naming none, the
 * state of the mention the sentence before opens with (`opening`): "The
 * Turkish Trade Ministry said ... On May 3, Trade Minister Omer Bolat said".
 */
export function pendingState(found: readonly Found[], opening: ActorMention | null): CountryCode | null {
  const states = new Set<CountryCode>();
  for (const f of found) {
    const m = f.mention;
    // Not through persons or "his country": the titled person may be their counterpart.
    if (f.kind === "pending" || m.actor.kind === "person" || m.via === "coreference") continue;
    if (isStateCode(m.country)) states.add(m.country);
  }
  if (states.size === 1) return [...states][0] ?? null;
  if (states.size > 1) return null;
  return isStateCode(opening?.country ?? null) ? (opening?.country ?? null) : null;
}

/**
 * Gives each pending person `country`. Without one they are dropped (their
 * state is the guess between those named), unless the document has named no
 * state (`noStateNamed`): "President Askar Torov resigned" is then a person of
 * no state named. Returns what the sentence found with the pending settled,
 * and the persons settled (last first, the order the document's memory files
 * them in).
 */
export function settlePending(
  found: readonly Found[],
  country: CountryCode | null,
  noStateNamed = false,
): { readonly found: Found[]; readonly settled: SettledPerson[] } {
  const out: Found[] = [];
  const settled: SettledPerson[] = [];
  for (const f of found) {
    if (f.kind !== "pending") {
      out.push(f);
      continue;
    }
    if (!country && !noStateNamed) continue;
    const actor: ActorRecord = { ...f.mention.actor, country };
    const mention: ActorMention = { ...f.mention, actor, country };
    out.push({ kind: "mention", mention });
    settled.unshift({ mention, name: f.name });
  }
  return { found: out, settled };
}

/**
 * Gives each "ethnic" people the one state other than their own that the
 * sentence names as a place ("ethnic Albanians demonstrated in Serbia" are
 * of Serbia); with none or several they keep their own. Returns the
 * sentence's mentions.
 */
export function settleEthnic(
  found: readonly Found[],
  cursor: SentenceCursor,
  gazetteer: Gazetteer,
): ActorMention[] {
  const out: ActorMention[] = [];
  for (const f of found) {
    const m = f.mention;
    if (f.kind !== "ethnic") {
      out.push(m);
      continue;
    }
    const states = new Set<CountryCode>();
    for (const other of found) {
      const o = other.mention;
      if (other.kind === "ethnic" || o.actor.kind === "person" || o.via === "coreference") continue;
      if (isStateCode(o.country) && o.country !== m.country && placeAt(cursor, o)) states.add(o.country);
    }
    const country = states.size === 1 ? [...states][0] : undefined;
    const actor = country ? gazetteer.state(country) : null;
    out.push(actor && country ? { ...m, actor, country } : m);
  }
  return out;
}

/** Whether a mention is named as a place: "in Serbia", "in southern Serbia". */
function placeAt(cursor: SentenceCursor, mention: ActorMention): boolean {
  const k = cursor.indexAt(mention.start);
  if (k < 1) return false;
  const before = cursor.at(k - 1);
  return before.key === "in" || (cursor.at(k - 2).key === "in" && before.pos === "ADJ");
}

/**
 * Gives each sentence's bare agents the one state the whole document names
 * ("Police arrested dozens of protesters" in a report on Pakistan alone), as
 * mentions of that state in text order. In a document of several states they
 * name no one: which state's police they are is a guess. In a document of no
 * state ("Teachers said they will not end the strike") they are actors of
 * their own, coded by their kind alone as CAMEO codes an agent of no known
 * country (`agentOfNoState`).
 */
export function settleAgents(
  mentions: readonly ActorMention[][],
  agents: readonly (readonly BareAgent[])[],
  gazetteer: Gazetteer,
): ActorMention[][] {
  if (agents.every((inSentence) => inSentence.length === 0)) return [...mentions];
  const states = new Set<CountryCode>();
  for (const inSentence of mentions)
    for (const m of inSentence) if (isStateCode(m.country)) states.add(m.country);
  const only = states.size === 1 ? [...states][0] : undefined;
  const state = only ? gazetteer.state(only) : null;
  if (!state && states.size > 0) return [...mentions];
  return mentions.map((inSentence, index) => {
    const bare = agents[index] ?? [];
    if (bare.length === 0) return inSentence;
    const settled = bare.map((a): ActorMention => ({
      start: a.start,
      end: a.end,
      text: a.text,
      actor: state ?? agentOfNoState(a.kind),
      country: state?.country ?? null,
      via: "agent",
      agent: a.kind,
    }));
    return [...inSentence, ...settled].sort((a, b) => a.start - b.start);
  });
}

/** The actor of an agent kind with no state named: "agent:labour", "Labour (no state named)". */
export function agentOfNoState(kind: AgentKind): ActorRecord {
  const name = AGENT_KIND_NAMES[kind];
  return {
    type: "actor",
    id: actorIdFor("agent", name),
    kind: "group",
    name: `${name.charAt(0).toUpperCase()}${name.slice(1)} (no state named)`,
    country: null,
  };
}
