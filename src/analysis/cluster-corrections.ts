import type { ClusterCorrections } from "../core/corrections.ts";
import { createUnionFind } from "./union-find.ts";

/**
 * Groups as the analysts corrected them: an item holding a claim split out
 * of its cluster becomes a group of its own, then the groups holding two
 * claims an analyst merged become one. `claimsOf` gives the ids of an
 * item's claims (a figure and its reprints are one item: they move together).
 *
 * @example
 * regroup([[a, b], [c]], (item) => [item.id], { split: [b.id], merged: [[b.id, c.id]] });
 * // [[a], [b, c]]
 */
export function regroup<T>(
  groups: readonly (readonly T[])[],
  claimsOf: (item: T) => readonly string[],
  corrections: ClusterCorrections,
): T[][] {
  if (corrections.split.length === 0 && corrections.merged.length === 0) return groups.map((g) => [...g]);
  const split = new Set(corrections.split);
  const items: T[] = [];
  const itemOf = new Map<string, number>();
  const sets = createUnionFind<number>();
  for (const group of groups) {
    let first: number | null = null;
    for (const item of group) {
      const index = items.push(item) - 1;
      const claims = claimsOf(item);
      for (const claim of claims) itemOf.set(claim, index);
      sets.add(index);
      if (claims.some((claim) => split.has(claim))) continue;
      if (first === null) first = index;
      else sets.join(first, index);
    }
  }
  for (const [a, b] of corrections.merged) {
    const ia = itemOf.get(a);
    const ib = itemOf.get(b);
    if (ia !== undefined && ib !== undefined) sets.join(ia, ib);
  }
  return sets.groups().map((group) => group.map((index) => items[index] as T));
}
