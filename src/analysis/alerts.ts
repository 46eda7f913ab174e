import type { AlertCondition, AlertEvidence, AlertRule, NewAlertFiring } from "../core/alerts.ts";
import { describeCondition } from "../core/alerts.ts";
import type { ClaimRecord, EventRecord, Modality } from "../core/records.ts";
import { allAgree } from "./figures.ts";
import { daySpan } from "../core/calendar.ts";
import type { ClaimCluster, ClusteredClaim } from "./types.ts";

/**
 * Alert rules checked against an ingest batch: pure functions of the
 * records just stored and the stored records each rule needs (read by the
 * caller, `src/alerts/`). A rule fires once a batch at most.
 */

/** The events and claims of the documents a batch added. */
export interface AlertBatch {
  readonly events: readonly EventRecord[];
  readonly claims: readonly ClaimRecord[];
}

/** What the rules read besides the batch; the caller loads only what its rules need. */
export interface AlertData {
  /** For each dyad rule (`dyadKey`), the stored events between the two states, the batch's included. */
  readonly dyadEvents: ReadonlyMap<string, readonly EventRecord[]>;
  /** Claim clusters of the knowledge base after the batch, when a new-conflict rule needs them. */
  readonly claimClusters: readonly ClaimCluster[] | null;
}

/** Events that did not (or not yet) happen never fire a rule. */
const HAPPENED: ReadonlySet<Modality> = new Set<Modality>(["asserted", "alleged"]);
/** Evidence kept for one firing: enough to read, not a dump of a long window. */
const MAX_EVIDENCE = 25;

/** The key of a pair of states, either order: `AZE-IRN`. */
export function dyadKey(a: string, b: string): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/**
 * The firings of a batch, one a rule at most, in rule order.
 *
 * @example evaluateAlerts(rules, { events, claims }, { dyadEvents, claimClusters: null }, "2026-12-01T10:00:00Z")
 */
export function evaluateAlerts(
  rules: readonly AlertRule[],
  batch: AlertBatch,
  data: AlertData,
  firedAt: string,
): NewAlertFiring[] {
  const firings: NewAlertFiring[] = [];
  for (const rule of rules) {
    const found = evaluateRule(rule.condition, batch, data);
    if (found) {
      firings.push({
        rule: rule.id,
        firedAt,
        message: `${found.message} (rule ${rule.id}: ${describeCondition(rule.condition)})`,
        evidence: found.evidence.slice(0, MAX_EVIDENCE),
      });
    }
  }
  return firings;
}

interface Found {
  readonly message: string;
  readonly evidence: readonly AlertEvidence[];
}

function evaluateRule(condition: AlertCondition, batch: AlertBatch, data: AlertData): Found | null {
  switch (condition.kind) {
    case "actor-root":
      return actorRoot(condition, batch.events);
    case "dyad":
      return dyad(condition, batch.events, data.dyadEvents.get(dyadKey(condition.a, condition.b)) ?? []);
    case "new-conflict":
      return data.claimClusters ? newConflict(condition, batch.claims, data.claimClusters) : null;
    default:
      throw new Error(`unknown alert condition ${JSON.stringify(condition satisfies never)}`);
  }
}

function actorRoot(
  condition: Extract<AlertCondition, { kind: "actor-root" }>,
  events: readonly EventRecord[],
): Found | null {
  const { actor, rootFrom, rootTo } = condition;
  const matching = events.filter(
    (event) =>
      HAPPENED.has(event.modality) &&
      Number(event.root) >= rootFrom &&
      Number(event.root) <= rootTo &&
      sidesOf(event).includes(actor),
  );
  if (matching.length === 0) return null;
  const roots = [...new Set(matching.map((event) => event.root))].sort().join(", ");
  return {
    message: `${matching.length} new event${matching.length === 1 ? "" : "s"} of ${actor} with CAMEO root ${roots}`,
    evidence: matching.map(eventEvidence),
  };
}

