import type { CountryCode, Period, Qualifier, Unit, ActorRecord, Modality } from "../core/records.ts";
import type { IsoDate } from "../core/ids.ts";
import type { Sentence } from "../core/ports.ts";

/**
 * Records passed between extraction stages. Offsets are indices into the
 * document text (the same text the NLP engine was given).
 */

/** How a mention was recognised. */
export type MentionVia =
  | "name"
  | "demonym"
  | "capital"
  | "alias"
  | "person"
  | "title"
  | "organization"
  | "coreference"
  /** A generic agent of a state: "police in Karachi", or "police" in a document of one state. */
  | "agent";

/**
 * The CAMEO agent kinds of a state's generic agents (data/actors/agents.json),
 * each with its name as the CAMEO codebook gives it: its organs (government,
 * military, police, courts, legislature, intelligence), its opposition,
 * rebels and radicals, and its people (civilians, refugees, labour, farmers,
 * education, health, media).
 */
export const AGENT_KIND_NAMES = {
  GOV: "government",
  MIL: "military",
  COP: "police",
  JUD: "judiciary",
  LEG: "legislature",
  SPY: "intelligence",
  OPP: "opposition",
  REB: "rebels",
  RAD: "radicals",
  CVL: "civilians",
  REF: "refugees",
  LAB: "labour",
  AGR: "agriculture",
  EDU: "education",
  HLH: "health",
  MED: "media",
} as const;
export type AgentKind = keyof typeof AGENT_KIND_NAMES;
export const AGENT_KINDS = Object.keys(AGENT_KIND_NAMES) as [AgentKind, ...AgentKind[]];

/** Kinds of a state's forces of order: what coerces its own people. */
export const FORCE_KINDS: ReadonlySet<AgentKind> = new Set(["GOV", "MIL", "COP", "JUD", "SPY"]);
/** Kinds of a state's people and movements, not its organs: what protests, strikes and rebels. */
export const PEOPLE_KINDS: ReadonlySet<AgentKind> = new Set([
  "OPP",
  "REB",
  "RAD",
  "CVL",
  "REF",
  "LAB",
  "AGR",
  "EDU",
  "HLH",
  "MED",
]);

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
  /** For a state's generic agent ("police", "Pakistani teachers"), its CAMEO agent kind. */
  readonly agent?: AgentKind;
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
