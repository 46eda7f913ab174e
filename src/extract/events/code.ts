import type { Modality } from "../../core/records.ts";
import type { ActorMention, AnalysedSentence, EventDraft } from "../types.ts";
import { composeMatches } from "./complements.ts";
import { dateAnchors, eventDate } from "./dating.ts";
import type { EventLexicon } from "./lexicon.ts";
import { eventLocation, placesOf } from "./location.ts";
import { findMatches } from "./match.ts";
import type { EventMemory } from "./memory.ts";
import { obligationEvents } from "./obligation.ts";
import { pairs, warCode } from "./parties.ts";
import {
  actOf,
  attributedAct,
  classify,
  EVENT_RULES,
  isCodable,
  PARTY_RULES,
  type Act,
  type ClassifiedAct,
  type MatchContext,
  type SentenceContext,
} from "./rules.ts";
import { createSentenceView } from "./sentence-view.ts";

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

/** The events of one sentence, each pair, code, modality and date once. */
interface DraftSet {
  add(
    pairList: readonly [ActorMention, ActorMention | null][],
    code: string,
    modality: Modality,
    at: number,
    rule: string,
  ): void;
  readonly drafts: EventDraft[];
}

/** The sentence's draft set; `triggers` are the tokens of all its matches, which share out its places. */
function createDraftSet({ view, sentence }: SentenceContext, triggers: readonly number[]): DraftSet {
  const drafts: EventDraft[] = [];
  const seen = new Set<string>();
  const anchors = dateAnchors(view, sentence);
  const places = placesOf(view, sentence.mentions);
  return {
    drafts,
    add(pairList, code, modality, at, rule) {
      const date = eventDate(view, anchors, at, sentence.dates.reference);
      const location = eventLocation(view, places, at, triggers);
      for (const [source, target] of pairList) {
        const cameo = warCode(code, source, target);
        const key = `${source.actor.id}>${target?.actor.id ?? ""}:${cameo}:${modality}:${date ?? ""}`;
        if (seen.has(key)) continue;
        seen.add(key);
        drafts.push({ source, target, cameo, modality, date, location, rule });
      }
    },
  };
}

/** Which rule and pattern (with the complement folded in) coded an event: `EventRecord.rule`. */
function ruleName(name: string, { match, complement }: MatchContext): string {
  const inner = complement ? ` + ${complement.pattern.text} (${complement.pattern.origin})` : "";
  return `${name}: ${match.pattern.text} (${match.pattern.origin})${inner}`;
}

/** The match's act through the party rules, classification and event rules; null when a rule drops it. */
function eventOf(context: MatchContext, act: Act): ClassifiedAct | null {
  let event: ClassifiedAct | null = classify(context, act);
  for (const rule of EVENT_RULES) {
    if (!event) break;
    event = rule(context, event);
  }
  return event;
}

function codeSentence(sentence: AnalysedSentence, lexicon: EventLexicon, memory?: EventMemory): EventDraft[] {
  if (sentence.mentions.length === 0) return [];
  const view = createSentenceView(sentence, lexicon.cues, (word) => lexicon.patternsFor(word).length > 0);
  if (view.groups.length === 0) return [];
  const matches = findMatches(view, lexicon);
  // Without a match only a demand ("X said Y must ...") can give an event, and it needs an obligation word.
  if (matches.length === 0 && !view.words.some((w) => view.cues.obligation.has(w))) return [];
  const context: SentenceContext = {
    view,
    sentence,
    lexicon,
    memory,
    composition: composeMatches(view, matches, lexicon),
  };
  const drafts = createDraftSet(
    context,
    matches.map((m) => m.trigger),
  );
  for (const match of matches)
    codeMatch({ ...context, match, complement: context.composition.complementOf(match) }, drafts);
  for (const event of obligationEvents(context, matches)) {
    drafts.add(event.pairs, event.code, event.modality, event.at, event.rule);
  }
  return drafts.drafts;
}

function codeMatch(context: MatchContext, drafts: DraftSet): void {
  if (!isCodable(context)) return;
  const found = actOf(context);
  if (!found) return;
  const act = PARTY_RULES.reduce((current, rule) => rule(context, current), found);
  const event = eventOf(context, act);
  if (!event) return;
  const { match } = context;
  const options = {
    recip: event.recip,
    code: event.code,
    allowNoTarget: event.standsAlone,
    domestic: event.domestic,
    forces: context.view.cues.domesticForces,
  };
  drafts.add(
    pairs(event.roles, options),
    event.code,
    event.modality,
    match.trigger,
    ruleName(`${match.pattern.triggerClass} pattern`, context),
  );
  const attributed = attributedAct(context, act);
  if (attributed && context.complement) {
    drafts.add(
      pairs(attributed.roles, { recip: attributed.recip, code: attributed.code }),
      attributed.code,
      attributed.modality,
      context.complement.trigger,
      ruleName(`complement of ${match.pattern.compose ?? ""}`, context),
    );
  }
}
