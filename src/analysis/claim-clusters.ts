import type { ClusterCorrections } from "../core/corrections.ts";
import { NO_CLUSTER_CORRECTIONS } from "../core/corrections.ts";
import { regroup } from "./cluster-corrections.ts";
import { TriangulateError } from "../core/errors.ts";
import type { ClaimRecord, CountryCode } from "../core/records.ts";
import { allAgree, figuresAgree } from "./figures.ts";
import { metricParties, partiesCompatible } from "./metric-parties.ts";
import { metricWeight, metricStems, properNouns } from "./metric-words.ts";
import { daySpan, periodDays } from "../core/calendar.ts";
import { findDisagreement, summariseFigures } from "./disagreement.ts";
import type { SourceIndex } from "./sources.ts";
import type { ClaimCluster, ClaimStatus, ClusteredClaim } from "./types.ts";

export interface ClaimClusterOptions {
  /** Weighted overlap of metric words from which two claims measure the same quantity. */
  readonly similarity?: number;
  /** Extra overlap needed when one claim names states and the other names none. */
  readonly subjectlessPenalty?: number;
  /**
   * How far back before its publication a figure without a stated period
   * may refer to, in days (an article of June 2023 reports the trade of
   * 2022). Figures published further apart than that measure different times.
   */
  readonly unstatedPeriodDays?: number;
}

const DEFAULTS: Required<ClaimClusterOptions> = {
  similarity: 0.5,
  subjectlessPenalty: 0.25,
  unstatedPeriodDays: 548,
};

interface Prepared {
  readonly index: number;
  readonly claim: ClaimRecord;
  /** The claim and its copies in other documents (`copiesOf`): they link as one. */
  readonly copies: readonly ClaimRecord[];
  readonly stems: readonly string[];
  /** Their weights (`metricWeight`), and their sum. */
  readonly weights: readonly number[];
  readonly weight: number;
  /** The stems as numbers, sorted, and their weights in that order: for `similarityOf`. */
  readonly ids: Int32Array;
  readonly idWeights: Float64Array;
  /** Whether every stem is a generic word of flow ("imports", "needs"). */
  readonly genericOnly: boolean;
  /** The parties its label names (`metricParties`). */
  readonly parties: readonly string[];
  /** Its document, numbered: compared in the hot loop, where numbers are cheaper than ids. */
  readonly doc: number;
  /**
   * The days the figure refers to, `from` to `to` (day numbers): its stated
   * period, else a window before publication; `timed` false when unknown.
   */
  readonly timed: boolean;
  readonly from: number;
  readonly to: number;
  readonly stated: boolean;
  /** Whether the stated period is one day, or one month (a single date of that precision, not a range). */
  readonly day: boolean;
  readonly month: boolean;
  /** Whether the stated period is a statistic of several years (longer than two unstated windows). */
  readonly multiYear: boolean;
}

/** What preparing claims shares: numbers given to documents and stems so far, names, dates. */
interface Context {
  readonly docs: Map<string, number>;
  readonly stemIds: Map<string, number>;
  readonly names: ReadonlySet<string>;
  readonly sources: SourceIndex;
  readonly unstatedDays: number;
}

function prepare(copies: readonly ClaimRecord[], index: number, context: Context): Prepared {
  const [claim] = copies;
  if (!claim) throw new TriangulateError("invalid_input", "a claim without its record");
  const { docs, stemIds, names, unstatedDays } = context;
  const published = context.sources.publishedOf(claim.doc);
  let doc = docs.get(claim.doc);
  if (doc === undefined) docs.set(claim.doc, (doc = docs.size));
  const stems = metricStems(claim.metric, names);
  const weights = stems.map(metricWeight);
  const single = claim.period !== null && !claim.period.includes("/");
  const span: readonly [number, number] | null =
    claim.period !== null
      ? periodDays(claim.period)
      : published === null
        ? null
        : [daySpan(published)[0] - unstatedDays, daySpan(published)[1]];
  return {
    index,
    claim,
    copies,
    stems,
    parties: metricParties(claim.metric, names),
    ...numbered(stems, weights, stemIds),
    weights,
    weight: weights.reduce((sum, w) => sum + w, 0),
    genericOnly: stems.length > 0 && weights.every((w) => w < 1),
    doc,
    timed: span !== null,
    from: span?.[0] ?? 0,
    to: span?.[1] ?? 0,
    stated: claim.period !== null,
    day: single && claim.period.length === 10,
    month: single && claim.period.length === 7,
    multiYear: claim.period !== null && span !== null && span[1] - span[0] > 2 * unstatedDays,
  };
}

