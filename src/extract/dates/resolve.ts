import type { IsoDate } from "../../core/ids.ts";
import type { Sentence } from "../../core/ports.ts";
import type { SentenceDates } from "../types.ts";

// Placeholder until date resolution lands.
export function resolveDates(sentences: readonly Sentence[], published: IsoDate | null): SentenceDates[] {
  return sentences.map(() => ({ mentions: [], reference: published }));
}
