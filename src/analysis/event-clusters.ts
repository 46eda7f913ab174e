import { TriangulateError } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import { datePrecision } from "../core/ids.ts";
import type { EventRecord, Modality } from "../core/records.ts";
import { datesCompatible, daySpan } from "../core/calendar.ts";
import type { SourceIndex } from "./sources.ts";
import type { EventCluster, EventReport } from "./types.ts";

export interface EventClusterOptions {
  /** How many days apart two fully dated reports of one event may be. */
  readonly maxDays?: number;
  /** Which events count; by default only those the text asserts happened. */
  readonly modalities?: readonly Modality[];
}

const DEFAULTS: Required<EventClusterOptions> = { maxDays: 3, modalities: ["asserted"] };

/**
 * CAMEO roots that outlets use for one and the same act, mapped to one
 * family. An expulsion of diplomats is coded 16 (reduce relations: 161, 166)
 * by some and 17 (coerce: 174 expel individuals) by others; a condemnation
 * that is also a rejection falls between 11 (disapprove) and 12 (reject); a
 * strike is 18 (assault) or 19 (fight) depending on the weapon named. Other
 * neighbouring roots name different acts (a visit, 04, and the agreement
 * signed during it, 05, are two events) and stay apart.
 */
const ROOT_FAMILY: Readonly<Record<string, string>> = { "17": "16", "12": "11", "19": "18" };

/** The family of a root: reports in different families are never one event. */
export function rootFamily(root: string): string {
  return ROOT_FAMILY[root] ?? root;
}

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

function precisionRank(date: IsoDate | null): number {
  return date === null ? 3 : PRECISION_RANK[datePrecision(date)];
}

function midpoint(date: IsoDate): number {
  const [first, last] = daySpan(date);
  return (first + last) / 2;
}

interface Draft {
  readonly events: EventRecord[];
  /** The members' dates, each once: reprints of a report share theirs, and a report must fit each. */
  readonly dates: Set<IsoDate>;
}

/** Whether a dated report may join a cluster of dated reports: its date fits every member's date. */
function fits(draft: Draft, date: IsoDate, maxDays: number): boolean {
  for (const member of draft.dates) if (!datesCompatible(member, date, maxDays)) return false;
  return true;
}

