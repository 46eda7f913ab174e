import { rootOfCode, type CameoRoot } from "../../core/cameo.ts";
import { FORCE_KINDS, PEOPLE_KINDS, type ActorMention } from "../types.ts";
import type { PatternMatch } from "./match.ts";
import { isHardBoundary, tokenIn, type ActorGroup, type SentenceView } from "./sentence-view.ts";

/**
 * Who the parties of an event are, once its source and target phrases are
 * known: which pairs may stand (no actor on itself; one state on itself only
 * for domestic acts), both directions of mutual acts, and the domestic reading
 * of protests and of coercion by a state's own forces.
 */

/**
 * Roots whose source and target may be of one state when they are different
 * actors: police and protesters, a government and its opposition.
 */
const DOMESTIC_ROOTS: ReadonlySet<CameoRoot> = new Set([
  "08",
  "09",
  "10",
  "11",
  "12",
  "13",
  "14",
  "15",
  "17",
  "18",
  "19",
  "20",
]);

/** Roots of cooperation: one state's government and movement may agree or meet as a compound. */
const COOPERATION_ROOTS: ReadonlySet<CameoRoot> = new Set(["03", "04", "05", "06"]);

/** The source and target phrases of an event. */
export interface Roles {
  readonly sources: readonly ActorGroup[];
  readonly targets: readonly ActorGroup[];
}

function mentionsOf(groups: readonly ActorGroup[]): ActorMention[] {
  const mentions: ActorMention[] = [];
  for (const g of groups) mentions.push(...g.mentions);
  return mentions;
}

/**
 * May `source` act on `target`? Never an actor on itself, one state on itself
 * only for domestic roots, or for cooperation among parties acting `together`
 * (members of one compound); a domestic protest may be against its own state.
 */
function allowedPair(
  source: ActorMention,
  target: ActorMention,
  code: string,
  domestic = false,
  together = false,
): boolean {
  const sameActor = source.actor.id === target.actor.id;
  // One generic agent named twice ("police accused police"), even at home, is one party.
  const sameAgent = source.via === "agent" && target.via === "agent";
  if (sameAgent && sameActor && source.text.toLowerCase() === target.text.toLowerCase()) return false;
  if (domestic && source.country === target.country) return true;
  if (sameActor && !(namesPeople(source) || namesPeople(target))) return false;
  if (!source.country || source.country !== target.country) return !sameActor;
  // One state's actors on each other: only where people or a movement of it are one side
  // ("Croatia is investigating Croatian extremists", "Afghan rebels bombed Kabul"); not a
  // leader and his own state. Parties acting together ("the government and the rebels agreed")
  // cooperate at home too.
  const movement = source.actor.kind === "organization" || target.actor.kind === "organization";
  const root = rootOfCode(code);
  return (
    (DOMESTIC_ROOTS.has(root) || (together && COOPERATION_ROOTS.has(root))) &&
    source.text.toLowerCase() !== target.text.toLowerCase() &&
    (namesPeople(target) || namesPeople(source) || movement)
  );
}

/** Assaults that are acts of war when one state does them to another by name ("Serbia attacked Kosovo"). */
const WAR_CODES: Readonly<Record<string, string>> = { "180": "190", "182": "190", "183": "195" };

export function warCode(code: string, source: ActorMention, target: ActorMention | null): string {
  const war = WAR_CODES[code];
  if (!war || !target) return code;
  // Named as a state ("Serbia", "Baku"), not as its people ("Palestinian bombers").
  const named = (m: ActorMention): boolean =>
    m.actor.kind === "state" && m.via !== "demonym" && !namesPeople(m);
  return named(source) && named(target) ? war : code;
}

/**
 * A mention that names people or agents of a state rather than the state
 * ("Croatian extremists", "Serb civilians", "police"); "the two neighbours"
 * names the states.
 */
function namesPeople(mention: ActorMention): boolean {
  return mention.via === "agent" || (mention.via !== "coreference" && /\s\p{Ll}/u.test(mention.text));
}

