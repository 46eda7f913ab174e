import { TriangulateError } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import type { ClaimRecord, CountryCode } from "../core/records.ts";
import { figureInterval } from "./figures.ts";
import { metricWeight, metricStems, properNouns } from "./metric-words.ts";
import { daySpan, periodSpan } from "./periods.ts";
import type { SourceIndex } from "./sources.ts";
import type { ClaimCluster, ClaimStatus, ClusteredClaim } from "./types.ts";
import { createIndexUnionFind } from "./union-find.ts";

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
  readonly stems: readonly string[];
  /** The stems again, for membership tests, and their weights (`metricWeight`) with their sum. */
  readonly stemSet: ReadonlySet<string>;
  readonly weights: readonly number[];
  readonly weight: number;
  /** Whether every stem is a generic word of flow ("imports", "needs"). */
  readonly genericOnly: boolean;
  /** The days the figure refers to: its stated period, else a window before publication, else unknown. */
  readonly span: readonly [number, number] | null;
  readonly stated: boolean;
}

function prepare(
  claim: ClaimRecord,
  index: number,
  names: ReadonlySet<string>,
  published: IsoDate | null,
  unstatedDays: number,
): Prepared {
  const stems = metricStems(claim.metric, names);
  const weights = stems.map(metricWeight);
  return {
    index,
    claim,
    stems,
    stemSet: new Set(stems),
    weights,
    weight: weights.reduce((sum, w) => sum + w, 0),
    genericOnly: stems.length > 0 && weights.every((w) => w < 1),
    span:
      claim.period !== null
        ? periodSpan(claim.period)
        : published === null
          ? null
          : [daySpan(published)[0] - unstatedDays, daySpan(published)[1]],
    stated: claim.period !== null,
  };
}

/** `metricSimilarity` over prepared claims, without recomputing weights in the hot loop. */
function similarityOf(a: Prepared, b: Prepared): number {
  const lighter = Math.min(a.weight, b.weight);
  if (lighter <= 0) return 0;
  let shared = 0;
  a.stems.forEach((stem, i) => {
    if (b.stemSet.has(stem)) shared += a.weights[i] ?? 0;
  });
  return shared / lighter;
}

/**
 * Two stated periods must cover the same days (2024 and 2024-01/2024-12
 * do); a period left unsaid fits any time within its window before
 * publication; with no date at all, anything.
 */
