import { rootOfCode, type CameoRoot } from "../../core/cameo.ts";
import { UNKNOWN_SIDE } from "../../core/codes.ts";
import type { CountryCode, Modality } from "../../core/records.ts";
import type { AnalysedSentence } from "../types.ts";
import type { Composition } from "./complements.ts";
import type { EventLexicon } from "./lexicon.ts";
import type { PatternMatch } from "./match.ts";
import type { EventMemory } from "./memory.ts";
import { codeInFrame, matchFrame } from "./modality.ts";
import { rolesOf } from "./match-roles.ts";
import { isDomesticForce, isPeople, protestTarget, type Roles } from "./parties.ts";
import { clauseEnd, conditionParty, defiedParty, objectIn, placeIn } from "./roles.ts";
import {
  isGerundOfGuilt,
  isPrenominalParticiple,
  tokenIn,
  type ActorGroup,
  type SentenceView,
} from "./sentence-view.ts";

/**
 * The rules that turn one pattern match into an event: each is a small named
 * function over the match's context and the act decided so far. Party rules
 * settle the code and the parties' phrases; classification says whether the
 * act is mutual, may stand alone or is domestic; event rules then find the
 * parties the sentence leaves out, or drop the act.
 */

/** What every rule of a sentence may read. */
export interface SentenceContext {
  readonly view: SentenceView;
  readonly sentence: AnalysedSentence;
  readonly lexicon: EventLexicon;
  readonly memory: EventMemory | undefined;
  readonly composition: Composition;
}

/** One match in its sentence. */
export interface MatchContext extends SentenceContext {
  readonly match: PatternMatch;
  /** The complement folded into the match when it is a governor ("agreed to" + "meet"). */
  readonly complement: PatternMatch | undefined;
}

/** An act: its code, modality, and the phrases of its parties. */
export interface Act {
  readonly code: string;
  readonly modality: Modality;
  readonly roles: Roles;
}

/** An act with what decides how its parties pair. */
export interface ClassifiedAct extends Act {
  /** A mutual act ("met", "fought"): pairs in both directions. */
  readonly recip: boolean;
  /** May the act stand with no target ("resigned", "declared a ceasefire")? */
  readonly standsAlone: boolean;
  /** One state's own affair: people against their government, its forces at home, a concession at home. */
  readonly domestic: boolean;
}

export type PartyRule = (context: MatchContext, act: Act) => Act;
/** An event rule returns null to drop the act. */
export type EventRule = (context: MatchContext, act: ClassifiedAct) => ClassifiedAct | null;

const rootOf = (act: Act): CameoRoot => rootOfCode(act.code);

function mentionsIn(groups: readonly ActorGroup[]): number {
  return groups.reduce((n, g) => n + g.mentions.length, 0);
}

/**
 * Is the match an act of its own? Not when a governor took it as its
 * complement, when it describes rather than reports, or when its pattern
 * needs a complement it did not find.
 */
export function isCodable(context: MatchContext): boolean {
  const { match, composition } = context;
  if (composition.isComplement(match) || isBackground(context)) return false;
  return !(match.pattern.needsComplement && !context.complement);
}

/**
 * A verb that describes rather than reports: a participle after a noun ("Israeli
 * tourists visiting Azerbaijan", "a ship transporting aid"), or a bare present
 * with no date ("it supplies Israel with oil") after a document's first
 * sentence: its headline or lede tells news in the present ("Japan lifts
 * sanctions on India"). Protests are the exception: "demonstrators protesting
 * the results" reports one.
 */
