import type { AnalysedSentence, ClaimDraft } from "../types.ts";

// Placeholder until claim building lands.
export function buildClaims(_sentence: AnalysedSentence): ClaimDraft[] {
  return [];
}
