import type { CountryCode, Period, Qualifier, Unit, ActorRecord, Modality } from "../core/records.ts";
import type { IsoDate } from "../core/ids.ts";
import type { Sentence } from "../core/ports.ts";

/**
 * Records passed between extraction stages. Offsets are indices into the
 * document text (the same text the NLP engine was given).
 */

/** How a mention was recognised. */
export type MentionVia =
  "name" | "demonym" | "capital" | "alias" | "person" | "title" | "organization" | "coreference";

/**
 * One actor named or referred to in a sentence. A phrase that refers to
 * several actors ("the two countries") gives one mention per actor, all with
 * the same span.
 */
export interface ActorMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly actor: ActorRecord;
  /** The state (or IGO/MUS/UNK group) behind the actor. */
  readonly country: CountryCode | null;
  readonly via: MentionVia;
}

/** A date expression resolved against the publication date and the narrative so far. */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly date: IsoDate;
  /** The end of a span ("in 2024–2025", "the first four months of 2024"). */
  readonly until: IsoDate | null;
  /**
   * The time an event dated by this expression takes: a span's common part
   * ("2024–2025" is 2024), a "since" span's start. Absent: `date`.
   */
  readonly at?: IsoDate | null;
}

export interface SentenceDates {
  readonly mentions: readonly DateMention[];
  /**
   * When the sentence's events happen as far as the text tells: its own date
   * if it has one, else the time the narrative has reached, else null.
   */
  readonly reference: IsoDate | null;
}

/** A number with its unit as written ("about 40 percent", "$600 million"). */
export interface Quantity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  readonly valueMax: number | null;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
}

/** A sentence with everything recognised in it: the input of claim building and event coding. */
export interface AnalysedSentence {
  readonly index: number;
  readonly sentence: Sentence;
  readonly mentions: readonly ActorMention[];
  readonly dates: SentenceDates;
  readonly quantities: readonly Quantity[];
}

export interface ClaimDraft {
  readonly value: number;
  readonly valueMax: number | null;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
  readonly subjects: readonly CountryCode[];
  readonly metric: string;
  readonly period: Period | null;
}

export interface EventDraft {
  readonly source: ActorMention;
  readonly target: ActorMention | null;
  readonly cameo: string;
  readonly modality: Modality;
  readonly date: IsoDate | null;
  /** The state where it happened, from a place the sentence names (`EventRecord.location`). */
  readonly location: CountryCode | null;
  /** The coder's rule that made it and the pattern it matched (`EventRecord.rule`). */
  readonly rule: string;
}