export function isBackground({ view, match, sentence }: MatchContext): boolean {
  if (match.pattern.triggerClass === "noun") {
    // A noun modifying another noun names a kind of thing: "riot police", "visit programme".
    const next = match.end + 1;
    return view.pos[next] === "NOUN" && (view.groupAt[next] ?? -1) < 0;
  }
  if (rootOfCode(match.pattern.code) === "14") return false;
  const i = match.trigger;
  // "freed a jailed blogger": a participle describing its noun.
  if (isPrenominalParticiple(view, i)) return true;
  const word = view.words[i] ?? "";
  const before = view.pos[i - 1] ?? "";
  if (
    view.pos[i] === "VERB" &&
    word.endsWith("ing") &&
    (before === "NOUN" || (before === "PROPN" && (view.groupAt[i - 1] ?? -1) < 0)) &&
    !tokenIn(view, i - 1, view.cues.speechNouns)
  ) {
    return true;
  }
  // "accepted a ceasefire mediated by Russia": a participle describing a noun, with its agent.
  if (
    (view.pos[i] === "VERB" || view.pos[i] === "ADJ") &&
    word.endsWith("ed") &&
    view.words[i + 1] === "by" &&
    before === "NOUN" &&
    (view.groupAt[i - 1] ?? -1) < 0
  ) {
    return true;
  }
  const presentThirdPerson = word.endsWith("s") && word !== view.lemmas[i] && !word.endsWith("ss");
  const auxiliary = before === "AUX" || before === "PART" || (before === "ADV" && view.pos[i - 2] === "AUX");
  return presentThirdPerson && !auxiliary && sentence.dates.mentions.length === 0 && sentence.index > 0;
}

/** The act a match reports, coded in its frame, with its parties as word order gives them; null for background. */
export function actOf(context: MatchContext): Act | null {
  const { view, match, composition, lexicon } = context;
  const coded = codeInFrame(composition.codeOf(match), matchFrame(view, match), lexicon);
  return coded ? { ...coded, roles: rolesOf(view, match) } : null;
}

/** A protest by a state or its officials, not by people, is a formal protest. */
const STATE_PROTEST = { from: "140", to: "114" } as const;

/** States do not march: a government that "protested against" something lodged a formal protest (114). */
export const stateProtestIsFormal: PartyRule = ({ view, match }, act) =>
  act.code === STATE_PROTEST.from &&
  // ("to protest" after another act is the purpose of people's action: "shunned work to protest".)
  view.words[match.trigger - 1] !== "to" &&
  act.roles.sources.length > 0 &&
  !act.roles.sources.some((g) => isPeople(view, g))
    ? { ...act, code: STATE_PROTEST.to }
    : act;

/**
 * "A, B and C signed a contract": a mutual act of a compound is among its
 * members, unless the pattern names the other party ("signed an agreement with D").
 */
export const compoundActsAmongItself: PartyRule = ({ match }, act) =>
  match.pattern.recip && !match.target && mentionsIn(act.roles.sources) >= 2
    ? { ...act, roles: { sources: act.roles.sources, targets: [] } }
    : act;

/** Roots of acts that set terms: threats and refusals. */
const CONDITIONAL_ROOTS: ReadonlySet<CameoRoot> = new Set(["12", "13"]);

/**
 * "threatened to strike unless Israel withdrew", "will not lift the embargo
 * until Cuba releases its prisoners": a threat or refusal with no target is
 * aimed at the party of its condition.
 */
export const threatAimsAtCondition: PartyRule = ({ view, match }, act) => {
  if (!CONDITIONAL_ROOTS.has(rootOf(act)) || act.roles.targets.length > 0) return act;
  const party = conditionParty(view, match.end + 1, act.roles.sources);
  return party.length ? { ...act, roles: { sources: act.roles.sources, targets: party } } : act;
};

/**
 * "declined to resign despite pressure from parliament": a refusal with no
 * target defies the party that pressed for the act.
 */
export const refusalDefiesPressure: PartyRule = ({ view, match }, act) => {
  if (rootOf(act) !== "12" || act.roles.targets.length > 0) return act;
  const party = defiedParty(view, match.end + 1, act.roles.sources);
  return party.length ? { ...act, roles: { sources: act.roles.sources, targets: party } } : act;
};

