import type { ActorRecord } from "../../core/records.ts";
import { type Reading, type Scan, scanOf, skipTo } from "./reading.ts";

/**
 * A generic agent at `i` ("police", "riot police", "teachers") that no state
 * name before it took in ("Pakistani police" is an actor phrase of
 * actor-phrases.ts). With a place of a state after it ("police in Karachi",
 * "soldiers from Chad") it is that state's; with an actor it is part of
 * ("workers of the UN") it is no mention of its own; otherwise it is bare
 * (`BareAgent`). Not an agent: a noun modifying another ("police station",
 * "student union", "rebel-held"), one that continues the name just read
 * ("Hamas militants"), nor a capitalised word of a name ("Commission for
 * Refugees").
 */
export function agentScan(r: Reading, i: number, previous: { readonly next: number } | null): Scan | null {
  const { cursor: c, ix } = r;
  const m = ix.agents.match(c.words, i);
  if (!m) return null;
  const next = c.words[m.end];
  if (next && (next.gap === "-" || (c.spaced(m.end) && next.pos === "NOUN"))) return skipTo(m.end);
  if (previous?.next === i && c.spaced(i)) return skipTo(m.end);
  // Capitalised inside a sentence, it is a word of a name ("High Commission for Refugees", "Border Police").
  if (i > 0 && c.at(i).capital) return skipTo(m.end);
  const end = c.wordEnd(m.end);
  const owner = ownerAfter(r, m.end);
  if (owner === OTHER_OWNER) return skipTo(m.end);
  if (owner) return scanOf(m.end, { ...c.mention(i, end, owner, "agent"), agent: m.value });
  const start = c.at(i).start;
  return { next: m.end, found: [], agents: [{ start, end, text: c.text(start, end), kind: m.value }] };
}

/** Words that place an agent: "police in Karachi", "soldiers from Chad", "students at Tehran University". */
const PLACES = new Set(["in", "from", "at"]);
/** Words that give an agent's body: "workers of the UN", "staff employed by the UNHCR", "doctors working for MSF". */
const BODIES = new Set(["of", "by", "for", "with"]);
/** The agent is the actor's named after it, whose own mention speaks for it. */
const OTHER_OWNER = "other";

/**
 * Whose agents these are, from what follows them at `k`: a place of a state
 * ("police in Karachi", "soldiers from Chad") gives the state; an actor they
 * are part of ("special forces of Iran's Guards", "workers employed by the
 * UNHCR") or a body they are at makes them that actor's, who is named
 * anyway; null when nothing names an owner.
 */
function ownerAfter(r: Reading, k: number): ActorRecord | typeof OTHER_OWNER | null {
  const { cursor: c, ix, gazetteer } = r;
  let tie = k;
  if (c.at(tie).pos === "VERB" && c.spaced(tie) && BODIES.has(c.at(tie + 1).key)) tie++;
  const word = c.at(tie).key;
  if (!(PLACES.has(word) || BODIES.has(word)) || !c.spaced(tie) || !c.spaced(tie + 1)) return null;
  let at = tie + 1;
  while (at < tie + 3 && (c.at(at).pos === "DET" || c.at(at).pos === "ADJ") && c.spaced(at + 1)) at++;
  const named = ix.names.starts(c.at(at).key) ? c.nameMatch(at) : null;
  if (named?.value.type !== "actor") return null;
  const { actor } = named.value;
  if (BODIES.has(word) || actor.kind !== "state") return OTHER_OWNER;
  return actor.country ? gazetteer.state(actor.country) : null;
}
