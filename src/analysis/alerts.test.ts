import { describe, expect, it } from "vitest";
import type { AlertCondition, AlertRule } from "../core/alerts.ts";
import type { ClaimRecord, EventRecord } from "../core/records.ts";
import type { AlertData } from "./alerts.ts";
import { dyadKey, evaluateAlerts } from "./alerts.ts";
import { clusterClaims } from "./claim-clusters.ts";
import { createSourceIndex } from "./sources.ts";
import { claim, doc, event } from "./testing/records.ts";

const AT = "2026-12-01T10:00:00.000Z";

function rule(id: number, condition: AlertCondition): AlertRule {
  return { id, condition, webhook: null, created: AT };
}

const NO_DATA: AlertData = { dyadEvents: new Map(), claimClusters: null };

describe("actor-root rules", () => {
  const strikes = rule(1, { kind: "actor-root", actor: "IRN", rootFrom: 15, rootTo: 20 });

  it("fire on new events of the actor, either side, with a root in the range", () => {
    const events = [
      event({ doc: "a", source: "IRN", target: "AZE", cameo: "173", goldstein: -5 }),
      event({ doc: "a", source: "AZE", target: "IRN", cameo: "190", goldstein: -10 }),
      event({ doc: "a", source: "IRN", target: "AZE", cameo: "042", goldstein: 1.9 }),
      event({ doc: "a", source: "TUR", target: "AZE", cameo: "190", goldstein: -10 }),
    ];
    const [firing] = evaluateAlerts([strikes], { events, claims: [] }, NO_DATA, AT);
    expect(firing).toMatchObject({
      rule: 1,
      firedAt: AT,
      message: /^2 new events of IRN with CAMEO root 17, 19/,
    });
    expect(firing?.evidence.map((e) => e.quote)).toEqual([events[0]?.quote, events[1]?.quote]);
    expect(firing?.evidence[0]).toEqual({
      kind: "event",
      doc: events[0]?.doc,
      start: events[0]?.start,
      end: events[0]?.end,
      quote: events[0]?.quote,
    });
  });

  it("match actor ids as well as countries, and ignore what did not happen", () => {
    const byPerson = rule(2, { kind: "actor-root", actor: "person:ilham-aliyev", rootFrom: 11, rootTo: 11 });
    const events = [
      event({ doc: "a", source: "person:ilham-aliyev", target: "IRN", cameo: "112", goldstein: -2 }),
      event({ doc: "a", source: "IRN", target: "AZE", cameo: "190", goldstein: -10, modality: "negated" }),
      event({ doc: "a", source: "IRN", target: "AZE", cameo: "190", goldstein: -10, modality: "planned" }),
    ];
    const firings = evaluateAlerts([byPerson, strikes], { events, claims: [] }, NO_DATA, AT);
    expect(firings.map((f) => f.rule)).toEqual([2]);
  });
});