/** CAMEO 163 (impose an embargo, boycott or sanctions) and 085 (ease them). */
const SANCTIONS = { imposed: "163", eased: "085" } as const;

/** Words between a lifting verb and the sanctions noun it governs ("lifts US embargo"). */
const LIFTED_PHRASE = new Set(["DET", "PROPN", "ADJ", "NOUN", "PRON", "NUM"]);

/**
 * Whether the sanctions noun of `match` is lifted: governed by a lifting verb
 * (a headline's "lifts", which the tagger calls a noun, too), or the head of
 * the passive subject of one ("sanctions against Chad were lifted").
 */
function isLifted(view: SentenceView, match: PatternMatch): boolean {
  const lifting = view.cues.lifting;
  for (let k = match.trigger - 1; k >= 0 && k >= match.trigger - 4; k--) {
    if (lifting.has(view.lemmas[k] ?? "")) return true;
    if (!LIFTED_PHRASE.has(view.pos[k] ?? "")) break;
  }
  const end = clauseEnd(view, match.end + 1);
  for (let k = match.end + 1; k <= end; k++) {
    if (view.pos[k] !== "VERB") continue;
    let before = k - 1;
    while (view.pos[before] === "ADV") before--;
    return lifting.has(view.lemmas[k] ?? "") && view.lemmas[before] === "be";
  }
  return false;
}

/** "UN sanctions on Chad were lifted", "Peru lifts embargo on ...": sanctions named by a noun and lifted are eased. */
export const liftedSanctionsAreEased: PartyRule = ({ view, match }, act) =>
  act.code === SANCTIONS.imposed && match.pattern.triggerClass === "noun" && isLifted(view, match)
    ? { ...act, code: SANCTIONS.eased }
    : act;

/** CAMEO 033: express intent to provide material aid. */
const MATERIAL_AID_INTENT = "033";

/**
 * "announced humanitarian assistance of 20 million euros to help people in
 * Chad", "45 million euros in support for farmers in Mali": aid, or a promise
 * of it, with no target goes to the party its clause names after it.
 */
export const aidGoesToThePartyNamed: PartyRule = ({ view, match }, act) => {
  const aid = rootOf(act) === "07" || act.code === MATERIAL_AID_INTENT;
  if (!aid || act.roles.targets.length > 0) return act;
  let end = clauseEnd(view, match.end + 1);
  // Through its purpose: "... to help people in Chad".
  if (view.words[end + 1] === "to" && view.pos[end + 2] === "VERB") end = clauseEnd(view, end + 2);
  const party = objectIn(view, match.end + 1, end, new Set(act.roles.sources));
  return party.length ? { ...act, roles: { sources: act.roles.sources, targets: party } } : act;
};

/** In order: the code and parties of a match before it is classified. */
export const PARTY_RULES: readonly PartyRule[] = [
  stateProtestIsFormal,
  liftedSanctionsAreEased,
  compoundActsAmongItself,
  threatAimsAtCondition,
  refusalDefiesPressure,
  aidGoesToThePartyNamed,
];

/** Is a reciprocity cue ("jointly", "mutual") within three tokens of the match? */
function reciprocalNear({ view, match }: MatchContext): boolean {
  const from = Math.max(0, match.trigger - 3);
  const to = Math.min(view.tokens.length - 1, match.end + 3);
  for (let k = from; k <= to; k++) {
    if (tokenIn(view, k, view.cues.reciprocal) && view.words[k + 1] !== "of") return true;
  }
  return false;
}

/** Governors whose act is one side's only, whatever they ask for: "called for talks with Togo". */
const ONE_SIDED_GOVERNORS: ReadonlySet<string> = new Set(["appeal", "demand"]);

/**
 * Is the act mutual? A folded complement decides: "A and B agreed to hold
 * joint drills" is mutual, "X agreed to lift sanctions on Y" is not, nor is
 * an appeal or demand for a mutual act; a reciprocity cue makes any act mutual.
 */