/** The most frequent value; ties go to `better` (a < b means a is preferred). */
function mostCommon<T>(values: readonly T[], better: (a: T, b: T) => number): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (best === undefined || count > bestCount || (count === bestCount && better(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges the reports of one event across documents (and repeats within
 * one). Reports are one event when they have the same direction (source and
 * target state, or actor where there is no state), the same root family
 * (`rootFamily`), and dates that can name the same day (`datesCompatible`:
 * the less precise contains the more precise; full dates at most `maxDays`
 * apart).
 *
 * Each report must fit every report already in the cluster (complete
 * linkage), so a report dated only "2023" cannot chain an April and an
 * October expulsion into one. Reports are placed most precise first; a
 * vaguer one joins the largest cluster it fits, the nearest in time on a
 * tie.
 */
export function clusterEvents(
  events: readonly EventRecord[],
  sources: SourceIndex,
  options: EventClusterOptions = {},
): EventCluster[] {
  const { maxDays, modalities } = { ...DEFAULTS, ...options };
  const allowed = new Set<Modality>(modalities);
  const blocks = new Map<string, EventRecord[]>();
  for (const event of events) {
    if (!allowed.has(event.modality)) continue;
    const key = [
      event.sourceCountry ?? event.source,
      event.targetCountry ?? event.target ?? "",
      rootFamily(event.root),
    ].join("|");
    const block = blocks.get(key);
    if (block) block.push(event);
    else blocks.set(key, [event]);
  }

  const clusters: EventCluster[] = [];
  for (const block of blocks.values()) {
    block.sort(
      (a, b) =>
        precisionRank(a.date) - precisionRank(b.date) ||
        byText(a.date ?? "", b.date ?? "") ||
        byText(a.doc, b.doc) ||
        a.start - b.start,
    );
    // Drafts by the year of their first (most precise) report: a report can
    // only fit drafts of its own year, or the next or last one for full dates
    // around New Year, so each report looks at few drafts.
    const byYear = new Map<number, Draft[]>();
    // Nothing tells two undated reports in different articles apart from two
    // different acts ("Iran accused Azerbaijan..." recurs for years), so
    // undated reports merge only with undated ones of the same article.
    const undated = new Map<string, Draft>();
    const drafts: Draft[] = [];
    for (const event of block) {
      const { date } = event;
      if (date === null) {
        const draft = undated.get(event.doc);
        if (draft) draft.events.push(event);
        else {
          const created = { events: [event], dates: new Set<IsoDate>() };
          undated.set(event.doc, created);
          drafts.push(created);
        }
        continue;
      }
      const year = Number(date.slice(0, 4));
      let chosen: Draft | undefined;
      for (const draft of [year - 1, year, year + 1].flatMap((y) => byYear.get(y) ?? [])) {
        if (!fits(draft, date, maxDays)) continue;
        if (
          chosen === undefined ||
          draft.events.length > chosen.events.length ||
          (draft.events.length === chosen.events.length && distance(draft, date) < distance(chosen, date))
        ) {
          chosen = draft;
        }
      }
      if (chosen) {
        chosen.events.push(event);
        chosen.dates.add(date);
      } else {
        const draft = { events: [event], dates: new Set([date]) };
        drafts.push(draft);
        const list = byYear.get(year);
        if (list) list.push(draft);
        else byYear.set(year, [draft]);
      }
    }
    for (const draft of drafts) clusters.push(buildCluster(draft.events, sources));
  }
  return clusters.sort((a, b) => byText(a.date ?? "9999", b.date ?? "9999") || byText(a.id, b.id));
}

function distance(draft: Draft, date: IsoDate): number {
  const anchor = draft.events[0]?.date;
  return anchor ? Math.abs(midpoint(anchor) - midpoint(date)) : Infinity;
}

function buildCluster(events: readonly EventRecord[], sources: SourceIndex): EventCluster {
  const [head] = events;
  if (!head) throw new TriangulateError("invalid_input", "an event cluster without reports");
  const dates = events.map((event) => event.date).filter((date): date is IsoDate => date !== null);
  const sharpest = Math.min(...dates.map(precisionRank));
  const date =
    mostCommon(
      dates.filter((d) => precisionRank(d) === sharpest),
      byText,
    ) ?? null;
  // The code most reports give; on a tie the more specific, then the lower.
  const cameo =
    mostCommon(
      events.map((event) => event.cameo),
      (a, b) => b.length - a.length || byText(a, b),
    ) ?? head.cameo;
  const coded = events.find((event) => event.cameo === cameo) ?? head;
  const reports = events
    .map((event): EventReport => ({
      event: event.id,
      doc: event.doc,
      quote: event.quote,
      start: event.start,
      end: event.end,
      outlet: sources.outletOf(event.doc),
      published: sources.publishedOf(event.doc),
    }))
    .sort(
      (a, b) =>
        byText(a.published ?? "9999", b.published ?? "9999") || byText(a.doc, b.doc) || a.start - b.start,
    );
  const nonNull = <T>(values: readonly (T | null)[]): T[] => values.filter((v): v is T => v !== null);
  return {
    id: `ec-${events.map((event) => event.id).sort(byText)[0] ?? coded.id}`,
    date,
    source:
      mostCommon(
        events.map((event) => event.source),
        byText,
      ) ?? head.source,
    target: mostCommon(nonNull(events.map((event) => event.target)), byText) ?? null,
    sourceCountry: mostCommon(nonNull(events.map((event) => event.sourceCountry)), byText) ?? null,
    targetCountry: mostCommon(nonNull(events.map((event) => event.targetCountry)), byText) ?? null,
    location: mostCommon(nonNull(events.map((event) => event.location)), byText) ?? null,
    cameo,
    root: coded.root,
    goldstein: coded.goldstein,
    sources: sources.count(events.map((event) => event.doc)),
    reports,
  };
}