/** Source x target pairs; a mutual act gives both directions, and among a compound with no other party, every pair. */
export function pairs(roles: Roles, options: PairOptions): [ActorMention, ActorMention | null][] {
  const { recip, code, allowNoTarget = false, domestic = false } = options;
  const sources = mentionsOf(roles.sources);
  const targets = mentionsOf(roles.targets);
  const out: [ActorMention, ActorMention | null][] = [];
  const allowed = (a: ActorMention, b: ActorMention, home = false, together = false): boolean =>
    allowedPair(a, b, code, home, together) &&
    !(rootOfCode(code) >= "18" && isForce(a, options.forces) && sameState(a, b) && !namesPeople(b));
  const among = (parties: ActorMention[]): void => {
    for (const a of parties) for (const b of parties) if (allowed(a, b, false, true)) out.push([a, b]);
  };
  if (recip && targets.length === 0 && sources.length >= 2) among(sources);
  else if (recip && sources.length === 0 && targets.length >= 2) among(targets);
  else {
    for (const s of sources) {
      for (const t of targets) {
        if (allowed(s, t, domestic)) out.push([s, t]);
        if (recip && allowed(t, s)) out.push([t, s]);
      }
    }
    // A protest with no other party is against the protesters' own government, if their state is known.
    if (targets.length === 0 && domestic) for (const s of sources) out.push([s, s.country ? s : null]);
    // With no target that may stand ("Hizbollah declared a ceasefire in south Lebanon"), the act stands alone.
    else if (out.length === 0 && allowNoTarget) for (const s of sources) out.push([s, null]);
  }
  return out;
}

/** How to pair an event's parties. */
export interface PairOptions {
  /** A mutual act: both directions. */
  readonly recip: boolean;
  readonly code: string;
  /** May the act stand without a target? */
  readonly allowNoTarget?: boolean;
  /** A domestic act: one state's people and their own state. */
  readonly domestic?: boolean;
  /** Words of a state's forces: their war on a place of their own state is not coded ("troops captured Shusha"). */
  readonly forces?: ReadonlySet<string>;
}

function sameState(a: ActorMention, b: ActorMention): boolean {
  return a.country !== null && a.country === b.country;
}

function isForce(mention: ActorMention, forces: ReadonlySet<string> | undefined): boolean {
  return (
    forces !== undefined &&
    mention.text
      .toLowerCase()
      .split(/\s+/)
      .some((w) => forces.has(w))
  );
}

/** Nouns of places whose "of" names the place ("the city of Tabriz"). */
const PLACE_NOUNS = new Set(["city", "town", "capital", "province", "region", "village", "district", "port"]);

/** Tokens after a protest within which what it is against is sought. */
const PROTEST_REACH = 20;

/**
 * The first actor after a protest, across its purpose clause, that is not
 * where it takes place ("blocked streets in Hong Kong in defiance of Chinese
 * authorities" is against China).
 */
export function protestTarget(
  view: SentenceView,
  match: PatternMatch,
  sources: readonly ActorGroup[],
): ActorGroup[] {
  const last = Math.min(view.tokens.length - 1, match.end + PROTEST_REACH);
  for (const g of view.groups) {
    if (g.first <= match.triggerEnd || sources.includes(g)) continue;
    if (g.first > last) break;
    for (let k = match.end + 1; k < g.first; k++) if (isHardBoundary(view, k)) return [];
    const before = view.words[g.first - 1] ?? "";
    const twoBefore = view.words[g.first - 2] ?? "";
    if (before === "in" || before === "at" || (twoBefore === "in" && view.pos[g.first - 1] === "DET"))
      continue;
    // "in the Iranian city of Tabriz": still the place.
    if (before === "of" && PLACE_NOUNS.has(twoBefore)) continue;
    return [g];
  }
  return [];
}

/**
 * Does an actor phrase name people acting on their own ("Egyptian
 * demonstrators", "thousands of Nigerians", a generic agent of the people's
 * kinds) rather than a state or its organs?
 */
export function isPeople(view: SentenceView, g: ActorGroup): boolean {
  if (g.mentions.some((m) => m.agent !== undefined && PEOPLE_KINDS.has(m.agent))) return true;
  // Up to the head noun after the phrase: "Chilean dock workers".
  let head = g.last + 1;
  while (view.pos[head] === "NOUN" && view.pos[head + 1] === "NOUN") head++;
  for (let k = Math.max(0, g.first - 6); k <= Math.min(view.tokens.length - 1, head); k++) {
    if (tokenIn(view, k, view.cues.people)) return true;
  }
  return g.mentions.some((m) => m.via === "demonym" && m.text.endsWith("s"));
}

/** Does an actor phrase name a state's forces of order ("Turkish authorities", "Egyptian police", "gendarmes")? */
export function isDomesticForce(view: SentenceView, g: ActorGroup): boolean {
  if (g.mentions.some((m) => m.agent !== undefined && FORCE_KINDS.has(m.agent))) return true;
  for (let k = g.first; k <= Math.min(view.tokens.length - 1, g.last + 2); k++) {
    if (tokenIn(view, k, view.cues.domesticForces)) return true;
  }
  return false;
}