export function isMutual(context: MatchContext, act: Act): boolean {
  const { match, complement } = context;
  const oneSided = ONE_SIDED_GOVERNORS.has(match.pattern.compose ?? "");
  const own = complement
    ? (complement.pattern.recip && !oneSided) || (match.pattern.recip && act.roles.targets.length === 0)
    : match.pattern.recip;
  return own || reciprocalNear(context);
}

/**
 * Codes (by prefix) of acts that stand without a target ("Lt. Gen. Avril
 * resigned", "the demonstrators rioted"): yielding, protest, and refusing to
 * yield (124: "will not lift the embargo", "refused to release the hostages").
 */
const UNTARGETED_CODES: readonly string[] = ["08", "14", "124"];

/**
 * May the act stand with no target? Intransitive patterns may, unless a mutual
 * act has one party only ("met" with no one says nothing of a relation; a
 * refusal or intent, "would not meet", still does); so may concessions and
 * protests, and acts that stand alone when promised or refused ("agreed to
 * resign").
 */
export function standsAlone(context: MatchContext, act: Act): boolean {
  const { match, complement } = context;
  const lone =
    match.pattern.recip &&
    mentionsIn(act.roles.sources) < 2 &&
    rootOf(act) === rootOfCode(match.pattern.code);
  return (
    (match.pattern.intrans && !lone) ||
    (match.pattern.triggerClass === "verb" &&
      UNTARGETED_CODES.some((prefix) => act.code.startsWith(prefix))) ||
    intentToActStandsAlone(context, act) ||
    (complement?.pattern.triggerClass === "verb" &&
      rootOfCode(complement.pattern.code) === "08" &&
      complement.pattern.intrans)
  );
}

/** What may open the object of a verb ("open its borders", "allow access"). */
const OBJECT_OPENERS = new Set(["DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"]);
/** Particles between a phrasal verb and its object ("set up a centre", "lay down arms"). */
const PARTICLES = new Set(["up", "down", "off", "out", "back"]);

/**
 * "The Romanian government agreed to set up a transit centre", "Pakistan is
 * willing to withdraw its troops": a promise of an act the lexicon does not
 * code is an intent to cooperate (03) of its own; not a bare "prepared to go"
 * nor "committed to stability", which promise no act.
 */
function intentToActStandsAlone({ view, match, complement }: MatchContext, act: Act): boolean {
  const at = match.complementAt;
  if (match.pattern.compose !== "intent" || rootOf(act) !== "03" || at === null || view.pos[at] !== "VERB")
    return false;
  // A promised meeting with no one named says nothing of a relation.
  if (complement) return !complement.pattern.recip;
  const object = PARTICLES.has(view.words[at + 1] ?? "") ? at + 2 : at + 1;
  return OBJECT_OPENERS.has(view.pos[object] ?? "");
}

/** Roots of what people do to their own government: protest and demand. */
const PEOPLE_ROOTS: ReadonlySet<CameoRoot> = new Set(["10", "14"]);
/** Roots of coercion a state's own forces commonly turn on their own country. */
const DOMESTIC_COERCION: ReadonlySet<CameoRoot> = new Set(["17", "18", "19"]);
/** Object pronouns: whom they name is told in another sentence. */
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "it", "us", "me"]);

/** Is a people noun ("protesters", "villagers") after token `from`, up to `to`? */
function peopleAfter(view: SentenceView, from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) if (tokenIn(view, k, view.cues.people)) return true;
  return false;
}

/**
 * Is the act domestic? A protest or demand by people, or coercion by a
 * state's own forces, unless its object is a pronoun ("police arrested him":
 * someone of another sentence). Fighting is domestic only against people of
 * the country ("troops fired on protesters"): "troops retook the town" is a
 * war with an enemy the narrative names.
 */
