import type { ActorId, CharOffset, DocId, IsoDate } from "../core/ids.ts";
import type { CountryCode, Period, Qualifier, Unit } from "../core/records.ts";

/**
 * The shapes the analysis returns: the JSON of `triangulate claims
 * --clusters --json`, `events --clusters`, `dyads`, `episodes`, `triads`,
 * `sources` and of the matching `/api/...` routes.
 */

/** One document's statement, with the sentence it stands in. */
export interface Report {
  readonly doc: DocId;
  readonly quote: string;
  readonly start: CharOffset;
  readonly end: CharOffset;
  readonly outlet: string | null;
  readonly published: IsoDate | null;
}

/** One report of an event: the event record (`/api/events` gives it by this id) and where it stands. */
export interface EventReport extends Report {
  readonly event: string;
}

export interface ClusteredClaim extends Report {
  readonly value: number;
  readonly valueMax: number | null;
  readonly qualifier: Qualifier;
  readonly period: Period | null;
}

/** `agree`: all figures can be right at once; `conflict`: some cannot; `single`: one independent source. */
export type ClaimStatus = "agree" | "conflict" | "single";

/** Figures of a cluster that can all be right together (`Disagreement`). */
export interface FigureSide {
  /** Positions in the cluster's `claims`. */
  readonly claims: readonly number[];
  /** The outlets behind them, each once (null: a document without one). */
  readonly outlets: readonly (string | null)[];
}

/**
 * Whether time explains a disagreement: `same` the disagreeing figures are
 * for one time (it does not); `periods` they state different periods (it
 * does); `publication` some state no period and were published apart (it
 * may).
 */
export type TimeExplanation = "same" | "periods" | "publication";

/** How the figures of a conflicting cluster disagree. */
export interface Disagreement {
  /** Groups of figures that agree among themselves, lowest first: at least two. */
  readonly sides: readonly FigureSide[];
  /** From the top of the lowest side to the bottom of the highest, in the cluster's unit (percentage points for percent). */
  readonly difference: number;
  readonly time: TimeExplanation;
  /** Whole years between the lowest and the highest side (middles of their periods, else of their publication dates); null without dates. */
  readonly years: number | null;
}

/** Figures for one quantity gathered across documents. */
export interface ClaimCluster {
  readonly id: string;
  /** The most representative of its claims' metric labels. */
  readonly metric: string;
  readonly unit: Unit;
  /** The states at least half of its claims are about, sorted. */
  readonly subjects: readonly CountryCode[];
  readonly status: ClaimStatus;
  /** Independent sources: outlets, with copied articles counted once. */
  readonly sources: number;
  /** Oldest publication first. */
  readonly claims: readonly ClusteredClaim[];
  /** For a conflict, how its figures disagree; else null. */
  readonly disagreement: Disagreement | null;
  /** How the figures relate, in a sentence: which outlets, which figures, by how much, and whether time explains it. */
  readonly summary: string;
}

/** One event, however many documents report it. */
export interface EventCluster {
  readonly id: string;
  /** The most precise date its reports give. */
  readonly date: IsoDate | null;
  readonly source: ActorId;
  readonly target: ActorId | null;
  readonly sourceCountry: CountryCode | null;
  readonly targetCountry: CountryCode | null;
  /** Where it happened, as most of its reports that name a place give it (`EventRecord.location`). */
  readonly location: CountryCode | null;
  /** The code most reports give (the more specific one on a tie). */
  readonly cameo: string;
  readonly root: string;
  readonly goldstein: number;
  /** Independent sources among its reports. */
  readonly sources: number;
  readonly reports: readonly EventReport[];
}

/** Every count of one pair of sides (`pairCounts`), so that views agree or can say why they differ. */
export interface PairCount {
  /** Sorted side keys: a state's code, else the actor's id. */
  readonly a: string;
  readonly b: string;
  /** Event records between the two, of any modality (a network of reports draws these). */
  readonly reports: number;
  /** Of those, the ones the text asserts happened. */
  readonly asserted: number;
  /** Merged events: asserted reports of one act across documents, counted once (dyads, episodes and triads count these). */
  readonly events: number;
  /** Independent sources behind the merged events (outlets, copies counted once). */
  readonly sources: number;
  /** Merged events without a date: in no dyad series. */
  readonly undated: number;
}