/** The stems as numbers (`ids` numbers each new one), sorted, with their weights in the same order. */
function numbered(
  stems: readonly string[],
  weights: readonly number[],
  ids: Map<string, number>,
): { ids: Int32Array; idWeights: Float64Array } {
  const order = stems.map((stem, i) => {
    let id = ids.get(stem);
    if (id === undefined) ids.set(stem, (id = ids.size));
    return { id, weight: weights[i] ?? 0 };
  });
  order.sort((x, y) => x.id - y.id);
  return {
    ids: Int32Array.from(order, (entry) => entry.id),
    idWeights: Float64Array.from(order, (entry) => entry.weight),
  };
}

/**
 * `metricSimilarity` over prepared claims: a merge of two sorted lists of
 * stem numbers, without recomputing weights, in the hot loop.
 */
function similarityOf(a: Prepared, b: Prepared): number {
  const lighter = Math.min(a.weight, b.weight);
  if (lighter <= 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      shared += a.idWeights[i] ?? 0;
      i++;
      j++;
    }
  }
  return shared / lighter;
}

/**
 * Whether two figures can refer to the same time:
 * - two stated periods must cover the same days (2024 and 2024-01/2024-12
 *   do), except that a single day fits the month that holds it (one outlet
 *   dates an expulsion "April 6, 2023", another "April 2023");
 * - a stated period and a figure without one: the period must lie mostly
 *   (at least half of the shorter of the two) within the window before the
 *   other's publication, so that an article of June 2023 that gives no year
 *   may be citing 2022, but not 2021, of which only December is in reach;
 *   or the period is a statistic of several years the other may cite
 *   (`citesStatistic`);
 * - two figures without a period: their windows overlap;
 * - with no date at all, anything.
 */
function periodsCompatible(a: Prepared, b: Prepared): boolean {
  if (!a.timed || !b.timed) return true;
  if (a.stated && b.stated) {
    if (a.from === b.from && a.to === b.to) return true;
    if (a.day && b.month) return b.from <= a.from && a.to <= b.to;
    if (b.day && a.month) return a.from <= b.from && b.to <= a.to;
    return false;
  }
  if (citesStatistic(a, b) || citesStatistic(b, a)) return true;
  const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from) + 1;
  if (overlap <= 0) return false;
  if (!a.stated && !b.stated) return true;
  return overlap * 2 >= Math.min(a.to - a.from, b.to - b.from) + 1;
}

/**
 * Whether `unstated`, a figure without a period, may cite `stated`, a
 * statistic of several years ("69 % of its arms imports in 2016–2020"):
 * articles go on quoting such a figure without its years after the span
 * ends, for about as long again as it ran (until the next window replaces it).
 */
function citesStatistic(unstated: Prepared, stated: Prepared): boolean {
  if (unstated.stated || !stated.multiYear) return false;
  const published = unstated.to;
  return published > stated.to && published - stated.to <= stated.to - stated.from;
}

/**
 * Whether two claims can measure one quantity: one unit, not one sentence
 * (two figures in one sentence are two quantities), compatible times,
 * parties that do not contradict (`partiesCompatible`), states of one
 * relation (`pairsCompatible`), and, from one
 * document, figures that agree: an article that gives two figures that
 * cannot both be right gives two quantities (Israel's and Russia's share of
 * one country's imports) rather than contradicting itself.
 */