export function isDomestic({ view, match }: MatchContext, act: Act): boolean {
  const root = rootOf(act);
  if (PEOPLE_ROOTS.has(root) && act.roles.sources.some((g) => isPeople(view, g))) return true;
  return (
    DOMESTIC_COERCION.has(root) &&
    act.roles.sources.some((g) => isDomesticForce(view, g)) &&
    !OBJECT_PRONOUNS.has(view.words[match.triggerEnd + 1] ?? "") &&
    (root !== "19" || peopleAfter(view, match.end, clauseEnd(view, match.end + 1)))
  );
}

/** The act with what decides how its parties pair. */
export function classify(context: MatchContext, act: Act): ClassifiedAct {
  return {
    ...act,
    recip: isMutual(context, act),
    standsAlone: standsAlone(context, act),
    domestic: isDomestic(context, act),
  };
}

/** States do not march: a protest needs people behind it or a party it is against. */
export const protestNeedsPeopleOrTarget: EventRule = (_context, act) =>
  rootOf(act) === "14" && !act.domestic && act.roles.targets.length === 0 ? null : act;

/**
 * A domestic act with no other party is aimed at the place it happens in, or
 * for a protest at what its purpose names ("... to show their disapproval of X").
 */
export const domesticActAtHome: EventRule = ({ view, match }, act) => {
  if (!act.domestic || act.roles.targets.length > 0) return act;
  const { sources } = act.roles;
  const end = clauseEnd(view, match.end + 1);
  const place = placeIn(view, match.triggerEnd + 1, end).filter((g) => !sources.includes(g));
  const against = rootOf(act) === "14" ? protestTarget(view, match, sources) : [];
  return { ...act, roles: { sources, targets: against.length ? against : place } };
};

/** Parts of speech that may stand before the head of an object noun phrase ("at least 81 people"). */
const OBJECT_MODIFIERS = new Set(["DET", "NUM", "ADJ", "ADV", "PART", "PRON", "ADP", "NOUN", "PROPN"]);

/** The head noun of the noun phrase right after token `from`, up to `to`, or -1. */
function objectHead(view: SentenceView, from: number, to: number): number {
  let head = -1;
  for (let k = from; k <= to; k++) {
    const pos = view.pos[k] ?? "";
    if ((view.groupAt[k] ?? -1) >= 0 || !OBJECT_MODIFIERS.has(pos)) break;
    if (pos === "ADP" && view.words[k] !== "of") break;
    if (pos === "NOUN") head = k;
    else if (head >= 0) break;
  }
  return head;
}

/**
 * "Boko Haram killed 81 people in Nigeria", "police arrested protesters": an act
 * on people or forces that no actor names is on the state of the place it
 * happens in; with no place named, it stands with its source alone.
 */
export const agentObject: EventRule = ({ view, match }, act) => {
  if (act.roles.targets.length > 0 || match.pattern.triggerClass !== "verb" || match.pattern.intrans)
    return act;
  const end = clauseEnd(view, match.end + 1);
  const head = objectHead(view, match.triggerEnd + 1, end);
  if (head < 0 || !tokenIn(view, head, view.cues.agents)) return act;
  const { sources } = act.roles;
  const place = placeIn(view, head + 1, end).filter((g) => !sources.includes(g));
  return { ...act, roles: { sources, targets: place }, standsAlone: true };
};

/**
 * With no party in the sentence, a reaction (or a concession) answers the act
 * just told, and a fight is with the war's enemy; so is a fight on the
 * source's own ground ("troops captured Shusha", a town of their own state).
 */
