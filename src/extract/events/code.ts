import type { IsoDate } from "../../core/ids.ts";
import type { Modality } from "../../core/records.ts";
import type { ActorMention, AnalysedSentence, EventDraft } from "../types.ts";
import type { EventLexicon } from "./lexicon.ts";
import { findMatches, type PatternMatch } from "./match.ts";
import type { EventMemory } from "./memory.ts";
import { isDomesticForce, isPeople, pairs, protestTarget, root, warCode, type Roles } from "./parties.ts";
import { nounFrame, verbFrame, type Frame } from "./modality.ts";
import {
  adjunctHost,
  agentIn,
  clauseEnd,
  compound,
  conditionParty,
  governingVerb,
  objectIn,
  placeIn,
  placeOfPeople,
  prenominalActors,
  prepositionalTarget,
  sharedObject,
  subjectOf,
} from "./roles.ts";
import {
  createSentenceView,
  isHardBoundary,
  tokenIn,
  type ActorGroup,
  type SentenceView,
} from "./sentence-view.ts";

/** Roots that already say intent, rejection or threat: the future adds nothing to them. */
const STANCE_ROOTS = new Set(["03", "12", "13"]);
/** Roots of what a state does to people on its soil: "was arrested in Lebanon" is Lebanon's act. */
const PLACE_ROOTS = new Set(["09", "17"]);
/** Roots of meetings and signings, whose "in Ashgabat" is where they happen, not a party. */
const PLACE_ONLY_ROOTS = new Set(["04", "05"]);
/** Roots of what people do to their own government: protest and demand. */
const PEOPLE_ROOTS = new Set(["10", "14"]);
/** Roots of coercion a state's own forces commonly turn on their own country. */
const DOMESTIC_COERCION = new Set(["17", "18", "19"]);
/**
 * Roots whose acts stand without a target ("Lt. Gen. Avril resigned", "the
 * demonstrators rioted"); other acts need one to be coded.
 */
const UNTARGETED_ROOTS = new Set(["08", "14"]);
/** Roots of statements and appeals, whose object is not the party of a verb they are coordinated with. */
const SELF_ADDRESSED_ROOTS = new Set(["01", "02"]);
/** Object pronouns: whom they name is told in another sentence. */
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "it", "us", "me"]);
/** A protest by a state or its officials, not by people, is a formal protest. */
const STATE_PROTEST = { from: "140", to: "114" } as const;
/** Tokens after an event noun within which its target preposition is sought ("visit ... to Turkey"). */
const NOUN_REACH = 8;
/** Tokens between a governor's `>` and its complement's trigger ("agreed to jointly develop"). */
const COMPLEMENT_REACH = 3;

interface Coded {
  readonly code: string;
  readonly modality: Modality;
}

/** Code and modality of an act from its frame: CAMEO folds announced acts into intents (03), threats (13) or refusals (12). */
function resolve(code: string, frame: Frame, lexicon: EventLexicon): Coded | null {
  if (frame.habitual) return null;
  if (frame.alleged) return { code, modality: "alleged" };
  if (frame.hypothetical) return { code, modality: "hypothetical" };
  if (frame.negated) {
    const refused = frame.future && !STANCE_ROOTS.has(root(code)) ? lexicon.compose("refuse", code) : null;
    return refused ? { code: refused, modality: "asserted" } : { code, modality: "negated" };
  }
  if (frame.planned) return { code, modality: "planned" };
  if (frame.future) {
    if (STANCE_ROOTS.has(root(code))) return { code, modality: "asserted" };
    const intent = lexicon.compose("intent", code);
    return intent ? { code: intent, modality: "asserted" } : { code, modality: "planned" };
  }
  return { code, modality: "asserted" };
}

function reciprocalNear(view: SentenceView, match: PatternMatch): boolean {
  const from = Math.max(0, match.trigger - 3);
  const to = Math.min(view.tokens.length - 1, match.end + 3);
  for (let k = from; k <= to; k++) {
    if (tokenIn(view, k, view.cues.reciprocal) && view.words[k + 1] !== "of") return true;
  }
  return false;
}

/** A date expression of the sentence at its first token. */
interface DateAnchor {
  readonly token: number;
  readonly date: IsoDate;
}

