import type { AnalysedSentence, EventDraft } from "../types.ts";
import type { EventLexicon } from "./lexicon.ts";

// Placeholder until the event coder lands.
export function codeEvents(_sentence: AnalysedSentence, _lexicon: EventLexicon): EventDraft[] {
  return [];
}