function compatible(a: Prepared, b: Prepared): boolean {
  if (a.claim.unit !== b.claim.unit) return false;
  if (a.doc === b.doc) {
    if (a.claim.start === b.claim.start || !figuresAgree(a.claim, b.claim)) return false;
  }
  return (
    periodsCompatible(a, b) &&
    partiesCompatible(a.parties, b.parties) &&
    pairsCompatible(a.claim.subjects, b.claim.subjects)
  );
}

/**
 * Whether two figures' states can be one quantity's: a figure about two or
 * more states is about their relation, so another pair is another quantity
 * (Israel's and Russia's shares of Azerbaijan's arms imports), unless one
 * set holds the other (a third state named beside the pair).
 */
function pairsCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2) return true;
  return a.every((s) => b.includes(s)) || b.every((s) => a.includes(s));
}

/** Days between the middles of two claims' spans; unknown times come last. */
function timeDistance(a: Prepared, b: Prepared): number {
  if (!a.timed || !b.timed) return Infinity;
  return Math.abs(a.from + a.to - b.from - b.to) / 2;
}

function compareClaims(a: ClusteredClaim, b: ClusteredClaim): number {
  // Oldest publication first; undated documents last.
  const pa = a.published ?? "9999";
  const pb = b.published ?? "9999";
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  return a.start - b.start;
}

/**
 * Groups claims about the same quantity across documents. Two claims are
 * linked when they have the same unit, share a subject state (or one names
 * none), refer to compatible times (`periodsCompatible`: a figure without a
 * period is taken to be about the 18 months before its publication, so that
 * "about 25 %" in 2016 and "about 40 %" in 2023 are two figures, not a
 * conflict), name no contradicting parties ("Iranian diplomats" and
 * "Azerbaijani diplomats" are two quantities), do not come from one sentence
 * nor disagree within one document, and their metric labels overlap enough
 * (`metricSimilarity`: names, function and measure words left out, generic
 * words of flow weighing little).
 *
 * Clusters form by complete linkage: every two claims of a cluster are
 * linked, so a figure that fits two others cannot chain them (a figure
 * without a period between one of 2021 and one of 2023). Links are taken
 * closest first (most similar labels, then nearest in time), and two groups
 * join only when all their claims are linked across.
 *
 * A cluster `conflict`s when its figures cannot all be right (see
 * `figuresAgree` for the tolerances), else it is `single` with one
 * independent source and `agree` with more.
 */
export function clusterClaims(
  claims: readonly ClaimRecord[],
  sources: SourceIndex,
  options: ClaimClusterOptions = {},
  corrections: ClusterCorrections = NO_CLUSTER_CORRECTIONS,
): ClaimCluster[] {
  const { similarity, subjectlessPenalty, unstatedPeriodDays } = { ...DEFAULTS, ...options };
  const context: Context = {
    docs: new Map(),
    stemIds: new Map(),
    names: properNouns(claims.map((claim) => claim.metric)),
    sources,
    unstatedDays: unstatedPeriodDays,
  };
  const prepared: Prepared[] = [];
  for (const copies of copiesOf(claims, sources)) {
    const head = prepare(copies, prepared.length, context);
    if (copies.length === 1 || linksToItself(head, similarity)) prepared.push(head);
    else for (const copy of copies) prepared.push(prepare([copy], prepared.length, context));
  }

  // Spans longer than two windows of an unstated period (five-year
  // periods) are few: every claim meets them rather than widening the
  // window searched for all.
  const links = findLinks(prepared, similarity, subjectlessPenalty, 2 * unstatedPeriodDays);
  const times = completeLinkage(prepared.length, links).map((group) =>
    group.flatMap((index) => prepared[index] ?? []),
  );
  const quantities = correctedQuantities(joinAcrossTime(times, similarity, subjectlessPenalty), corrections);
  const clusters = quantities.map((quantity) => buildCluster(quantity, sources));
  return clusters.sort(
    (x, y) => y.sources - x.sources || y.claims.length - x.claims.length || (x.id < y.id ? -1 : 1),
  );
}

