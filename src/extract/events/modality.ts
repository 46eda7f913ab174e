import { rootOfCode, type CameoRoot } from "../../core/cameo.ts";
import type { Modality } from "../../core/records.ts";
import type { EventLexicon } from "./lexicon.ts";
import type { PatternMatch } from "./match.ts";
import { governingVerb } from "./roles.ts";
import type { SentenceView } from "./sentence-view.ts";
import { isHardBoundary, tokenIn } from "./sentence-view.ts";

/**
 * What the words before a trigger say about its reality: negated ("did not
 * sever"), announced ("will visit", "said it would impose"), hypothetical
 * ("could", "if"), alleged ("allegedly"), scheduled by others ("is expected
 * to"), or habitual background ("continues to purchase").
 */
export interface Frame {
  readonly negated: boolean;
  /** The actor announces the act: CAMEO codes it as an intent (03/13), or a refusal (12) when negated. */
  readonly future: boolean;
  readonly hypothetical: boolean;
  readonly alleged: boolean;
  readonly planned: boolean;
  readonly habitual: boolean;
  /** Token of the governor of an infinitive ("agreed" in "agreed to meet"), or -1. */
  readonly governor: number;
}

const PLANNED_NOUNS = new Set([
  "plan",
  "plans",
  "planned",
  "intention",
  "proposal",
  "proposed",
  "offer",
  "readiness",
  "willingness",
  "bid",
  "scheduled",
  "upcoming",
  "expected",
  "prospective",
  "next",
  "future",
]);

/** Verbs whose object is only asked for. */
const APPEALS = new Set([
  "call",
  "appeal",
  "urge",
  "demand",
  "seek",
  "push",
  "press",
  "ask",
  "plead",
  "lobby",
]);

function speechBefore(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if ((view.pos[k] === "VERB" || view.pos[k] === "ADJ") && tokenIn(view, k, view.cues.speech)) return true;
  }
  return false;
}

/**
 * Is the verb at token `i` the act of a clause that a claim verb governs
 * ("claimed (that) they had attacked")? Only its subject and auxiliaries may
 * come between.
 */
function claimedBefore(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (isHardBoundary(view, k) || view.words[k] === ",") return false;
    if (view.pos[k] === "VERB") return tokenIn(view, k, view.cues.claimVerbs);
  }
  return false;
}

/** True when a clause opening with "if", "unless", ... contains token `i`. */
function inConditionalClause(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (isHardBoundary(view, k)) return false;
    if (tokenIn(view, k, view.cues.conditionalClause)) return true;
  }
  return false;
}

/** Reads the verb group before the verb (or predicative adjective) at token `i`. */
export function verbFrame(view: SentenceView, i: number): Frame {
  const cues = view.cues;
  let negated = false;
  let future = false;
  let hypothetical = inConditionalClause(view, i);
  let alleged = false;
  let planned = false;
  let habitual = false;
  let governor = -1;
  for (let k = i - 1; k >= 0; k--) {
    const word = view.words[k] ?? "";
    const pos = view.pos[k] ?? "";
    // An actor's name ends the verb group, even one spelt like a cue word ("Theresa May has met").
    if (pos === "PROPN" || (view.groupAt[k] ?? -1) >= 0) break;
    if (cues.negation.has(word)) negated = true;
    else if (cues.future.has(word) || cues.future.has(view.lemmas[k] ?? "")) future = true;
    else if (word === "would" || view.lemmas[k] === "would") {
      if (speechBefore(view, k)) future = true;
      else hypothetical = true;
    } else if (cues.conditional.has(word)) hypothetical = true;
    else if (cues.alleged.has(word)) alleged = true;
    else if (cues.habitual.has(word) && pos !== "VERB") habitual = true;
    else if (word === "to" && governor < 0) {
      let g = k - 1;
      // Skip adverbs and dates: "called on Muslim governments on November 1, 2023, to cut ...".
      while (
        g >= 0 &&
        (view.pos[g] === "ADV" ||
          view.pos[g] === "NUM" ||
          view.words[g] === "," ||
          tokenIn(view, g, cues.temporal))
      )
        g--;
      const gWord = view.words[g] ?? "";
      const gLemma = view.lemmas[g] ?? "";
      governor = g;
      if (gLemma === "continue" || gLemma === "keep") habitual = gWord !== "continued" && gWord !== "kept";
      else if (cues.expect.has(gLemma) || cues.expect.has(gWord)) planned = true;
      else if (cues.hypotheticalGovernors.has(gLemma)) hypothetical = true;
      else if (cues.expectNouns.has(gWord)) {
        if (PLANNED_NOUNS.has(gWord)) planned = true;
        else hypothetical = true;
      }
      if (view.pos[g] !== "VERB" && view.pos[g] !== "AUX" && view.pos[g] !== "ADJ") {
        // "urged the two sides to ...": asked of someone, not done.
        for (let a = g; a >= 0 && a >= g - 8 && !isHardBoundary(view, a); a--) {
          if (view.pos[a] === "VERB" && tokenIn(view, a, APPEALS)) hypothetical = true;
        }
        break;
      }
      k = g;
      continue;
    } else if (pos === "AUX" || pos === "ADV" || pos === "PART") {
      if (
        (view.lemmas[k] === "have" || view.lemmas[k] === "be") &&
        cues.habitual.has(view.words[k + 1] ?? "")
      ) {
        habitual = true;
      }
    } else break;
  }
  if (!hypothetical && askedFor(view, i)) hypothetical = true;
  if (claimedBefore(view, i)) alleged = true;
  return { negated, future, hypothetical, alleged, planned, habitual, governor };
}

