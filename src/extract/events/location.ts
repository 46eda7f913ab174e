import { isStateCode } from "../../core/codes.ts";
import type { CountryCode } from "../../core/records.ts";
import type { ActorMention } from "../types.ts";
import type { SentenceView } from "./sentence-view.ts";
import { isHardBoundary, isVerb, overlapTokens, tokenIn } from "./sentence-view.ts";

/** How a mention names a place: a state's name, its capital or seat, or one of its cities (an alias). */
const PLACE_VIA = new Set<ActorMention["via"]>(["name", "capital", "alias"]);

/**
 * Whether a state mention at token `k` (through `last`) names where something
 * happens: after a place preposition ("in Tehran"), also with an adjective
 * between ("in northern Iran"), or a city just before a mission noun ("the
 * Tehran embassy").
 */
function isPlace(view: SentenceView, k: number, last: number): boolean {
  const { placePrepositions, missions } = view.cues;
  const before = view.words[k - 1] ?? "";
  if (placePrepositions.has(before)) return true;
  if (view.pos[k - 1] === "ADJ" && placePrepositions.has(view.words[k - 2] ?? "")) return true;
  return missions.has(view.words[last + 1] ?? "");
}

/** A place the sentence names and the token it starts at. */
export interface Place {
  readonly country: CountryCode;
  readonly at: number;
}

/** The places of a sentence: states, capitals and cities named as where something happens. */
export function placesOf(view: SentenceView, mentions: readonly ActorMention[]): Place[] {
  const places: Place[] = [];
  for (const mention of mentions) {
    // A demonym is no place ("in Iranian media"), nor a person or body of the state.
    if (mention.actor.kind !== "state" || !PLACE_VIA.has(mention.via) || !isStateCode(mention.country))
      continue;
    const range = overlapTokens(view.tokens, mention);
    if (range && isPlace(view, ...range)) places.push({ country: mention.country, at: range[0] });
  }
  return places;
}

/**
 * Whether the words between a place and the trigger leave them in different
 * clauses: a clause boundary, a subordinator or relative ("said that gunmen
 * attacked"), or a verb of speech ("the ambassador in Athens said").
 */
function apart(view: SentenceView, place: number, at: number): boolean {
  const { subordinators, relatives, speech } = view.cues;
  const [from, to] = place < at ? [place + 1, at] : [at + 1, place];
  for (let i = from; i < to; i++) {
    const word = view.words[i] ?? "";
    if (isHardBoundary(view, i) || subordinators.has(word) || relatives.has(word)) return true;
    if (isVerb(view, i) && tokenIn(view, i, speech)) return true;
  }
  return false;
}

/**
 * The state where the event triggered at token `at` happened (its host
 * state), among the sentence's `places` (`placesOf`, found once per
 * sentence): the place of the trigger's clause nearest to it, the later one on
 * a tie, unless another of the sentence's `triggers` stands between them
 * (the place is that event's: "exercises near the border and a vote to open
 * an embassy in Israel"); null when there is none. "A gunman attacked
 * Azerbaijan's embassy in Tehran" happened in IRN, whoever the gunman was.
 *
 * @example eventLocation(view, placesOf(view, sentence.mentions), trigger, triggers) // "IRN"
 */
export function eventLocation(
  view: SentenceView,
  places: readonly Place[],
  at: number,
  triggers: readonly number[] = [],
): CountryCode | null {
  let best: Place | null = null;
  for (const place of places) {
    if (apart(view, place.at, at)) continue;
    if (triggers.some((t) => (place.at < t && t < at) || (at < t && t < place.at))) continue;
    const distance = Math.abs(place.at - at);
    const bestDistance = best === null ? Infinity : Math.abs(best.at - at);
    if (distance < bestDistance || (distance === bestDistance && best !== null && place.at > best.at))
      best = place;
  }
  return best?.country ?? null;
}