/**
 * Claims grouped with their copies: the same figure (unit, value, metric
 * label, states, and period or, without one, publication date) in other
 * documents that give the same other figures of that unit, such as a wire
 * story's figures in its reprints. Copies link to every other claim alike
 * and to one another, so they are compared once, as one: hundreds of
 * reprints would otherwise make hundreds squared pairs. The other figures
 * of the document belong to the key because the checks within one
 * document (`compatible`) compare a claim with them; each group's first
 * claim (by document, then position) comes from the same document as the
 * first claims of those figures' groups, so those checks are made as
 * between any two copies.
 */
function copiesOf(claims: readonly ClaimRecord[], sources: SourceIndex): ClaimRecord[][] {
  const figureKey = (claim: ClaimRecord): string =>
    [
      claim.unit,
      claim.value,
      claim.valueMax ?? "",
      claim.qualifier,
      claim.metric,
      claim.subjects.join(" "),
      claim.period ?? `published ${sources.publishedOf(claim.doc) ?? "unknown"}`,
    ].join("\u0001");
  const keys = claims.map(figureKey);
  const byDocUnit = new Map<string, number[]>();
  claims.forEach((claim, i) => {
    const docUnit = `${claim.doc}\u0000${claim.unit}`;
    const list = byDocUnit.get(docUnit);
    if (list) list.push(i);
    else byDocUnit.set(docUnit, [i]);
  });
  const groups = new Map<string, ClaimRecord[]>();
  for (const indices of byDocUnit.values()) {
    const figures = indices.map((i) => keys[i] ?? "").sort();
    // Two figures of one sentence are two quantities (`compatible`): a second
    // one at the same place goes to a group of its own.
    const places = new Map<string, number>();
    for (const i of indices) {
      const claim = claims[i];
      if (!claim) continue;
      const place = `${claim.start}\u0000${keys[i] ?? ""}`;
      const repeat = places.get(place) ?? 0;
      places.set(place, repeat + 1);
      const key = `${keys[i] ?? ""}\u0000${figures.join("\u0002")}\u0000${repeat}`;
      const group = groups.get(key);
      if (group) group.push(claim);
      else groups.set(key, [claim]);
    }
  }
  return [...groups.values()].map((group) =>
    group.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start)),
  );
}

/** Whether copies of a claim link to one another (as `compatible` and `findLinks` would find). */
function linksToItself(item: Prepared, similarity: number): boolean {
  return (
    periodsCompatible(item, item) &&
    partiesCompatible(item.parties, item.parties) &&
    similarityOf(item, item) >= similarity
  );
}

/** The linked pairs: each claim's linked partners, sorted, and every pair once in the order to join them. */
interface Links {
  /** Claim i's partners are `neighbours[offsets[i]]` up to `neighbours[offsets[i + 1]]`, sorted. */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  /** Pairs as `[a, b, a, b, ...]`, closest first. */
  readonly pairs: Int32Array;
}

/**
 * One list of candidates (one unit, word and subject), split by time so that
 * a claim meets only those whose days can overlap its own: pairs that
 * cannot are never compatible (`periodsCompatible`).
 */
interface Bucket {
  /** Claims of unknown time or of a long span: every claim meets them. */
  readonly anytime: Prepared[];
  /** The others, sorted by their first day once all are in. */
  readonly timed: Prepared[];
  /** The longest span among `timed`, in days. */
  longest: number;
}

