import { isStateCode } from "../../core/codes.ts";
import type { ActorMention } from "../types.ts";
import { COMPLEMENT_REACH } from "./complements.ts";
import { codeInFrame, verbFrame, type Coded } from "./modality.ts";
import type { PatternMatch } from "./match.ts";
import { pairs } from "./parties.ts";
import type { SentenceContext } from "./rules.ts";
import { subjectOf } from "./roles.ts";
import { tokenIn, type SentenceView } from "./sentence-view.ts";

/** A demand (or intent) read from an obligation clause, with the parties it pairs. */
export interface ObligationEvent extends Coded {
  readonly pairs: readonly [ActorMention, ActorMention | null][];
  /** The speech verb: the event is dated from it. */
  readonly at: number;
  readonly rule: string;
}

/** The nearest speech verb (or noun) before token `first`, or -1. */
function speechBefore(view: SentenceView, first: number): number {
  for (let s = first - 1; s >= 0; s--) {
    if ((view.pos[s] === "VERB" || view.pos[s] === "NOUN") && tokenIn(view, s, view.cues.speech)) return s;
  }
  return -1;
}

/** Does the addressee at `first` open the clause reported by the speech at `speech` ("declared (that) China must")? */
function opensReportedClause(view: SentenceView, speech: number, first: number): boolean {
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
  return opener === speech || view.words[opener] === "that";
}

/**
 * "X said Y must VERB": a demand of X on Y, coded with the complement's act
 * when a pattern matches it ("must withdraw" is a demand to withdraw). What
 * the speaker's own state is to do with another ("Raisi said Tehran and Baku
 * should cooperate") is an intent; what it alone is to do, a demand at home.
 */
export function obligationEvents(
  { view, lexicon, composition }: SentenceContext,
  matches: readonly PatternMatch[],
): ObligationEvent[] {
  const events: ObligationEvent[] = [];
  for (let k = 0; k < view.tokens.length; k++) {
    if (!view.cues.obligation.has(view.words[k] ?? "")) continue;
    const addressee = subjectOf(view, k);
    if (addressee.groups.length === 0 || addressee.passive) continue;
    const first = Math.min(...addressee.groups.map((g) => g.first));
    const speech = speechBefore(view, first);
    if (speech < 0 || !opensReportedClause(view, speech, first)) continue;
    const speaker = subjectOf(view, speech);
    if (speaker.groups.length === 0 || speaker.passive) continue;
    const complement = matches.find((c) => c.trigger > k && c.trigger <= k + COMPLEMENT_REACH + 1);
    const speakerStates = new Set(
      speaker.groups.flatMap((g) => g.mentions.flatMap((m) => (isStateCode(m.country) ? [m.country] : []))),
    );
    const addressed = addressee.groups.flatMap((g) => g.mentions);
    const ownState = addressed.filter((m) => m.country !== null && speakerStates.has(m.country));
    // "Raisi said Tehran and Baku should cooperate": the speaker's state with another, an intent;
    // "the opposition leader said the Kenyan government must ensure security": a demand at home.
    const own = ownState.length > 0 && ownState.length < addressed.length;
    const domestic = ownState.length > 0 && ownState.length === addressed.length;
    const kind = own ? "intent" : "demand";
    const code =
      (complement && lexicon.compose(kind, composition.codeOf(complement))) ?? (own ? "030" : "100");
    const coded = codeInFrame(code, verbFrame(view, speech), lexicon);
    if (!coded) continue;
    events.push({
      ...coded,
      pairs: pairs({ sources: speaker.groups, targets: addressee.groups }, { recip: false, code, domestic }),
      at: speech,
      rule: complement
        ? `obligation clause: ${complement.pattern.text} (${complement.pattern.origin})`
        : "obligation clause",
    });
  }
  return events;
}
