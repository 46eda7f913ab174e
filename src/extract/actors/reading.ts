import type { IsoDate } from "../../core/ids.ts";
import type { ActorMention, AgentKind } from "../types.ts";
import type { SentenceCursor } from "./cursor.ts";
import type { DocumentMemory } from "./document-memory.ts";
import type { Gazetteer, GazetteerIndex } from "./gazetteer.ts";

/**
 * What the reading of a sentence finds:
 *
 * - `mention`: an actor, settled;
 * - `pending`: a person new to us with a title but no state ("President Askar
 *   Akayev"), with the name they go by: they take the one state of their
 *   sentence once it is read, else they are dropped (`settlePending`);
 * - `ethnic`: a people after "ethnic" ("ethnic Albanians"): they take the one
 *   other state their sentence names as a place, if there is one (`settleEthnic`).
 */
export type Found =
  | { readonly kind: "mention"; readonly mention: ActorMention }
  | { readonly kind: "pending"; readonly mention: ActorMention; readonly name: string }
  | { readonly kind: "ethnic"; readonly mention: ActorMention };

/**
 * A state's generic agent named without its state ("Police arrested ...",
 * "the rebels"): it takes the one state its document names, else it names no
 * one (`settleAgents`).
 */
export interface BareAgent {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: AgentKind;
}

/** What starts at a word: what was found there, and the word to go on from. */
export interface Scan {
  readonly next: number;
  readonly found: readonly Found[];
  /** Generic agents with no state in the sentence: the document's state decides theirs. */
  readonly agents?: readonly BareAgent[];
}

/** A scan that found nothing and goes on from `next`. */
export function skipTo(next: number): Scan {
  return { next, found: [] };
}

/** A scan that found one mention, settled, and goes on from `next`. */
export function scanOf(next: number, mention: ActorMention): Scan {
  return { next, found: [{ kind: "mention", mention }] };
}

/**
 * The reading of one sentence: its words, the gazetteer, and the memory of
 * the document so far (the one thing reading changes: persons and
 * institutions named, for coreference further on).
 */
export interface Reading {
  readonly cursor: SentenceCursor;
  readonly ix: GazetteerIndex;
  readonly gazetteer: Gazetteer;
  readonly memory: DocumentMemory;
  /** The sentence's index in the document. */
  readonly index: number;
  /**
   * The publication date. With it, a title without a name ("Iran's foreign
   * minister said") names the person then in office.
   */
  readonly published: IsoDate | null;
  /** What the sentence has given so far, in text order. */
  readonly found: readonly Found[];
}
