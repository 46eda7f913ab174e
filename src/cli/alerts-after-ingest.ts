import { checkAlerts } from "../alerts/check.ts";
import { createWebhookSender } from "../alerts/webhook.ts";
import type { Store } from "../core/ports.ts";
import type { ItemResult } from "../pipeline/report.ts";
import type { CliIo } from "./command.ts";

/**
 * Checks the alert rules against the documents an ingest run added, prints
 * a line for each firing, and gives webhook deliveries a few seconds to
 * finish before the command ends.
 */
export async function reportAlerts(store: Store, results: readonly ItemResult[], io: CliIo): Promise<void> {
  const added = results.flatMap((result) => (result.status === "added" ? [result.id] : []));
  const webhooks = createWebhookSender({
    fetch: (url, init) => fetch(url, init),
    onGiveUp: (url, firing, reason) => {
      io.stderr.write(`triangulate: alert ${firing.id} not delivered to ${url}: ${reason}\n`);
    },
  });
  const firings = await checkAlerts(added, { store, now: () => new Date(), webhooks });
  for (const firing of firings) io.stdout.write(`alert ${firing.id}: ${firing.message}\n`);
  await webhooks.drain(10_000);
}
