import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { ClaimRecord, EventRecord, KbRecord } from "../../src/core/records.ts";

// The gold scorer of `../shared/eval/score.mjs` (which `npm run eval` runs),
// restated over our records, so that `npm test` can hold extraction to a
// floor without the shared folder: the same one-to-one greedy matching
// (required gold first, then optional), the same tests of a match, and only
// asserted events scored.

interface GoldClaim {
  readonly type: "claim";
  readonly value: number;
  readonly valueMax?: number | null;
  readonly unit: string;
  readonly subjects?: readonly string[];
  readonly optional?: boolean;
}

interface GoldEvent {
  readonly type: "event";
  readonly source: string;
  readonly target: string;
  readonly roots: readonly string[];
  readonly date: string | null;
  readonly optional?: boolean;
}

type GoldRecord = GoldClaim | GoldEvent;

export interface Figures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface GoldScore {
  readonly claims: Figures & { readonly subjectsAgree: number };
  readonly events: Figures;
}

/** A document's or gold file's name without its folder and ending: what pairs them. */
function stem(path: string): string {
  return basename(path).replace(/\.(txt|html?|md|jsonl)$/i, "");
}

/** The gold files of a folder, by stem. */
export function readGold(dir: string): ReadonlyMap<string, readonly GoldRecord[]> {
  const gold = new Map<string, GoldRecord[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".jsonl"))) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    gold.set(
      stem(file),
      lines.filter((line) => line.trim()).map((line) => JSON.parse(line) as GoldRecord),
    );
  }
  return gold;
}

/** Within half a percent of each other, or both missing. */
function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}

function claimMatches(gold: GoldClaim, claim: ClaimRecord): boolean {
  return claim.unit === gold.unit && close(gold.value, claim.value) && close(gold.valueMax, claim.valueMax);
}

/** Dates agree to the precision of the less precise one; a missing date agrees with any. */
function datesAgree(gold: string | null, date: string | null): boolean {
  if (!gold || !date) return true;
  const n = Math.min(gold.length, date.length);
  return gold.slice(0, n) === date.slice(0, n);
}

function eventMatches(gold: GoldEvent, event: EventRecord): boolean {
  return (
    (event.sourceCountry ?? event.source) === gold.source &&
    String(event.targetCountry ?? event.target) === gold.target &&
    gold.roots.includes(event.root) &&
    datesAgree(gold.date, event.date)
  );
}

interface Matched<G, P> {
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
  readonly pairs: readonly (readonly [G, P])[];
}

/** One-to-one greedy matching, required gold first. */
function match<G extends { readonly optional?: boolean }, P>(
  golds: readonly G[],
  preds: readonly P[],
  same: (gold: G, pred: P) => boolean,
): Matched<G, P> {
  const used = new Set<number>();
  let tp = 0;
  let fn = 0;
  const pairs: (readonly [G, P])[] = [];
  const ordered = [...golds].sort((a, b) => Number(a.optional === true) - Number(b.optional === true));
  for (const gold of ordered) {
    const found = preds.findIndex((pred, k) => !used.has(k) && same(gold, pred));
    const pred = preds[found];
    if (pred !== undefined) {
      used.add(found);
      if (gold.optional !== true) tp++;
      pairs.push([gold, pred]);
    } else if (gold.optional !== true) {
      fn++;
    }
  }
  return { tp, fn, fp: preds.length - used.size, pairs };
}

function figures({ tp, fp, fn }: { tp: number; fp: number; fn: number }): Figures {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const round = (x: number): number => Number(x.toFixed(3));
  return { precision: round(precision), recall: round(recall), f1: round(f1), tp, fp, fn };
}

/** Scores the events and claims of `records` (documents paired with gold files by the stem of their uri). */
export function scoreAgainstGold(
  gold: ReadonlyMap<string, readonly GoldRecord[]>,
  records: readonly KbRecord[],
): GoldScore {
  const stemOf = new Map<string, string>();
  for (const record of records) if (record.type === "document") stemOf.set(record.id, stem(record.uri));
  const claims = new Map<string, ClaimRecord[]>();
  const events = new Map<string, EventRecord[]>();
  for (const record of records) {
    if (record.type === "claim") push(claims, stemOf.get(record.doc) ?? record.doc, record);
    // Only what happened is scored.
    if (record.type === "event" && record.modality === "asserted") {
      push(events, stemOf.get(record.doc) ?? record.doc, record);
    }
  }
  const claimTotal = { tp: 0, fp: 0, fn: 0 };
  const eventTotal = { tp: 0, fp: 0, fn: 0 };
  let pairs = 0;
  let subjectsAgree = 0;
  for (const [name, golds] of gold) {
    const c = match(
      golds.filter((g): g is GoldClaim => g.type === "claim"),
      claims.get(name) ?? [],
      claimMatches,
    );
    const e = match(
      golds.filter((g): g is GoldEvent => g.type === "event"),
      events.get(name) ?? [],
      eventMatches,
    );
    for (const key of ["tp", "fp", "fn"] as const) {
      claimTotal[key] += c[key];
      eventTotal[key] += e[key];
    }
    pairs += c.pairs.length;
    for (const [g, p] of c.pairs) {
      if ([...(g.subjects ?? [])].sort().join() === [...p.subjects].sort().join()) subjectsAgree++;
    }
  }
  return {
    claims: {
      ...figures(claimTotal),
      subjectsAgree: pairs > 0 ? Number((subjectsAgree / pairs).toFixed(3)) : 0,
    },
    events: figures(eventTotal),
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
