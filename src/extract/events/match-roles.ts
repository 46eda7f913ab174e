import { rootOfCode, type CameoRoot } from "../../core/cameo.ts";
import type { PatternMatch } from "./match.ts";
import type { Roles } from "./parties.ts";
import {
  adjunctHost,
  agentIn,
  clauseEnd,
  compound,
  governingVerb,
  objectIn,
  placeIn,
  placeOfPeople,
  prenominalActors,
  prepositionalTarget,
  sharedObject,
  subjectOf,
} from "./roles.ts";
import { tokenIn, type ActorGroup, type SentenceView } from "./sentence-view.ts";

/**
 * Roots of what a state does to people or things on its soil: "was arrested
 * in Lebanon" and "were released in Peru" are Lebanon's and Peru's acts.
 */
const PLACE_ROOTS: ReadonlySet<CameoRoot> = new Set(["08", "09", "17"]);
/** Roots of meetings and signings, whose "in Ashgabat" is where they happen, not a party. */
const PLACE_ONLY_ROOTS: ReadonlySet<CameoRoot> = new Set(["04", "05"]);
/** Roots of statements and appeals, whose object is not the party of a verb they are coordinated with. */
const SELF_ADDRESSED_ROOTS: ReadonlySet<CameoRoot> = new Set(["01", "02"]);
/** Tokens after an event noun within which its target preposition is sought ("visit ... to Turkey"). */
const NOUN_REACH = 8;

/**
 * The source and target phrases of a match: the slots its pattern bound, else
 * read from word order around a verb (subject and object, the agent of a
 * passive) or a noun (its possessor or the subject of its light verb, and its
 * prepositional target).
 */
export function rolesOf(view: SentenceView, match: PatternMatch): Roles {
  const end = Math.max(clauseEnd(view, match.end + 1), match.end);
  const given = (group: ActorGroup | null): ActorGroup[] => (group ? compound(view, group) : []);
  return match.pattern.triggerClass === "verb"
    ? verbRoles(view, match, end, given)
    : nounRoles(view, match, end, given);
}

type Given = (group: ActorGroup | null) => ActorGroup[];

function verbRoles(view: SentenceView, match: PatternMatch, end: number, given: Given): Roles {
  const root = rootOfCode(match.pattern.code);
  const subject = subjectOf(view, match.trigger);
  if (subject.passive) {
    let sources = match.source ? given(match.source) : agentIn(view, match.triggerEnd + 1, end);
    if (sources.length === 0 && PLACE_ROOTS.has(root)) sources = placeIn(view, match.triggerEnd + 1, end);
    // "were expelled from Azerbaijan": the state they were sent away from sent them.
    if (sources.length === 0 && view.cues.expelling.has(view.lemmas[match.trigger] ?? ""))
      sources = placeIn(view, match.triggerEnd + 1, end, "from");
    return { sources, targets: match.target ? given(match.target) : subject.groups };
  }
  // "Protesters marched in Tabriz": people with no state named are the people of the place they act in.
  const sources = match.source
    ? given(match.source)
    : subject.groups.length
      ? subject.groups
      : placeOfPeople(view, match.trigger);
  const exclude = new Set(sources);
  const skipPlaces = PLACE_ONLY_ROOTS.has(root);
  let targets = match.target
    ? given(match.target)
    : match.pattern.intrans
      ? []
      : objectIn(view, match.triggerEnd + 1, end, exclude, skipPlaces);
  // "withdrew its ambassador from Israel and demanded an apology": the apology is Israel's to give.
  // (Not for statements and appeals: "and called for calm" asks it of no one.)
  if (
    targets.length === 0 &&
    !match.pattern.intrans &&
    !match.target &&
    match.pattern.compose !== "appeal" &&
    !SELF_ADDRESSED_ROOTS.has(root)
  ) {
    targets = sharedObject(view, match.trigger, exclude, skipPlaces);
  }
  const owner = targets.length === 1 ? targets[0] : undefined;
  if (owner && !match.target && ownedBySource(view, owner, sources)) {
    // "pledged his country's support to the Palestinians": the source's own thing, given to another.
    targets = objectIn(view, owner.last + 2, end, new Set([...exclude, owner]), skipPlaces);
  }
  return { sources, targets: targets.filter((g) => !exclude.has(g)) };
}

/** Is `g` a possessor ("his country's", "Iran's") of the sources' own state? */
function ownedBySource(view: SentenceView, g: ActorGroup, sources: readonly ActorGroup[]): boolean {
  const next = view.words[g.last + 1];
  if (next !== "'s" && next !== "’s") return false;
  const states = new Set(sources.flatMap((s) => s.mentions.map((m) => m.country)));
  return g.mentions.every((m) => m.country !== null && states.has(m.country));
}

function nounRoles(view: SentenceView, match: PatternMatch, end: number, given: Given): Roles {
  let sources: readonly ActorGroup[] = match.source
    ? given(match.source)
    : prenominalActors(view, match.trigger);
  if (sources.length === 0) sources = agentIn(view, match.triggerEnd + 1, end);
  // "a ceasefire between A and B": the parties are A and B, not whoever speaks of it.
  const between =
    match.target !== null && view.words.slice(match.trigger, match.target.first).includes("between");
  let clauseObject: ActorGroup[] = [];
  if (sources.length === 0 && !between) {
    const verb = governingVerb(view, match.trigger);
    // The object of a light verb ("Iran held exercises"), or an adjunct of a clause ("said so after talks with Iran").
    // (Only for mutual acts the subject takes part in: "killed protesters during protests" is not the army's protest.)
    const host =
      verb >= 0
        ? tokenIn(view, verb, view.cues.lightVerbs)
          ? verb
          : -1
        : match.pattern.recip
          ? adjunctHost(view, match.trigger)
          : -1;
    if (host >= 0) {
      const subject = subjectOf(view, host);
      if (!subject.passive) sources = subject.groups;
    }
    // "joined Trump and Abe for talks": the other parties are the object of the adjunct's verb
    // (right after it; not "recalled its ambassador to Israel for consultations").
    if (verb < 0 && host >= 0) {
      const objectStart = view.pos[host + 1] === "DET" ? host + 2 : host + 1;
      clauseObject = objectIn(view, objectStart, objectStart, new Set(sources), true);
    }
  }
  const exclude = new Set(sources);
  let targets = match.target
    ? given(match.target)
    : prepositionalTarget(view, match.triggerEnd + 1, Math.min(end, match.end + NOUN_REACH), exclude);
  if (targets.length === 0) targets = clauseObject;
  return { sources, targets: targets.filter((g) => !exclude.has(g)) };
}