/**
 * Fires when the batch turns the pair's window hostile: the mean Goldstein
 * score of the pair's events over the window (ending on the latest day the
 * batch reports for the pair) is below the threshold with the batch's
 * events, and was not without them. An event counts on the first day its
 * date covers (`2024-03` on 1 March); undated events do not count.
 */
function dyad(
  condition: Extract<AlertCondition, { kind: "dyad" }>,
  batchEvents: readonly EventRecord[],
  stored: readonly EventRecord[],
): Found | null {
  const { a, b, goldsteinBelow, windowDays } = condition;
  const key = dyadKey(a, b);
  const inPair = (event: EventRecord): boolean =>
    event.date !== null &&
    HAPPENED.has(event.modality) &&
    event.sourceCountry !== null &&
    event.targetCountry !== null &&
    dyadKey(event.sourceCountry, event.targetCountry) === key &&
    event.sourceCountry !== event.targetCountry;
  const fresh = batchEvents.filter(inPair);
  if (fresh.length === 0) return null;
  const dayOf = (event: EventRecord): number => (event.date === null ? Number.NaN : daySpan(event.date)[0]);
  const end = Math.max(...fresh.map(dayOf));
  const freshIds = new Set(fresh.map((event) => event.id));
  const window = [
    ...stored.filter(inPair),
    ...fresh.filter((event) => !stored.some((s) => s.id === event.id)),
  ].filter((event) => dayOf(event) > end - windowDays && dayOf(event) <= end);
  const before = window.filter((event) => !freshIds.has(event.id));
  const after = mean(window.map((event) => event.goldstein));
  const earlier = mean(before.map((event) => event.goldstein));
  if (!(after < goldsteinBelow) || earlier < goldsteinBelow) return null;
  const last = window.reduce((latest, event) => (dayOf(event) > dayOf(latest) ? event : latest));
  // The batch's events first, then the most hostile of the rest.
  const ordered = [
    ...window.filter((event) => freshIds.has(event.id)),
    ...before.sort((x, y) => x.goldstein - y.goldstein),
  ];
  return {
    message: `${key}: mean Goldstein ${after.toFixed(1)} over ${windowDays} days to ${last.date ?? "?"} (${window.length} events)`,
    evidence: ordered.map(eventEvidence),
  };
}

/**
 * Fires for the clusters that a claim of the batch puts in conflict: the
 * cluster conflicts, and its other figures agreed (or were alone) without
 * the batch's.
 */
function newConflict(
  condition: Extract<AlertCondition, { kind: "new-conflict" }>,
  batchClaims: readonly ClaimRecord[],
  clusters: readonly ClaimCluster[],
): Found | null {
  const fresh = new Set(batchClaims.map(claimKey));
  const turned = clusters.filter((cluster) => {
    if (cluster.status !== "conflict") return false;
    if (condition.subject !== null && !cluster.subjects.some((subject) => subject === condition.subject))
      return false;
    const old = cluster.claims.filter((claim) => !fresh.has(claimKey(claim)));
    return old.length < cluster.claims.length && allAgree(old);
  });
  if (turned.length === 0) return null;
  const labels = turned.map((cluster) => `${cluster.metric} (${cluster.unit})`).join("; ");
  return {
    message: `figures now disagree: ${labels}`,
    evidence: turned.flatMap((cluster) => cluster.claims.map(claimEvidence)),
  };
}

/** The actors and states on either side of an event. */
function sidesOf(event: EventRecord): readonly (string | null)[] {
  return [event.source, event.target, event.sourceCountry, event.targetCountry];
}

function claimKey(claim: Pick<ClaimRecord | ClusteredClaim, "doc" | "start" | "end">): string {
  return `${claim.doc}:${claim.start}:${claim.end}`;
}

function eventEvidence(event: EventRecord): AlertEvidence {
  return { kind: "event", doc: event.doc, start: event.start, end: event.end, quote: event.quote };
}

function claimEvidence(claim: ClusteredClaim): AlertEvidence {
  return { kind: "claim", doc: claim.doc, start: claim.start, end: claim.end, quote: claim.quote };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}
