import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { AlertFiring } from "../../core/alerts.ts";
import { describeCondition } from "../../core/alerts.ts";
import type { Store } from "../../core/ports.ts";
import { z } from "zod";
import { pageParams, wholeNumber } from "../../core/params.ts";
import { noQuery, validQuery } from "../query.ts";

export const firingsQuery = z.strictObject({
  /** Only firings after this id: what a page that has seen it has not. */
  after: wholeNumber(0, Number.MAX_SAFE_INTEGER).optional(),
  ...pageParams(50),
});

export interface AlertsApiOptions {
  /** How often an open stream looks for new firings (other processes store them: ingest, watch, workers). */
  readonly pollMs?: number | undefined;
}

/** Firings read per look, oldest first; more wait for the next look. */
const STREAM_BATCH = 100;
/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/**
 * The alert rules, their firings, and `/alerts/stream`: Server-Sent Events
 * pushing each new firing (`event: firing`, `id:` its id) to open pages. A
 * reconnecting browser sends `Last-Event-ID` and gets what it missed.
 */
export function createAlertsApi(store: Store, options: AlertsApiOptions = {}) {
  const pollMs = options.pollMs ?? 2000;
  return new Hono()
    .get("/alerts/rules", noQuery, async (c) => {
      const rules = await store.listAlertRules();
      const items = rules.map((rule) => ({ ...rule, description: describeCondition(rule.condition) }));
      return c.json({ items, total: items.length });
    })
    .get("/alerts/firings", validQuery(firingsQuery), async (c) =>
      c.json(await store.listAlertFirings(c.req.valid("query"))),
    )
    .get("/alerts/stream", validQuery(firingsQuery.pick({ after: true })), async (c) => {
      const lastSeen = c.req.header("last-event-id");
      let after =
        lastSeen !== undefined && /^\d{1,15}$/.test(lastSeen)
          ? Number(lastSeen)
          : (c.req.valid("query").after ?? (await latestFiringId(store)));
      return streamSSE(c, async (stream) => {
        let quiet = 0;
        // Sent at once, so the page knows the stream is open (and from which firing).
        await stream.writeSSE({ event: "ready", data: JSON.stringify({ after }), retry: 3000 });
        while (!stream.aborted && !stream.closed) {
          const fresh = await oldestAfter(store, after);
          for (const firing of fresh) {
            await stream.writeSSE({ event: "firing", id: String(firing.id), data: JSON.stringify(firing) });
            after = firing.id;
          }
          quiet = fresh.length > 0 ? 0 : quiet + pollMs;
          if (quiet >= KEEPALIVE_MS) {
            await stream.write(": keepalive\n\n");
            quiet = 0;
          }
          await stream.sleep(pollMs);
        }
      });
    });
}

/** The oldest firings after `after`, oldest first (the store lists the newest first). */
async function oldestAfter(store: Store, after: number): Promise<AlertFiring[]> {
  const { total } = await store.listAlertFirings({ after, limit: 0, offset: 0 });
  if (total === 0) return [];
  const page = await store.listAlertFirings({
    after,
    limit: STREAM_BATCH,
    offset: Math.max(0, total - STREAM_BATCH),
  });
  return [...page.items].reverse();
}

async function latestFiringId(store: Store): Promise<number> {
  return (await store.listAlertFirings({ limit: 1, offset: 0 })).items[0]?.id ?? 0;
}