export const narrativeSuppliesTarget: EventRule = ({ view, match, memory, sentence }, act) => {
  const { sources, targets } = act.roles;
  const firstSource = sources[0]?.mentions[0];
  if (!memory || !firstSource || act.domestic) return act;
  if (act.recip && mentionsIn(sources) >= 2) return act;
  const root = rootOf(act);
  const ownGround =
    root === "19" &&
    targets.length > 0 &&
    targets.every((g) => !isPeople(view, g) && g.mentions.every((m) => m.country === firstSource.country));
  if (targets.length > 0 && !ownGround) return act;
  const other =
    match.pattern.react || root === "08"
      ? memory.reactedTo(sentence.index, firstSource)
      : root === "19" && !match.pattern.recip
        ? memory.enemyOf(firstSource)
        : null;
  return other
    ? { ...act, roles: { sources, targets: [{ index: -1, first: -1, last: -1, mentions: [other] }] } }
    : act;
};

/** A concession to no one named is made at home: "lifted the state of emergency", "called off the strike". */
export const concessionAtHome: EventRule = (_context, act) => {
  const firstSource = act.roles.sources[0]?.mentions[0];
  const atHome =
    rootOf(act) === "08" &&
    firstSource !== undefined &&
    act.roles.targets.every((g) => g.mentions.every((m) => m.country === firstSource.country));
  return atHome ? { ...act, domestic: true } : act;
};

/**
 * "the purpose of fighting crime": a gerund after a preposition names a kind
 * of act, not one done; but after an adjective of guilt ("guilty of
 * violating the truce") it is an act done.
 */
function namesAKindOfAct(view: SentenceView, match: PatternMatch): boolean {
  const { trigger } = match;
  return (
    (view.words[trigger] ?? "").endsWith("ing") &&
    view.pos[trigger - 1] === "ADP" &&
    !isGerundOfGuilt(view, trigger)
  );
}

/** Roots whose acts are news whoever they fall on: aid, coercion, assault, fighting, mass violence. */
const ACTS_ON_ANYONE: ReadonlySet<CameoRoot> = new Set(["07", "17", "18", "19", "20"]);

/**
 * "the Taliban seized a house", "Syrian forces killed 500 civilians near
 * Damascus": aid, coercion or violence by a known party is an event even when
 * it falls on no other state, only on people, things or places of the
 * source's own state; with no other party it stands with its source alone.
 * An unknown source ("gunmen") with no target says nothing of a relation.
 */
export const actOnAnyoneStandsAlone: EventRule = ({ view, match }, act) => {
  const country = act.roles.sources[0]?.mentions[0]?.country;
  if (!country || country === UNKNOWN_SIDE || !ACTS_ON_ANYONE.has(rootOf(act))) return act;
  if (namesAKindOfAct(view, match)) return act;

  const onlyOwnGround = act.roles.targets.every(
    (g) => !isPeople(view, g) && g.mentions.every((m) => m.country === country),
  );
  return onlyOwnGround ? { ...act, standsAlone: true } : act;
};

/** Roots of verdicts on what others do: investigate, disapprove, reject, reduce relations. */
const VERDICT_ROOTS: ReadonlySet<CameoRoot> = new Set(["09", "11", "12", "16"]);

/**
 * "the parliament rejected the council's decision", "prosecutors opened an
 * investigation into the bank", "Washington suspended aid": a verdict of a
 * known party on a decision, a demand or a body no actor names is reported
 * news of its own; it stands with its source alone. Only told as done (an
 * inflected verb) and on a noun phrase named right after it: "rejects" in
 * analysis prose, or a verdict on nothing named, says nothing of a relation.
 */
export const verdictOnAThingStandsAlone: EventRule = ({ view, match }, act) => {
  const country = act.roles.sources[0]?.mentions[0]?.country;
  if (!country || country === UNKNOWN_SIDE || act.roles.targets.length > 0) return act;
  if (!VERDICT_ROOTS.has(rootOf(act)) || match.pattern.triggerClass !== "verb") return act;
  const word = view.words[match.trigger] ?? "";
  const told = word !== view.lemmas[match.trigger] && !word.endsWith("s") && !word.endsWith("ing");
  const object = objectHead(view, match.triggerEnd + 1, clauseEnd(view, match.end + 1));
  return told && object >= 0 && ownSubject(view, act, match.trigger) ? { ...act, standsAlone: true } : act;
};