/** The sentence's date expressions by token, in order. */
function dateAnchors(view: SentenceView, sentence: AnalysedSentence): DateAnchor[] {
  const anchors: DateAnchor[] = [];
  let k = 0;
  for (const mention of sentence.dates.mentions) {
    const date = mention.at === undefined ? mention.date : mention.at;
    while (k < view.tokens.length && (view.tokens[k]?.end ?? 0) <= mention.start) k++;
    if (date && k < view.tokens.length) anchors.push({ token: k, date });
  }
  return anchors;
}

/** What crossing a clause boundary costs, in tokens: a date of the trigger's own clause is preferred. */
const CLAUSE_COST = 40;

/** Does token `k` end one clause and open another (a semicolon, ", and", a subordinator)? */
function opensClause(view: SentenceView, k: number): boolean {
  const word = view.words[k] ?? "";
  if (isHardBoundary(view, k) || view.cues.subordinators.has(word)) return true;
  if (word === "," && (view.words[k + 1] === "and" || view.words[k + 1] === "but")) return true;
  return (word === "and" || word === "but") && (view.pos[k + 1] === "VERB" || view.pos[k + 1] === "AUX");
}

/**
 * When the event triggered at token `at` happened: the date expression nearest
 * to it, one in its own clause before any across a clause boundary ("visited
 * Ankara in March, and Lapid visited in June"); with none, the sentence's
 * reference (the narrative's time).
 */
function eventDate(
  view: SentenceView,
  anchors: readonly DateAnchor[],
  at: number,
  reference: IsoDate | null,
): IsoDate | null {
  let best: IsoDate | null = null;
  let bestCost = Infinity;
  for (const anchor of anchors) {
    const [from, to] = anchor.token < at ? [anchor.token, at] : [at, anchor.token];
    let cost = to - from;
    for (let k = from + 1; k < to; k++) if (opensClause(view, k)) cost += CLAUSE_COST;
    if (cost < bestCost) {
      bestCost = cost;
      best = anchor.date;
    }
  }
  return best ?? reference;
}

/** Is a people noun ("protesters", "villagers") between tokens `from` and `to`? */
function peopleAfter(view: SentenceView, from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) if (tokenIn(view, k, view.cues.people)) return true;
  return false;
}

function mentionsIn(groups: readonly ActorGroup[]): number {
  return groups.reduce((n, g) => n + g.mentions.length, 0);
}

/**
 * A verb that describes rather than reports: a participle after a noun ("Israeli
 * tourists visiting Azerbaijan", "a ship transporting aid"), or a bare present
 * with no date ("it supplies Israel with oil"). Protests are the exception:
 * "demonstrators protesting the results" reports one.
 */
