import { TriangulateError } from "../core/errors.ts";
import { EPISODE_THRESHOLDS } from "../core/goldstein.ts";
import type { DyadicEvent } from "./dyads.ts";
import { dyadicEvents, dyadSeries } from "./dyads.ts";
import type { Interval } from "../core/calendar.ts";
import { periodOf } from "../core/calendar.ts";
import type { DyadRow, Episode, EpisodeEvent, EpisodePhase, EventCluster } from "./types.ts";

export interface EpisodeOptions {
  /** The periods the dyad is followed in. */
  readonly interval?: Interval;
  /** The mean Goldstein value at or below which the trough counts as a sharp turn to conflict. */
  readonly conflict?: number;
  /** The mean Goldstein value from which a later period counts as repair. */
  readonly recovery?: number;
}

/** Monthly periods and the kernel's thresholds (`EPISODE_THRESHOLDS`, which the browser states too). */
const DEFAULTS: Required<EpisodeOptions> = { interval: "month", ...EPISODE_THRESHOLDS };

/**
 * Episodes of "provocation, near-rupture, repair": in each (undirected)
 * dyad's series, a run of periods that starts with a negative mean, sinks
 * to a trough at or below `conflict`, and ends at the first later period
 * whose mean reaches `recovery`. Periods between (neutral or negative) stay
 * in the run; periods without events are not looked at, so a rupture in
 * early 2023 and a visit in May 2024 make one episode. A run that has not
 * recovered is not an episode (yet). Each episode lists its events: those
 * before the trough as `provocation`, from the trough until the repair as
 * `rupture`, those of the repair period as `repair`.
 */
export function findEpisodes(clusters: readonly EventCluster[], options: EpisodeOptions = {}): Episode[] {
  const { interval, conflict, recovery } = { ...DEFAULTS, ...options };
  const byPair = new Map<string, DyadRow[]>();
  for (const row of dyadSeries(clusters, { interval })) {
    const key = `${row.a}|${row.b}`;
    const list = byPair.get(key);
    if (list) list.push(row);
    else byPair.set(key, [row]);
  }
  const eventsByPairPeriod = new Map<string, DyadicEvent[]>();
  for (const event of dyadicEvents(clusters)) {
    const period = periodOf(event.date, interval);
    if (period === null) continue;
    const key = `${event.a}|${event.b}|${period}`;
    const list = eventsByPairPeriod.get(key);
    if (list) list.push(event);
    else eventsByPairPeriod.set(key, [event]);
  }

  const episodes: Episode[] = [];
  for (const rows of byPair.values()) {
    // The open conflict run, and where its lowest period sits in it.
    let run: DyadRow[] = [];
    let troughIndex = 0;
    for (const row of rows) {
      if (run.length === 0) {
        if (row.goldsteinMean < 0) {
          run = [row];
          troughIndex = 0;
        }
        continue;
      }
      if (row.goldsteinMean >= recovery) {
        const trough = run[troughIndex];
        if (trough && trough.goldsteinMean <= conflict) {
          episodes.push(buildEpisode([...run, row], troughIndex, interval, eventsByPairPeriod));
        }
        run = [];
        continue;
      }
      run.push(row);
      if (row.goldsteinMean < (run[troughIndex]?.goldsteinMean ?? 0)) troughIndex = run.length - 1;
    }
  }
  return episodes.sort((x, y) => (x.start !== y.start ? (x.start < y.start ? -1 : 1) : x.id < y.id ? -1 : 1));
}

function buildEpisode(
  run: readonly DyadRow[],
  troughIndex: number,
  interval: Interval,
  eventsByPairPeriod: ReadonlyMap<string, readonly DyadicEvent[]>,
): Episode {
  const [first] = run;
  const trough = run[troughIndex];
  const last = run.at(-1);
  if (!first || !trough || !last) throw new TriangulateError("invalid_input", "an episode without periods");
  const events: EpisodeEvent[] = [];
  run.forEach((row, index) => {
    const phase: EpisodePhase =
      index < troughIndex ? "provocation" : index < run.length - 1 ? "rupture" : "repair";
    const inPeriod = eventsByPairPeriod.get(`${row.a}|${row.b}|${row.period}`) ?? [];
    for (const { cluster, date } of [...inPeriod].sort((x, y) =>
      x.date < y.date ? -1 : x.date > y.date ? 1 : 0,
    )) {
      events.push({
        id: cluster.id,
        date,
        sourceCountry: cluster.sourceCountry ?? first.a,
        targetCountry: cluster.targetCountry ?? first.b,
        cameo: cluster.cameo,
        goldstein: cluster.goldstein,
        phase,
        quote: cluster.reports[0]?.quote ?? "",
      });
    }
  });
  return {
    id: `ep-${first.a}-${first.b}-${first.period}`,
    a: first.a,
    b: first.b,
    interval,
    start: first.period,
    trough: trough.period,
    end: last.period,
    troughGoldstein: trough.goldsteinMean,
    repairGoldstein: last.goldsteinMean,
    events,
  };
}
