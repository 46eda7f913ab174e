/** The validated contents of `data/calendar.json`. */
export interface CalendarSpec {
  readonly months: Readonly<Record<string, number>>;
  readonly weekdays: Readonly<Record<string, number>>;
  readonly relativeWords: readonly string[];
  readonly relativeHeads: readonly string[];
  readonly relativeUnits: readonly string[];
  readonly seasons: Readonly<Record<string, readonly [number, number]>>;
  readonly parts: Readonly<Record<string, readonly [number, number]>>;
  readonly edges: Readonly<Record<string, "start" | "end">>;
  readonly yearPrefixes: readonly string[];
  readonly sinceWords: readonly string[];
  readonly rangeWords: readonly string[];
  /** Times told against the narrative ("the next day", "two days later"). */
  readonly anaphora: {
    readonly units: Readonly<Record<string, CalendarUnit>>;
    readonly heads: Readonly<Record<string, number>>;
    readonly tails: Readonly<Record<string, number>>;
  };
}

/** A unit an anaphoric time counts in. */
export type CalendarUnit = "day" | "week" | "month" | "year";

/** A span of months of one year: first and last month, 1-based. */
export type MonthSpan = readonly [number, number];

/** Calendar words indexed for lookup by lower-case token. */
export interface CalendarWords {
  readonly months: ReadonlyMap<string, number>;
  readonly weekdays: ReadonlyMap<string, number>;
  readonly relativeWords: ReadonlySet<string>;
  readonly relativeHeads: ReadonlySet<string>;
  readonly relativeUnits: ReadonlySet<string>;
  readonly seasons: ReadonlyMap<string, MonthSpan>;
  /** Parts of a year by their words ("first half" -> ["first", "half"]), keyed by the first word. */
  readonly parts: ReadonlyMap<
    string,
    readonly { readonly words: readonly string[]; readonly span: MonthSpan }[]
  >;
  readonly edges: ReadonlyMap<string, "start" | "end">;
  readonly yearPrefixes: ReadonlySet<string>;
  readonly sinceWords: ReadonlySet<string>;
  readonly rangeWords: ReadonlySet<string>;
  /** Anaphoric times: unit words, the words before a unit ("the next"), the words after a count ("later"). */
  readonly anaphoraUnits: ReadonlyMap<string, CalendarUnit>;
  readonly anaphoraHeads: ReadonlyMap<string, number>;
  readonly anaphoraTails: ReadonlyMap<string, number>;
  /** Matches any sentence that may hold an anaphoric time (a unit word). */
  readonly anaphoraGate: RegExp;
  /** Words that can start one of our own date patterns (parts of a year, edges, seasons, months). */
  readonly starters: ReadonlySet<string>;
  /** Matches any sentence that may hold a date: a digit, a capitalised month or weekday, a relative phrase. */
  readonly gate: RegExp;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const capitalised = (word: string): string => escape(word.charAt(0).toUpperCase() + word.slice(1));

const lowerMap = <T>(record: Readonly<Record<string, T>>): Map<string, T> =>
  new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
const lowerSet = (words: readonly string[]): Set<string> => new Set(words.map((w) => w.toLowerCase()));

/** Indexes the calendar words for token lookups. */
export function createCalendarWords(spec: CalendarSpec): CalendarWords {
  const parts = new Map<string, { words: string[]; span: MonthSpan }[]>();
  for (const [phrase, span] of Object.entries(spec.parts)) {
    const words = phrase.toLowerCase().split(" ").filter(Boolean);
    const first = words[0];
    if (first === undefined) continue;
    const list = parts.get(first) ?? [];
    list.push({ words, span });
    parts.set(first, list);
  }
  const names = [...Object.keys(spec.months), ...Object.keys(spec.weekdays)].map(capitalised).join("|");
  // Relative words stand anywhere, so also capitalised at a sentence's start ("Yesterday, ...").
  const both = (words: readonly string[]): string =>
    words.flatMap((w) => [escape(w), capitalised(w)]).join("|");
  const relative = both(spec.relativeWords);
  const heads = both(spec.relativeHeads);
  const units = spec.relativeUnits.map(escape).join("|");
  const gate = new RegExp(`\\d|\\b(?:${names})\\b|\\b(?:${relative})\\b|\\b(?:${heads})\\s+(?:${units})`);
  const starters = new Set(
    [
      ...parts.keys(),
      ...Object.keys(spec.edges),
      ...Object.keys(spec.seasons),
      ...Object.keys(spec.months),
    ].map((w) => w.toLowerCase()),
  );
  return {
    gate,
    starters,
    months: lowerMap(spec.months),
    weekdays: lowerMap(spec.weekdays),
    relativeWords: lowerSet(spec.relativeWords),
    relativeHeads: lowerSet(spec.relativeHeads),
    relativeUnits: lowerSet(spec.relativeUnits),
    seasons: lowerMap(spec.seasons),
    parts,
    edges: lowerMap(spec.edges),
    yearPrefixes: lowerSet(spec.yearPrefixes),
    sinceWords: lowerSet(spec.sinceWords),
    rangeWords: lowerSet(spec.rangeWords),
    anaphoraUnits: lowerMap(spec.anaphora.units),
    anaphoraHeads: lowerMap(spec.anaphora.heads),
    anaphoraTails: lowerMap(spec.anaphora.tails),
    anaphoraGate: new RegExp(`\\b(?:${both(Object.keys(spec.anaphora.units))})\\b`),
  };
}