/**
 * Is the source the verb's own subject? Not across a relative clause or a
 * "what" ("a journalist, who examined ...", "over what it called ..."),
 * where word order gives the verb another subject than the actor before it.
 */
function ownSubject(view: SentenceView, act: Act, trigger: number): boolean {
  const source = act.roles.sources[0];
  if (!source || source.last >= trigger) return true;
  for (let k = source.last + 1; k < trigger; k++) {
    const word = view.words[k] ?? "";
    if (view.cues.relatives.has(word) || word === "what") return false;
  }
  return true;
}

/**
 * "Nigeria announced the deployment of 230 troops", "Putin defended Russia's
 * policy": in a report that names one state only, its act on no one named is
 * news of that state alone, and its act on that state itself, on what it owns
 * or at a place of it is domestic (source and target that state, as CAMEO
 * codes it). Where the document names other states, such an act ("Iran
 * objected to the trip") continues a relation told elsewhere, and a record
 * without its other party would misstate it.
 */
export const soleStateActs: EventRule = (context, act) => {
  const country = act.roles.sources[0]?.mentions[0]?.country;
  if (!country || country === UNKNOWN_SIDE || soleStateOf(context) !== country) return act;
  if (act.roles.targets.length > 0) return { ...act, domestic: true };
  return namesAKindOfAct(context.view, context.match) ? act : { ...act, standsAlone: true };
};

/**
 * "Teachers said they will not end the strike", "President Askar Torov
 * resigned": in a report that names no state, an actor of no state (a
 * generic agent, a person new to us: see `settleAgents`, `settlePending`)
 * acting on no one named is news of that actor alone, as CAMEO codes an
 * actor of no known country.
 */
export const noStateActs: EventRule = (context, act) => {
  const source = act.roles.sources[0]?.mentions[0];
  if (source?.country !== null || act.roles.targets.length > 0 || statesNamed(context).size > 0) return act;
  return namesAKindOfAct(context.view, context.match) ? act : { ...act, standsAlone: true };
};

/** The one state (or group) the document names, when it names only one; else null. */
function soleStateOf(context: SentenceContext): CountryCode | null {
  const states = statesNamed(context);
  return states.size === 1 ? ([...states][0] ?? null) : null;
}

/** The states (and groups) the document names, or without its memory the sentence. */
function statesNamed({ sentence, memory }: SentenceContext): ReadonlySet<CountryCode> {
  return memory?.states ?? new Set(sentence.mentions.flatMap((m) => (m.country ? [m.country] : [])));
}

/** In order: the rules after classification. */
export const EVENT_RULES: readonly EventRule[] = [
  protestNeedsPeopleOrTarget,
  domesticActAtHome,
  agentObject,
  narrativeSuppliesTarget,
  actOnAnyoneStandsAlone,
  verdictOnAThingStandsAlone,
  soleStateActs,
  noStateActs,
  concessionAtHome,
];

/**
 * The act that a governor of accusation, appeal or demand attributes to its
 * target ("accused Iran of arming ...", "urged Israel to withdraw from ..."):
 * the target's, alleged or hypothetical, with the complement's own target.
 */
export function attributedAct(context: MatchContext, act: Act): (Act & { readonly recip: boolean }) | null {
  const { view, match, complement, composition } = context;
  const kind = match.pattern.compose;
  if (!complement || (kind !== "allege" && kind !== "appeal" && kind !== "demand")) return null;
  if (act.roles.targets.length === 0) return null;
  const exclude = new Set(act.roles.targets);
  const inner = rolesOf(view, complement);
  return {
    code: composition.codeOf(complement),
    modality: kind === "allege" ? "alleged" : "hypothetical",
    roles: { sources: act.roles.targets, targets: inner.targets.filter((g) => !exclude.has(g)) },
    recip: complement.pattern.recip,
  };
}
