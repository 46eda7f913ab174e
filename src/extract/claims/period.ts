import type { Period } from "../../core/records.ts";
import { periodOrThrow } from "../../core/records.ts";
import type { DateMention } from "../types.ts";

/**
 * The period of a date mention: its date, or `date/until` for a span
 * ("in the first four months of 2024" is `2024-01/2024-04`). Both ends are
 * valid `IsoDate`s, so `periodOrThrow` never throws here.
 */
export function periodOf(mention: DateMention | null): Period | null {
  if (!mention) return null;
  return periodOrThrow(mention.until ? `${mention.date}/${mention.until}` : mention.date);
}