/** One actor pair in one period. */
export interface DyadRow {
  /** Country codes; sorted (`a < b`) unless the series is directed, then `a` acts on `b`. */
  readonly a: CountryCode;
  readonly b: CountryCode;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  readonly period: string;
  readonly events: number;
  readonly goldstein: number;
  readonly goldsteinMean: number;
  readonly verbalCooperation: number;
  readonly materialCooperation: number;
  readonly verbalConflict: number;
  readonly materialConflict: number;
  /**
   * Events counted here with one side unidentified, placed on the pair by
   * where they happened (`pairPlacement`), each said once with how many:
   * `attacker unknown, in IRN` (undirected series only).
   */
  readonly notes: readonly string[];
}

/** Where an event stands in an episode: before the trough, from the trough until the repair, the repair. */
export type EpisodePhase = "provocation" | "rupture" | "repair";

export interface EpisodeEvent {
  /** The event cluster's id. */
  readonly id: string;
  readonly date: IsoDate;
  readonly sourceCountry: CountryCode;
  readonly targetCountry: CountryCode;
  readonly cameo: string;
  readonly goldstein: number;
  readonly phase: EpisodePhase;
  readonly quote: string;
}

/** A run where a dyad turns sharply to conflict and then recovers. */
export interface Episode {
  readonly id: string;
  /** Sorted country codes. */
  readonly a: CountryCode;
  readonly b: CountryCode;
  readonly interval: "month" | "quarter" | "year";
  /** The first period of the conflict run, its lowest period, and the period of repair. */
  readonly start: string;
  readonly trough: string;
  readonly end: string;
  /** Mean Goldstein value at the trough and at the repair. */
  readonly troughGoldstein: number;
  readonly repairGoldstein: number;
  readonly events: readonly EpisodeEvent[];
}

export interface TriadEdge {
  readonly a: CountryCode;
  readonly b: CountryCode;
  readonly events: number;
  readonly goldsteinMean: number;
  /** 1 cooperative, -1 conflictual, 0 neither (mean exactly 0). */
  readonly sign: -1 | 0 | 1;
  /** Whether the sign rests on so few events (`THIN_EDGE` or fewer) that one more could turn it. */
  readonly thin: boolean;
}

/** A triangle of actors in one window, with Heider's balance. */
export interface Triad {
  readonly id: string;
  /** Sorted country codes. */
  readonly actors: readonly [CountryCode, CountryCode, CountryCode];
  /** A period (`YYYY`, `YYYY-Qn`, `YYYY-MM`) or `all`. */
  readonly window: string;
  /** a–b, a–c, b–c. */
  readonly edges: readonly [TriadEdge, TriadEdge, TriadEdge];
  /** Product of the signs positive; null when an edge has sign 0. */
  readonly balanced: boolean | null;
  /** Says which edges the verdict rests on one or two events of ("the AZE–IRN edge rests on 1 event"); null when none. */
  readonly caveat: string | null;
}

export interface ActorFraming {
  /** A country code, or the actor id where the actor has no state. */
  readonly actor: string;
  readonly events: number;
  readonly goldsteinMean: number;
  /** The events in which the actor acts, and those in which it is acted upon. */
  readonly asSource: { readonly events: number; readonly goldsteinMean: number };
  readonly asTarget: { readonly events: number; readonly goldsteinMean: number };
}

/** How one outlet reports: what it says each actor does, and how its figures hold up. */
export interface SourceProfile {
  /** Null gathers the documents that name no outlet. */
  readonly outlet: string | null;
  readonly articles: number;
  readonly events: number;
  /** Most events first. */
  readonly actors: readonly ActorFraming[];
  readonly claims: {
    readonly total: number;
    /** Agreed with by a figure of another independent source. */
    readonly corroborated: number;
    /** Not corroborated, and disagreed with by another independent source. */
    readonly contradicted: number;
    /** No figure of another independent source for the same quantity. */
    readonly alone: number;
  };
}
