import type { CountryCode } from "./codes.ts";
import { isStateCode, UNKNOWN_SIDE } from "./codes.ts";
import { quadClassOf } from "./quad-class.ts";

/** The side of an event whose actor the text leaves unidentified. */
export type UnknownSide = "source" | "target";

/** The parts of an event (or a merged one) that place it between two states. */
export interface PlaceableEvent {
  readonly sourceCountry: string | null;
  readonly targetCountry: string | null;
  /** The state where it happened (`EventRecord.location`). */
  readonly location: string | null;
  readonly root: string;
}

/** The two states an event stands between in pair analyses, and how the pair was found. */
export interface PairPlacement {
  readonly source: CountryCode;
  readonly target: CountryCode;
  /**
   * The side the text leaves unidentified, whose place in the pair the state
   * where the event happened takes; null when both sides are states.
   */
  readonly unknown: UnknownSide | null;
  /** What a reader must know of an `unknown` side ("attacker unknown, in IRN"); null when both are known. */
  readonly note: string | null;
}

function noteOf(unknown: UnknownSide, location: CountryCode, root: string): string {
  const who =
    unknown === "target" ? "target" : quadClassOf(root) === "materialConflict" ? "attacker" : "actor";
  return `${who} unknown, in ${location}`;
}

/**
 * The pair of states an event belongs to: its two sides when both are
 * different states; when one side is an unidentified actor (`UNK`) and the
 * event happened in another state than the known side's, that state in the
 * unknown one's place, marked. The attack on Azerbaijan's embassy in Tehran
 * (UNK -> AZE, in IRN) is an event of AZE–IRN whose attacker is unknown;
 * an event with an unnamed side and no place, or in the known side's own
 * state, belongs to no pair. Null when there is no pair.
 *
 * @example pairPlacement({ sourceCountry: "UNK", targetCountry: "AZE", location: "IRN", root: "18" })
 * // { source: "IRN", target: "AZE", unknown: "source", note: "attacker unknown, in IRN" }
 */
export function pairPlacement(event: PlaceableEvent): PairPlacement | null {
  const { sourceCountry: s, targetCountry: t, location } = event;
  if (isStateCode(s) && isStateCode(t))
    return s === t ? null : { source: s, target: t, unknown: null, note: null };
  if (!isStateCode(location)) return null;
  if (s === UNKNOWN_SIDE && isStateCode(t) && t !== location) {
    return { source: location, target: t, unknown: "source", note: noteOf("source", location, event.root) };
  }
  if (t === UNKNOWN_SIDE && isStateCode(s) && s !== location) {
    return { source: s, target: location, unknown: "target", note: noteOf("target", location, event.root) };
  }
  return null;
}
