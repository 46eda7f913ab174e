import { createAnalysis } from "../analysis/analysis.ts";
import type { AlertBatch, AlertData } from "../analysis/alerts.ts";
import { dyadKey, evaluateAlerts } from "../analysis/alerts.ts";
import { readAnalysisInput } from "../analysis/from-store.ts";
import type { AlertFiring } from "../core/alerts.ts";
import type { DocId, IsoDate } from "../core/ids.ts";
import { isoDateOrThrow } from "../core/ids.ts";
import type { Store } from "../core/ports.ts";
import type { EventRecord } from "../core/records.ts";
import type { WebhookSender } from "./webhook.ts";

export interface CheckAlertsDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** Posts firings whose rule has a webhook; without it, none are posted. */
  readonly webhooks?: WebhookSender | undefined;
}

/** Events read per page when gathering a pair's events. */
const PAGE = 5000;

/**
 * Checks the alert rules after an ingest batch added `added` documents:
 * reads what the rules need, evaluates them (`evaluateAlerts`, pure), stores
 * the firings and hands those with a webhook to the sender (which does not
 * hold up the caller). Returns the firings stored.
 */
export async function checkAlerts(
  added: readonly DocId[],
  deps: CheckAlertsDeps,
): Promise<readonly AlertFiring[]> {
  if (added.length === 0) return [];
  const rules = await deps.store.listAlertRules();
  if (rules.length === 0) return [];
  const events: EventRecord[] = [];
  const claims = [];
  for (const id of added) {
    const extraction = await deps.store.getExtraction(id);
    events.push(...extraction.events);
    claims.push(...extraction.claims);
  }
  const batch: AlertBatch = { events, claims };
  if (events.length === 0 && claims.length === 0) return [];

  const dyadEvents = new Map<string, readonly EventRecord[]>();
  for (const rule of rules) {
    const { condition } = rule;
    if (condition.kind !== "dyad" || dyadEvents.has(dyadKey(condition.a, condition.b))) continue;
    dyadEvents.set(
      dyadKey(condition.a, condition.b),
      await pairEvents(deps.store, condition.a, condition.b, events, condition.windowDays),
    );
  }
  const needsClusters = claims.length > 0 && rules.some((rule) => rule.condition.kind === "new-conflict");
  const data: AlertData = {
    dyadEvents,
    claimClusters: needsClusters ? createAnalysis(await readAnalysisInput(deps.store)).claimClusters() : null,
  };
  const firings = evaluateAlerts(rules, batch, data, deps.now().toISOString());
  if (firings.length === 0) return [];
  const saved = await deps.store.saveAlertFirings(firings);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const firing of saved) {
    const rule = byId.get(firing.rule);
    if (rule) deps.webhooks?.send(rule, firing);
  }
  return saved;
}

/** The stored events of `a` from a window before the batch's earliest dated event on; the evaluation keeps the pair's. */
async function pairEvents(
  store: Store,
  a: string,
  b: string,
  batch: readonly EventRecord[],
  windowDays: number,
): Promise<readonly EventRecord[]> {
  const sides = (event: EventRecord): readonly (string | null)[] => [
    event.sourceCountry,
    event.targetCountry,
  ];
  const days = batch
    .filter((event) => sides(event).includes(a) && sides(event).includes(b))
    .flatMap((event) => (event.date === null ? [] : [Date.parse(firstDayOf(event.date))]));
  if (days.length === 0) return [];
  const from = isoDateOrThrow(
    new Date(Math.min(...days) - windowDays * 86_400_000).toISOString().slice(0, 10),
  );
  const events: EventRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEvents({ actor: a, from, limit: PAGE, offset });
    events.push(...page.items);
    if (page.items.length < PAGE) return events;
  }
}

/** `2024-03` is `2024-03-01`, `2024` is `2024-01-01`. */
function firstDayOf(date: IsoDate): string {
  return `${date}-01-01`.slice(0, 10);
}