/** Is token `i` in a "that" clause of a demand ("demanded that Israel ease restrictions")? */
function askedFor(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 10; k--) {
    if (isHardBoundary(view, k)) return false;
    // ", and Tehran denied": a new clause, not part of what was asked.
    if (view.words[k] === "," && (view.words[k + 1] === "and" || view.words[k + 1] === "but")) return false;
    if (view.words[k] !== "that") continue;
    for (let g = k - 1; g >= 0 && g >= k - 3; g--) {
      if (tokenIn(view, g, view.cues.demandVerbs)) return true;
      if (view.pos[g] !== "ADV" && view.pos[g] !== "PROPN" && view.pos[g] !== "NOUN") return false;
    }
    return false;
  }
  return false;
}

/** Reads the modifiers of an event noun at token `i` ("planned visit", "alleged strike", "no talks"). */
export function nounFrame(view: SentenceView, i: number): Frame {
  const cues = view.cues;
  let negated = false;
  let hypothetical = inConditionalClause(view, i);
  let alleged = false;
  let planned = false;
  let habitual = false;
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const word = view.words[k] ?? "";
    const pos = view.pos[k] ?? "";
    if (word === "no") negated = true;
    else if (cues.allegedNouns.has(word)) alleged = true;
    else if (cues.habitualNouns.has(word)) habitual = true;
    else if (cues.expectNouns.has(word) && pos !== "NOUN") {
      if (PLANNED_NOUNS.has(word)) planned = true;
      else hypothetical = true;
    }
    if (!["ADJ", "NOUN", "PROPN", "NUM", "DET", "PART", "PRON", "ADV", "PUNCT"].includes(pos)) break;
    if (pos === "DET" || word === "," || isHardBoundary(view, k)) break;
  }
  // "a resolution calling for a truce leading to the cessation of hostilities": asked for, not happening.
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    if (isHardBoundary(view, k)) break;
    if (APPEALS.has(view.lemmas[k] ?? "") && view.pos[k] === "VERB") hypothetical = true;
  }
  return { negated, future: false, hypothetical, alleged, planned, habitual, governor: -1 };
}

/**
 * The frame of a match: a verb's own; a noun's with the frame of the verb that
 * governs it ("refused to hold talks" negates the talks, "will hold talks"
 * announces them).
 */
export function matchFrame(view: SentenceView, match: PatternMatch): Frame {
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
}

/** A CAMEO code with the modality it is told in. */
export interface Coded {
  readonly code: string;
  readonly modality: Modality;
}

/** Roots that already say intent, rejection or threat: the future adds nothing to them. */
const STANCE_ROOTS: ReadonlySet<CameoRoot> = new Set(["03", "12", "13"]);

/** Roots of stances that hold until withdrawn: "still refuses", "continues to threaten" restates one. */
const STANDING_STANCES: ReadonlySet<CameoRoot> = new Set(["12", "13"]);

/**
 * Code and modality of an act from its frame: CAMEO folds announced acts into
 * intents (03), threats (13) or refusals (12); a habitual act ("continues to
 * purchase") is background and gives null.
 * @example codeInFrame("042", futureFrame, lexicon) // { code: "036", modality: "asserted" }
 */
export function codeInFrame(code: string, frame: Frame, lexicon: EventLexicon): Coded | null {
  if (frame.habitual && !STANDING_STANCES.has(rootOfCode(code))) return null;
  if (frame.alleged) return { code, modality: "alleged" };
  if (frame.hypothetical) return { code, modality: "hypothetical" };
  const stance = STANCE_ROOTS.has(rootOfCode(code));
  if (frame.negated) {
    const refused = frame.future && !stance ? lexicon.compose("refuse", code) : null;
    return refused ? { code: refused, modality: "asserted" } : { code, modality: "negated" };
  }
  if (frame.planned) return { code, modality: "planned" };
  if (frame.future) {
    if (stance) return { code, modality: "asserted" };
    const intent = lexicon.compose("intent", code);
    return intent ? { code: intent, modality: "asserted" } : { code, modality: "planned" };
  }
  return { code, modality: "asserted" };
}