function isBackground(view: SentenceView, match: PatternMatch, sentence: AnalysedSentence): boolean {
  if (match.pattern.triggerClass === "noun") {
    // A noun modifying another noun names a kind of thing: "riot police", "visit programme".
    const next = match.end + 1;
    return view.pos[next] === "NOUN" && (view.groupAt[next] ?? -1) < 0;
  }
  if (root(match.pattern.code) === "14") return false;
  const i = match.trigger;
  const word = view.words[i] ?? "";
  const before = view.pos[i - 1] ?? "";
  if (
    view.pos[i] === "VERB" &&
    word.endsWith("ing") &&
    (before === "NOUN" || before === "PROPN") &&
    (view.groupAt[i - 1] ?? -1) < 0 &&
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
  return presentThirdPerson && !auxiliary && sentence.dates.mentions.length === 0;
}

/**
 * Codes the CAMEO events of one sentence (PETRARCH-style): matches the verb
 * and noun patterns of the lexicon at the sentence's words, folds governors
 * and their complements into one code ("agreed to meet" is 036), assigns
 * source and target from the actor mentions by word order, and reads the
 * modality from the verb group. Sentences without actor mentions give nothing.
 */
export function codeEvents(
  sentence: AnalysedSentence,
  lexicon: EventLexicon,
  memory?: EventMemory,
): EventDraft[] {
  const drafts = codeSentence(sentence, lexicon, memory);
  memory?.record(sentence.index, drafts);
  return drafts;
}

function codeSentence(sentence: AnalysedSentence, lexicon: EventLexicon, memory?: EventMemory): EventDraft[] {
  if (sentence.mentions.length === 0) return [];
  const view = createSentenceView(sentence, lexicon.cues, (word) => lexicon.patternsFor(word).length > 0);
  if (view.groups.length === 0) return [];
  const matches = findMatches(view, lexicon);
  // Without a match only a demand ("X said Y must ...") can give an event, and it needs an obligation word.
  if (matches.length === 0 && !view.words.some((w) => view.cues.obligation.has(w))) return [];
  const drafts: EventDraft[] = [];
  const seen = new Set<string>();
  const datedAt = dateAnchors(view, sentence);

  const push = (
    pairList: [ActorMention, ActorMention | null][],
    coded: Coded,
    at: number,
    rule: string,
  ): void => {
    const date = eventDate(view, datedAt, at, sentence.dates.reference);
    for (const [source, target] of pairList) {
      const cameo = warCode(coded.code, source, target);
      const key = `${source.actor.id}>${target?.actor.id ?? ""}:${cameo}:${coded.modality}:${date ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      drafts.push({ source, target, cameo, modality: coded.modality, date, rule });
    }
  };
  const ruleOf = (name: string, match: PatternMatch): string => {
    const complement = complementOf.get(match);
    const inner = complement ? ` + ${complement.pattern.text} (${complement.pattern.origin})` : "";
    return `${name}: ${match.pattern.text} (${match.pattern.origin})${inner}`;
  };

  // Governors and their complements.
  const complementOf = new Map<PatternMatch, PatternMatch>();
  const owned = new Set<PatternMatch>();
  for (const match of matches) {
    const at = match.complementAt;
    if (at === null) continue;
    const complement = matches.find((c) => {
      if (c === match || c.trigger < at || c.trigger > at + COMPLEMENT_REACH) return false;
      for (let k = at; k < c.trigger; k++) if (isHardBoundary(view, k) || view.words[k] === ",") return false;
      return true;
    });
    if (complement) {
      complementOf.set(match, complement);
      owned.add(complement);
    }
  }
  const codes = new Map<PatternMatch, string>();
  const codeOf = (match: PatternMatch, depth = 0): string => {
    const known = codes.get(match);
    if (known) return known;
    const complement = complementOf.get(match);
    const kind = match.pattern.compose;
    let code = match.pattern.code;
    if (complement && kind && depth < 4) {
      const inner = codeOf(complement, depth + 1);
      code = kind === "assert" ? inner : (lexicon.compose(kind, inner) ?? code);
    }
    codes.set(match, code);
    return code;
  };

  const rolesOf = (match: PatternMatch): Roles => {
    const end = Math.max(clauseEnd(view, match.end + 1), match.end);
    const given = (group: ActorGroup | null): ActorGroup[] => (group ? compound(view, group) : []);
    if (match.pattern.triggerClass === "verb") {
      const subject = subjectOf(view, match.trigger);
      if (subject.passive) {
        let sources = match.source ? given(match.source) : agentIn(view, match.triggerEnd + 1, end);
        if (sources.length === 0 && PLACE_ROOTS.has(root(match.pattern.code))) {
          sources = placeIn(view, match.triggerEnd + 1, end);
        }
        return { sources, targets: match.target ? given(match.target) : subject.groups };
      }
      // "Protesters marched in Tabriz": people with no state named are the people of the place they act in.
      const sources = match.source
        ? given(match.source)
        : subject.groups.length
          ? subject.groups
          : placeOfPeople(view, match.trigger);
      const exclude = new Set(sources);
      const skipPlaces = PLACE_ONLY_ROOTS.has(root(match.pattern.code));
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
        !SELF_ADDRESSED_ROOTS.has(root(match.pattern.code))
      ) {
        targets = sharedObject(view, match.trigger, exclude, skipPlaces);
      }
      return { sources, targets: targets.filter((g) => !exclude.has(g)) };
    }
    let sources: readonly ActorGroup[] = match.source
      ? given(match.source)
      : prenominalActors(view, match.trigger);
    if (sources.length === 0) sources = agentIn(view, match.triggerEnd + 1, end);
    // "a ceasefire between A and B": the parties are A and B, not whoever speaks of it.
    const between =
      match.target !== null && view.words.slice(match.trigger, match.target.first).includes("between");
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
    }
    const exclude = new Set(sources);
    const targets = match.target
      ? given(match.target)
      : prepositionalTarget(view, match.triggerEnd + 1, Math.min(end, match.end + NOUN_REACH), exclude);
    return { sources, targets: targets.filter((g) => !exclude.has(g)) };
  };

  const frameOf = (match: PatternMatch): Frame => {
    if (match.pattern.triggerClass === "verb") return verbFrame(view, match.trigger);
    const own = nounFrame(view, match.trigger);
    const verb = governingVerb(view, match.trigger);
    if (verb < 0) return own;
    const outer = verbFrame(view, verb);
    return {
      negated: own.negated || outer.negated,
      future: outer.future,
      hypothetical: own.hypothetical || outer.hypothetical,
      alleged: own.alleged || outer.alleged,
      planned: own.planned || outer.planned,
      habitual: own.habitual || outer.habitual,
      governor: -1,
    };
  };

  for (const match of matches) {
    if (owned.has(match) || isBackground(view, match, sentence)) continue;
    const complement = complementOf.get(match);
    if (match.pattern.needsComplement && !complement) continue;
    let coded = resolve(codeOf(match), frameOf(match), lexicon);
    if (!coded) continue;
    let roles = rolesOf(match);
    // States do not march: a government that "protested against" something lodged a formal protest.
    if (
      coded.code === STATE_PROTEST.from &&
      // ("to protest" after another act is the purpose of people's action: "shunned work to protest".)
      view.words[match.trigger - 1] !== "to" &&
      roles.sources.length &&
      !roles.sources.some((g) => isPeople(view, g))
    ) {
      coded = { ...coded, code: STATE_PROTEST.to };
    }
    // "A, B and C signed a contract ... of the ECO": a mutual act of a compound is among its members,
    // unless a party is named in the pattern ("signed an agreement with D").
    if (match.pattern.recip && !match.target && mentionsIn(roles.sources) >= 2) {
      roles = { sources: roles.sources, targets: [] };
    }
    // "threatened to strike unless Israel withdrew": a threat is aimed at the party of its condition.
    if (root(coded.code) === "13" && roles.targets.length === 0) {
      const party = conditionParty(view, match.end + 1, roles.sources);
      if (party.length) roles = { sources: roles.sources, targets: party };
    }
    // A folded complement decides mutuality: "A and B agreed to hold joint drills" is mutual, "X agreed to lift sanctions on Y" is not.
    const recip =
      (complement
        ? complement.pattern.recip || (match.pattern.recip && roles.targets.length === 0)
        : match.pattern.recip) || reciprocalNear(view, match);
    // A mutual act ("met", "fought") with one party and no other says nothing of a relation.
    // (A refusal or an intent of one party, "would not meet", still says something.)
    const lone =
      match.pattern.recip && mentionsIn(roles.sources) < 2 && root(coded.code) === root(match.pattern.code);
    const allowNoTarget =
      (match.pattern.intrans && !lone) ||
      (match.pattern.triggerClass === "verb" && UNTARGETED_ROOTS.has(root(coded.code))) ||
      // "agreed to resign", "declined to step down": an act that stands alone stands alone when promised or refused.
      (complement?.pattern.triggerClass === "verb" &&
        root(complement.pattern.code) === "08" &&
        complement.pattern.intrans);
    // A protest by people, or coercion by a state's own forces, with no other party is domestic:
    // aimed at the place it happens in, else at the actor's own state.
    // Fighting is domestic only against people of the country ("troops fired on protesters"):
    // "troops retook the town" is a war with an enemy the narrative names.
    const domestic =
      (PEOPLE_ROOTS.has(root(coded.code)) && roles.sources.some((g) => isPeople(view, g))) ||
      (DOMESTIC_COERCION.has(root(coded.code)) &&
        roles.sources.some((g) => isDomesticForce(view, g)) &&
        // "police arrested him": someone of another sentence, not the country itself.
        !OBJECT_PRONOUNS.has(view.words[match.triggerEnd + 1] ?? "") &&
        (root(coded.code) !== "19" || peopleAfter(view, match.end, clauseEnd(view, match.end + 1))));
    // States do not march: a protest needs people behind it or a party it is against.
    if (root(coded.code) === "14" && !domestic && roles.targets.length === 0) continue;
    let targeted = roles;
    if (domestic && roles.targets.length === 0) {
      const end = clauseEnd(view, match.end + 1);
      const place = placeIn(view, match.triggerEnd + 1, end).filter((g) => !roles.sources.includes(g));
      // A protest's purpose names what it is against ("... to show their disapproval of X").
      const against = root(coded.code) === "14" ? protestTarget(view, match, roles.sources) : [];
      targeted = { sources: roles.sources, targets: against.length ? against : place };
    }
    // With no party in the sentence, a reaction answers the act just told, and a fight is with the war's enemy.
    const firstSource = roles.sources[0]?.mentions[0];
    const mutual = recip && mentionsIn(roles.sources) >= 2;
    // "troops captured Shusha", a town of their own state: the fight is with the war's enemy too.
    const ownGround =
      root(coded.code) === "19" &&
      firstSource !== undefined &&
      targeted.targets.length > 0 &&
      targeted.targets.every(
        (g) => !isPeople(view, g) && g.mentions.every((m) => m.country === firstSource.country),
      );
    if (memory && firstSource && (targeted.targets.length === 0 || ownGround) && !domestic && !mutual) {
      const other =
        match.pattern.react || root(coded.code) === "08"
          ? memory.reactedTo(sentence.index, firstSource)
          : root(coded.code) === "19" && !match.pattern.recip
            ? memory.enemyOf(firstSource)
            : null;
      if (other)
        targeted = {
          sources: roles.sources,
          targets: [{ index: -1, first: -1, last: -1, mentions: [other] }],
        };
    }
    // A concession to no one named is made at home: "lifted the state of emergency", "called off the strike".
    const yieldsAtHome =
      root(coded.code) === "08" &&
      firstSource !== undefined &&
      targeted.targets.every((g) => g.mentions.every((m) => m.country === firstSource.country));
    push(
      pairs(targeted, {
        recip,
        code: coded.code,
        allowNoTarget,
        domestic: domestic || yieldsAtHome,
        forces: view.cues.domesticForces,
      }),
      coded,
      match.trigger,
      ruleOf(`${match.pattern.triggerClass} pattern`, match),
    );

    // The act someone is accused of, or asked to do, is that someone's: alleged or hypothetical.
    const kind = match.pattern.compose;
    if (complement && (kind === "allege" || kind === "appeal" || kind === "demand") && roles.targets.length) {
      const inner = rolesOf(complement);
      const exclude = new Set(roles.targets);
      const innerRoles: Roles = {
        sources: roles.targets,
        targets: inner.targets.filter((g) => !exclude.has(g)),
      };
      const modality: Modality = kind === "allege" ? "alleged" : "hypothetical";
      push(
        pairs(innerRoles, { recip: complement.pattern.recip, code: codeOf(complement) }),
        { code: codeOf(complement), modality },
        complement.trigger,
        ruleOf(`complement of ${kind}`, match),
      );
    }
  }

  // "X said Y must VERB": a demand of X on Y.
  for (let k = 0; k < view.tokens.length; k++) {
    if (!view.cues.obligation.has(view.words[k] ?? "")) continue;
    const addressee = subjectOf(view, k);
    if (addressee.groups.length === 0 || addressee.passive) continue;
    const first = Math.min(...addressee.groups.map((g) => g.first));
    let speech = -1;
    for (let s = first - 1; s >= 0; s--) {
      if ((view.pos[s] === "VERB" || view.pos[s] === "NOUN") && tokenIn(view, s, view.cues.speech)) {
        speech = s;
        break;
      }
    }
    if (speech < 0) continue;
    // The addressee opens the reported clause: "declared (that) China must ...".
    let opener = first - 1;
    while (
      opener > speech &&
      (view.pos[opener] === "DET" ||
        view.pos[opener] === "ADV" ||
        view.pos[opener] === "NOUN" ||
        view.pos[opener] === "PROPN" ||
        view.pos[opener] === "NUM")
    )
      opener--;
    if (opener !== speech && view.words[opener] !== "that") continue;
    const speaker = subjectOf(view, speech);
    if (speaker.groups.length === 0 || speaker.passive) continue;
    const complement = matches.find((c) => c.trigger > k && c.trigger <= k + COMPLEMENT_REACH + 1);
    // "Raisi said Tehran and Baku should cooperate": what the speaker's own state is to do with another is an intent.
    const own = speaker.groups.some((s) =>
      s.mentions.some((m) => addressee.groups.some((a) => a.mentions.some((n) => n.country === m.country))),
    );
    const kind = own ? "intent" : "demand";
    const code = (complement && lexicon.compose(kind, codeOf(complement))) ?? (own ? "030" : "100");
    const coded = resolve(code, verbFrame(view, speech), lexicon);
    if (coded)
      push(
        pairs({ sources: speaker.groups, targets: addressee.groups }, { recip: false, code }),
        coded,
        speech,
        complement
          ? `obligation clause: ${complement.pattern.text} (${complement.pattern.origin})`
          : "obligation clause",
      );
  }
  return drafts;
}