function periodsCompatible(a: Prepared, b: Prepared): boolean {
  if (a.span === null || b.span === null) return true;
  if (a.stated && b.stated) return a.span[0] === b.span[0] && a.span[1] === b.span[1];
  // A figure without a period may be about any time in its window.
  return a.span[0] <= b.span[1] && b.span[0] <= a.span[1];
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
 * Whether figures can all be right at once. Open intervals on a line
 * overlap all together as soon as they overlap pairwise (Helly), so the
 * largest low end below the smallest high end decides.
 */
export function allAgree(figures: readonly Pick<ClaimRecord, "value" | "valueMax" | "qualifier">[]): boolean {
  let low = -Infinity;
  let high = Infinity;
  for (const figure of figures) {
    const [l, h] = figureInterval(figure);
    low = Math.max(low, l);
    high = Math.min(high, h);
  }
  return low < high;
}

/**
 * Groups claims about the same quantity across documents. Two claims are
 * linked when they have the same unit, share a subject state (or neither
 * names one), refer to compatible times (the same stated period; a figure
 * without one is taken to be about the 18 months before its publication,
 * so that "about 25 %" in 2016 and "about 40 %" in 2023 are two figures,
 * not a conflict), do not come
 * from the same sentence (two figures in one sentence are two quantities),
 * and their metric labels overlap enough (`metricSimilarity`: names,
 * function and measure words left out, generic words of flow weighing
 * little). Linked claims form clusters (single linkage).
 *
 * A cluster `conflict`s when its figures cannot all be right (see
 * `figuresAgree` for the tolerances), else it is `single` with one
 * independent source and `agree` with more.
 */
export function clusterClaims(
  claims: readonly ClaimRecord[],
  sources: SourceIndex,
  options: ClaimClusterOptions = {},
): ClaimCluster[] {
  const { similarity, subjectlessPenalty, unstatedPeriodDays } = { ...DEFAULTS, ...options };
  const names = properNouns(claims.map((claim) => claim.metric));
  const prepared = claims.map((claim, index) =>
    prepare(claim, index, names, sources.publishedOf(claim.doc), unstatedPeriodDays),
  );

  // Candidates share a unit, a subject state and a word of their metric: an
  // index by all three keeps the pairwise checks to claims that could match.
  // Claims about no state sit under "*" and meet every list of their unit
  // and word. Generic words of flow ("imports") make candidates only for
  // labels made of nothing else: two labels with words of their own that
  // share only such words stay below the threshold (0.25 of at least 1.25).
  const blocks = new Map<string, Map<string, Prepared[]>>();
  const genericKeys = new Set<string>();
  const add = (key: string, item: Prepared): void => {
    let bySubject = blocks.get(key);
    if (!bySubject) blocks.set(key, (bySubject = new Map<string, Prepared[]>()));
    for (const subject of item.claim.subjects.length > 0 ? item.claim.subjects : ["*"]) {
      const list = bySubject.get(subject);
      if (list) list.push(item);
      else bySubject.set(subject, [item]);
    }
  };
  for (const item of prepared) {
    item.stems.forEach((stem, i) => {
      const key = `${item.claim.unit}\u0000${stem}`;
      add(key, item);
      if ((item.weights[i] ?? 1) < 1) genericKeys.add(key);
    });
  }

  const union = createIndexUnionFind(prepared.length);
  const link = (a: Prepared, b: Prepared): void => {
    if (a === b) return;
    // Already in one cluster (through another word or subject): nothing to learn.
    if (union.find(a.index) === union.find(b.index)) return;
    if (a.claim.doc === b.claim.doc && a.claim.start === b.claim.start) return;
    if (!periodsCompatible(a, b)) return;
    const oneWithout = (a.claim.subjects.length === 0) !== (b.claim.subjects.length === 0);
    const needed = similarity + (oneWithout ? subjectlessPenalty : 0);
    if (similarityOf(a, b) >= needed) union.join(a.index, b.index);
  };
  const pairUp = (
    bySubject: ReadonlyMap<string, readonly Prepared[]>,
    only?: (item: Prepared) => boolean,
  ): void => {
    const subjectless = bySubject.get("*") ?? [];
    for (const [subject, list] of bySubject) {
      for (const [i, a] of list.entries()) {
        for (let j = i + 1; j < list.length; j++) {
          const b = list[j];
          if (b && (!only || only(a) || only(b))) link(a, b);
        }
        if (subject !== "*") for (const b of subjectless) if (!only || only(a) || only(b)) link(a, b);
      }
    }
  };
  for (const [key, bySubject] of blocks) {
    // Lists under a generic word pair only with a generic-only label.
    if (genericKeys.has(key)) pairUp(bySubject, (item) => item.genericOnly);
    else pairUp(bySubject);
  }

  const members = new Map<number, Prepared[]>();
  for (const item of prepared) {
    const root = union.find(item.index);
    const group = members.get(root);
    if (group) group.push(item);
    else members.set(root, [item]);
  }
  const clusters = [...members.values()].map((group) => buildCluster(group, sources));
  return clusters.sort(
    (x, y) => y.sources - x.sources || y.claims.length - x.claims.length || (x.id < y.id ? -1 : 1),
  );
}

function buildCluster(members: readonly Prepared[], sources: SourceIndex): ClaimCluster {
  const records = members.map((member) => member.claim);
  const claims = records
    .map((claim): ClusteredClaim => ({
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
    }))
    .sort(compareClaims);
  const sourceCount = sources.count(records.map((claim) => claim.doc));
  const status: ClaimStatus = !allAgree(records) ? "conflict" : sourceCount > 1 ? "agree" : "single";
  const [first] = records;
  if (!first) throw new TriangulateError("invalid_input", "a claim cluster without claims");
  return {
    id: `cc-${records.map((claim) => claim.id).sort()[0] ?? first.id}`,
    metric: representativeMetric(members),
    unit: first.unit,
    subjects: majoritySubjects(records),
    status,
    sources: sourceCount,
    claims,
  };
}

/**
 * The label most like the others: the one whose words the other labels
 * share most (each word's weight times the other labels holding it); on a
 * tie the one that says more (greater own weight), then the shorter one.
 * Linear in the cluster's size, where comparing every pair would not be.
 */
function representativeMetric(members: readonly Prepared[]): string {
  const holders = new Map<string, number>();
  for (const member of members)
    for (const stem of member.stems) holders.set(stem, (holders.get(stem) ?? 0) + 1);
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
  return best?.member.claim.metric ?? "";
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