describe("dyad rules", () => {
  const hostile = rule(3, { kind: "dyad", a: "IRN", b: "AZE", goldsteinBelow: -3, windowDays: 30 });
  const data = (stored: readonly EventRecord[]): AlertData => ({
    dyadEvents: new Map([[dyadKey("AZE", "IRN"), stored]]),
    claimClusters: null,
  });
  const old = [
    event({ doc: "o", source: "AZE", target: "IRN", cameo: "042", goldstein: 1.9, date: "2024-03-01" }),
    event({ doc: "o", source: "IRN", target: "AZE", cameo: "111", goldstein: -2, date: "2024-03-10" }),
    // Outside the window that ends on 2024-03-25.
    event({ doc: "o", source: "IRN", target: "AZE", cameo: "190", goldstein: -10, date: "2024-01-01" }),
  ];

  it("fire when the batch's events turn the window's mean below the threshold", () => {
    const fresh = [
      event({ doc: "n", source: "IRN", target: "AZE", cameo: "173", goldstein: -5, date: "2024-03-20" }),
      event({ doc: "n", source: "AZE", target: "IRN", cameo: "190", goldstein: -10, date: "2024-03-25" }),
    ];
    const [firing] = evaluateAlerts([hostile], { events: fresh, claims: [] }, data([...old, ...fresh]), AT);
    // (1.9 - 2 - 5 - 10) / 4
    expect(firing?.message).toMatch(/^AZE-IRN: mean Goldstein -3\.8 over 30 days to 2024-03-25 \(4 events\)/);
    expect(firing?.evidence.map((e) => e.doc)).toEqual([
      fresh[0]?.doc,
      fresh[1]?.doc,
      old[1]?.doc,
      old[0]?.doc,
    ]);
  });

  it("stay quiet while the mean stays above, or was below already", () => {
    const mild = [
      event({ doc: "n", source: "IRN", target: "AZE", cameo: "111", goldstein: -2, date: "2024-03-12" }),
    ];
    expect(evaluateAlerts([hostile], { events: mild, claims: [] }, data([...old, ...mild]), AT)).toEqual([]);
    const grim = old.map((e) => ({ ...e, goldstein: -8 }));
    const more = [
      event({ doc: "n", source: "IRN", target: "AZE", cameo: "173", goldstein: -5, date: "2024-03-12" }),
    ];
    expect(evaluateAlerts([hostile], { events: more, claims: [] }, data([...grim, ...more]), AT)).toEqual([]);
  });

  it("ignore events of other pairs, and undated ones", () => {
    const other = [
      event({ doc: "n", source: "IRN", target: "ISR", cameo: "190", goldstein: -10, date: "2024-03-12" }),
      event({ doc: "n", source: "IRN", target: "AZE", cameo: "190", goldstein: -10 }),
    ];
    expect(evaluateAlerts([hostile], { events: other, claims: [] }, data([...old, ...other]), AT)).toEqual(
      [],
    );
  });
});

describe("new-conflict rules", () => {
  const conflict = rule(4, { kind: "new-conflict", subject: null });
  const aboutIsrael = rule(5, { kind: "new-conflict", subject: "ISR" });
  const sources = createSourceIndex([
    doc("a", "Outlet A", "2024-03-01"),
    doc("b", "Outlet B", "2024-03-02"),
    doc("c", "Outlet C", "2024-03-03"),
  ]);
  const share = (label: string, value: number): ClaimRecord =>
    claim({ doc: label, value, subjects: ["AZE"], metric: "share of oil imports", period: "2023" });

  it("fire when a new figure puts a cluster in conflict", () => {
    const a = share("a", 40);
    const b = share("b", 40);
    const c = share("c", 60);
    const clusters = clusterClaims([a, b, c], sources);
    expect(clusters.map((cl) => cl.status)).toEqual(["conflict"]);
    const [firing] = evaluateAlerts(
      [conflict, aboutIsrael],
      { events: [], claims: [c] },
      { dyadEvents: new Map(), claimClusters: clusters },
      AT,
    );
    expect(firing).toMatchObject({
      rule: 4,
      message: /^figures now disagree: share of oil imports \(percent\)/,
    });
    expect(firing?.evidence.map((e) => e.kind)).toEqual(["claim", "claim", "claim"]);
  });

  it("stay quiet when the cluster conflicted before the batch", () => {
    const clusters = clusterClaims([share("a", 40), share("b", 60), share("c", 60)], sources);
    const c = clusters[0]?.claims.find((cl) => cl.doc === docOf("c"));
    if (!c) throw new Error("the cluster has no claim of c");
    const fresh = share("c", 60);
    expect(
      evaluateAlerts(
        [conflict],
        { events: [], claims: [{ ...fresh, start: c.start, end: c.end }] },
        { dyadEvents: new Map(), claimClusters: clusters },
        AT,
      ),
    ).toEqual([]);
  });
});

function docOf(label: string): string {
  return doc(label, null).id;
}