/** The first position in `timed` (sorted by first day) whose first day is `day` or later. */
function firstFrom(timed: readonly Prepared[], day: number): number {
  let lo = 0;
  let hi = timed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((timed[mid]?.from ?? Infinity) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Calls `meet` with each claim of `bucket` whose time can overlap `a`'s. */
function forEachCandidate(bucket: Bucket, a: Prepared, long: number, meet: (b: Prepared) => void): void {
  for (const b of bucket.anytime) meet(b);
  const { timed } = bucket;
  if (!a.timed || a.to - a.from > long) {
    for (const b of timed) meet(b);
    return;
  }
  for (let j = firstFrom(timed, a.from - bucket.longest); j < timed.length; j++) {
    const b = timed[j];
    if (!b || b.from > a.to) break;
    if (b.to >= a.from) meet(b);
  }
}

/**
 * Every linked pair. Candidates share a unit, a subject state and a word of
 * their metric: an index by all three keeps the pairwise checks to claims
 * that could match, and within it an index by time to those whose days
 * overlap. Claims about no state sit under "*" and meet every list of their
 * unit and word. Generic words of flow ("imports") make candidates only for
 * labels made of nothing else: two labels with words of their own that
 * share only such words stay below the threshold (0.25 of at least 1.25).
 * Each pair is looked at once, however many words and subjects it shares.
 */
function findLinks(
  prepared: readonly Prepared[],
  similarity: number,
  subjectlessPenalty: number,
  long: number,
): Links {
  const blocks = new Map<string, Map<string, Bucket>>();
  const genericKeys = new Set<string>();
  for (const item of prepared) {
    const isLong = !item.timed || item.to - item.from > long;
    item.stems.forEach((stem, i) => {
      const key = `${item.claim.unit}\u0000${stem}`;
      let bySubject = blocks.get(key);
      if (!bySubject) blocks.set(key, (bySubject = new Map<string, Bucket>()));
      for (const subject of item.claim.subjects.length > 0 ? item.claim.subjects : ["*"]) {
        let bucket = bySubject.get(subject);
        if (!bucket) bySubject.set(subject, (bucket = { anytime: [], timed: [], longest: 0 }));
        if (isLong) bucket.anytime.push(item);
        else {
          bucket.timed.push(item);
          bucket.longest = Math.max(bucket.longest, item.to - item.from);
        }
      }
      if ((item.weights[i] ?? 1) < 1) genericKeys.add(key);
    });
  }
  for (const bySubject of blocks.values())
    for (const bucket of bySubject.values())
      bucket.timed.sort((x, y) => x.from - y.from || x.index - y.index);

  const n = prepared.length;
  const seen = new Int32Array(n).fill(-1);
  // Per link: its claims, and a sort key packing (1 - similarity) in 1/1024
  // steps, the days between the two (capped at 2^16) and the link's number
  // (below 2^27), so that one numeric sort orders them: most similar
  // labels first, then nearest in time, then the order they were found.
  const ends: number[] = [];
  const keys: number[] = [];
  for (const a of prepared) {
    let onlyGenericPartners = false;
    // Each pair once: from the claim that comes first.
    const meet = (b: Prepared): void => {
      if (b.index <= a.index || seen[b.index] === a.index) return;
      if (onlyGenericPartners && !b.genericOnly) return;
      seen[b.index] = a.index;
      if (!compatible(a, b)) return;
      const oneWithout = (a.claim.subjects.length === 0) !== (b.claim.subjects.length === 0);
      const score = similarityOf(a, b);
      if (score < similarity + (oneWithout ? subjectlessPenalty : 0)) return;
      const days = Math.min(Math.round(timeDistance(a, b)), 2 ** 16 - 1);
      const closeness = Math.round((1 - Math.min(score, 1)) * 1023) * 2 ** 16 + days;
      keys.push(closeness * 2 ** 27 + ends.length / 2);
      ends.push(a.index, b.index);
    };
    for (const stem of a.stems) {
      const key = `${a.claim.unit}\u0000${stem}`;
      const bySubject = blocks.get(key);
      if (!bySubject) continue;
      // Under a generic word, only pairs with a generic-only label.
      onlyGenericPartners = genericKeys.has(key) && !a.genericOnly;
      const buckets =
        a.claim.subjects.length === 0
          ? [...bySubject.values()]
          : [...a.claim.subjects.map((subject) => bySubject.get(subject)), bySubject.get("*")];
      for (const bucket of buckets) if (bucket) forEachCandidate(bucket, a, long, meet);
    }
  }
  return linksOf(n, ends, keys);
}

/**
 * The links of `n` items from their pairs (`ends`, two a link) and sort keys
 * (`keys`, one a link: smaller is closer, the link's number in the low 27 bits).
 */
function linksOf(n: number, ends: readonly number[], keys: readonly number[]): Links {
  const order = Float64Array.from(keys).sort();
  const pairs = new Int32Array(ends.length);
  order.forEach((key, i) => {
    const link = key % 2 ** 27;
    pairs[2 * i] = ends[2 * link] ?? 0;
    pairs[2 * i + 1] = ends[2 * link + 1] ?? 0;
  });
  // Partners in one array (a list per claim would be a hundred thousand small arrays).
  const offsets = new Int32Array(n + 1);
  for (const end of ends) offsets[end + 1] = (offsets[end + 1] ?? 0) + 1;
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
  const neighbours = new Int32Array(ends.length);
  const filled = offsets.slice(0, n);
  for (let i = 0; i < ends.length; i += 2) {
    const a = ends[i] ?? 0;
    const b = ends[i + 1] ?? 0;
    const atA = filled[a] ?? 0;
    const atB = filled[b] ?? 0;
    neighbours[atA] = b;
    neighbours[atB] = a;
    filled[a] = atA + 1;
    filled[b] = atB + 1;
  }
  for (let i = 0; i < n; i++) neighbours.subarray(offsets[i], offsets[i + 1]).sort();
  return { offsets, neighbours, pairs };
}

function isLinked({ offsets, neighbours }: Links, a: number, b: number): boolean {
  let lo = offsets[a] ?? 0;
  let hi = offsets[a + 1] ?? 0;
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((neighbours[mid] ?? 0) < b) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && neighbours[lo] === b;
}

/**
 * Complete linkage, greedily: links are taken closest first, and two groups
 * join only when every claim of one is linked to every claim of the other.
 * Two groups that cannot join never can later (groups only grow), so each
 * such pair is checked once.
 */
function completeLinkage(n: number, links: Links): number[][] {
  const groupOf = Int32Array.from({ length: n }, (_, i) => i);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const blocked = new Set<number>();
  const { pairs } = links;
  for (let i = 0; i < pairs.length; i += 2) {
    const left = groupOf[pairs[i] ?? 0] ?? 0;
    const right = groupOf[pairs[i + 1] ?? 0] ?? 0;
    if (left === right) continue;
    const pairKey = Math.min(left, right) * n + Math.max(left, right);
    if (blocked.has(pairKey)) continue;
    const a = members[left] ?? [];
    const b = members[right] ?? [];
    if (!a.every((x) => b.every((y) => isLinked(links, x, y)))) {
      blocked.add(pairKey);
      continue;
    }
    const [kept, moved, from] = a.length >= b.length ? [a, b, right] : [b, a, left];
    const to = from === right ? left : right;
    for (const index of moved) {
      kept.push(index);
      groupOf[index] = to;
    }
    members[from] = [];
  }
  return members.filter((group) => group.length > 0);
}

/** A group of figures about one quantity at one time, as `joinAcrossTime` compares it. */
interface TimeGroup {
  readonly members: readonly Prepared[];
  /** Its most representative label's claim: the one compared with other groups'. */
  readonly head: Prepared;
  readonly subjects: readonly string[];
  /** Its members by document, for the checks within one document. */
  readonly byDoc: ReadonlyMap<number, readonly Prepared[]>;
  /** The middle of its days (day number), or null when none of its figures is dated. */
  readonly day: number | null;
}

function timeGroupOf(members: readonly Prepared[]): TimeGroup {
  const byDoc = new Map<number, Prepared[]>();
  for (const member of members) byDoc.set(member.doc, [...(byDoc.get(member.doc) ?? []), member]);
  const dated = members.filter((member) => member.timed);
  const day =
    dated.length === 0
      ? null
      : (Math.min(...dated.map((m) => m.from)) + Math.max(...dated.map((m) => m.to))) / 2;
  return {
    members,
    head: representative(members),
    subjects: majoritySubjects(members.flatMap((member) => member.copies)),
    byDoc,
    day,
  };
}

/**
 * Whether two figures of one document can be one quantity at two times:
 * they must be in different sentences, and either agree or state two
 * different periods ("60 % in 2015–2019 ... 69 % in 2016–2020"); two
 * figures of one article that disagree without such periods are two
 * quantities (Israel's and Russia's shares).
 */
function sameDocumentAcrossTime(a: Prepared, b: Prepared): boolean {
  if (a.claim.start === b.claim.start) return false;
  if (figuresAgree(a.claim, b.claim)) return true;
  return a.stated && b.stated && (a.from !== b.from || a.to !== b.to);
}

/** Whether two time groups can be one quantity (`joinAcrossTime`). */
function groupsLink(
  a: TimeGroup,
  b: TimeGroup,
  similarity: number,
  subjectlessPenalty: number,
): number | null {
  if (a.head.claim.unit !== b.head.claim.unit) return null;
  if (!partiesCompatible(a.head.parties, b.head.parties) || !pairsCompatible(a.subjects, b.subjects))
    return null;
  const oneWithout = (a.subjects.length === 0) !== (b.subjects.length === 0);
  const score = similarityOf(a.head, b.head);
  if (score < similarity + (oneWithout ? subjectlessPenalty : 0)) return null;
  const [fewer, more] = a.byDoc.size <= b.byDoc.size ? [a, b] : [b, a];
  for (const [doc, ours] of fewer.byDoc) {
    const theirs = more.byDoc.get(doc);
    if (theirs && !ours.every((x) => theirs.every((y) => sameDocumentAcrossTime(x, y)))) return null;
  }
  return score;
}

/**
 * The second pass: groups of figures about one quantity at one time (the
 * first pass, `completeLinkage` over `findLinks`) joined across time into
 * one quantity, so that "about 25 % of Israel's oil" in 2016 and "about
 * 40 %" in 2023 stand side by side as a disagreement that time may explain
 * (`findDisagreement`) rather than as two unrelated figures. Groups are
 * compared by their representative labels and majority states under the
 * same rules as claims, except time; complete linkage again, closest labels
 * first, then nearest in time.
 */
/**
 * Quantities as the analysts corrected them (`regroup`): a figure split out
 * stands alone, merged figures' quantities are one; each figure keeps the
 * time group it was in, so that a merged quantity still tells its times apart.
 */
function correctedQuantities(
  quantities: (readonly Prepared[])[][],
  corrections: ClusterCorrections,
): (readonly Prepared[])[][] {
  if (corrections.split.length === 0 && corrections.merged.length === 0) return quantities;
  const items = quantities.map((times) => times.flatMap((time) => time.map((member) => ({ member, time }))));
  return regroup(items, (item) => item.member.copies.map((copy) => copy.id), corrections).map((group) => {
    const byTime = new Map<readonly Prepared[], Prepared[]>();
    for (const { member, time } of group) byTime.set(time, [...(byTime.get(time) ?? []), member]);
    return [...byTime.values()];
  });
}

function joinAcrossTime(
  times: readonly (readonly Prepared[])[],
  similarity: number,
  subjectlessPenalty: number,
): (readonly Prepared[])[][] {
  const groups = times.map(timeGroupOf);
  // Candidates share a unit, a word and a state (as in `findLinks`).
  const buckets = new Map<string, Map<string, number[]>>();
  groups.forEach((group, index) => {
    const { head } = group;
    head.stems.forEach((stem, i) => {
      if ((head.weights[i] ?? 1) < 1 && !head.genericOnly) return;
      const key = `${head.claim.unit}\u0000${stem}`;
      let bySubject = buckets.get(key);
      if (!bySubject) buckets.set(key, (bySubject = new Map<string, number[]>()));
      for (const subject of group.subjects.length > 0 ? group.subjects : ["*"])
        bySubject.set(subject, [...(bySubject.get(subject) ?? []), index]);
    });
  });
  const seen = new Set<number>();
  const ends: number[] = [];
  const keys: number[] = [];
  const n = groups.length;
  const meet = (x: number, y: number): void => {
    const [i, j] = x < y ? [x, y] : [y, x];
    if (i === j || seen.has(i * n + j)) return;
    seen.add(i * n + j);
    const a = groups[i];
    const b = groups[j];
    if (!a || !b) return;
    const score = groupsLink(a, b, similarity, subjectlessPenalty);
    if (score === null) return;
    const days =
      a.day === null || b.day === null
        ? 2 ** 16 - 1
        : Math.min(Math.round(Math.abs(a.day - b.day)), 2 ** 16 - 1);
    const closeness = Math.round((1 - Math.min(score, 1)) * 1023) * 2 ** 16 + days;
    keys.push(closeness * 2 ** 27 + ends.length / 2);
    ends.push(i, j);
  };
  for (const bySubject of buckets.values()) {
    // Groups about no state meet every group of their unit and word.
    const anyState = bySubject.get("*") ?? [];
    for (const [subject, members] of bySubject) {
      for (let x = 0; x < members.length; x++) {
        const i = members[x] ?? 0;
        for (let y = x + 1; y < members.length; y++) meet(i, members[y] ?? 0);
        if (subject !== "*") for (const j of anyState) meet(i, j);
      }
    }
  }
  return completeLinkage(n, linksOf(n, ends, keys)).map((quantity) =>
    quantity.flatMap((index) => (groups[index] ? [groups[index].members] : [])),
  );
}

function buildCluster(times: readonly (readonly Prepared[])[], sources: SourceIndex): ClaimCluster {
  const members = times.flat();
  const timed = times.flatMap((group, time) =>
    group.flatMap((member) => member.copies.map((claim) => ({ claim, time }))),
  );
  const records = timed.map((entry) => entry.claim);
  const ordered = timed
    .map(({ claim, time }): { clustered: ClusteredClaim; time: number } => ({
      clustered: {
        doc: claim.doc,
        value: claim.value,
        valueMax: claim.valueMax,
        qualifier: claim.qualifier,
        period: claim.period,
        quote: claim.quote,
        start: claim.start,
        end: claim.end,
        outlet: sources.outletOf(claim.doc),
        published: sources.publishedOf(claim.doc),
      },
      time,
    }))
    .sort((x, y) => compareClaims(x.clustered, y.clustered));
  const claims = ordered.map((entry) => entry.clustered);
  const sourceCount = sources.count(records.map((claim) => claim.doc));
  const status: ClaimStatus = !allAgree(records) ? "conflict" : sourceCount > 1 ? "agree" : "single";
  const [first] = records;
  if (!first) throw new TriangulateError("invalid_input", "a claim cluster without claims");
  const related = {
    claims,
    unit: first.unit,
    status,
    sources: sourceCount,
    timeGroups: ordered.map((entry) => entry.time),
  };
  const disagreement = findDisagreement(related);
  return {
    id: `cc-${records.map((claim) => claim.id).sort()[0] ?? first.id}`,
    metric: representative(members).claim.metric,
    unit: first.unit,
    subjects: majoritySubjects(records),
    status,
    sources: sourceCount,
    claims,
    disagreement,
    summary: summariseFigures(related, disagreement),
  };
}

/**
 * The label most like the others: the one whose words the other labels
 * share most (each word's weight times the other labels holding it); on a
 * tie the one that says more (greater own weight), then the shorter one.
 * Linear in the cluster's size, where comparing every pair would not be.
 */
function representative(members: readonly Prepared[]): Prepared {
  const holders = new Map<string, number>();
  for (const member of members)
    for (const stem of member.stems) holders.set(stem, (holders.get(stem) ?? 0) + member.copies.length);
  let best: { member: Prepared; score: number } | undefined;
  for (const member of members) {
    let score = 0;
    member.stems.forEach((stem, i) => {
      score += (member.weights[i] ?? 0) * ((holders.get(stem) ?? 1) - 1);
    });
    const better =
      best === undefined ||
      score > best.score ||
      (score === best.score &&
        (member.weight > best.member.weight ||
          (member.weight === best.member.weight &&
            member.claim.metric.length < best.member.claim.metric.length)));
    if (better) best = { member, score };
  }
  if (!best) throw new TriangulateError("invalid_input", "a claim cluster without claims");
  return best.member;
}

/** The states named by at least half of the claims, sorted. */
function majoritySubjects(claims: readonly ClaimRecord[]): CountryCode[] {
  const counts = new Map<CountryCode, number>();
  for (const claim of claims) {
    for (const code of new Set(claim.subjects)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count * 2 >= claims.length)
    .map(([code]) => code)
    .sort();
}
