import { useEffect } from "preact/hooks";
import type { AlertFiring } from "../../../src/core/alerts.ts";
import { bodyOf, client } from "../api.ts";
import { Empty, Loaded } from "../components/states.tsx";
import { markAlertsSeen, useAlertState } from "../lib/alerts-live.ts";
import { useResource } from "../lib/resource.ts";
import { href } from "../router.ts";

/** `2026-12-01 10:05 UTC` for an ISO timestamp. */
function firedAt(timestamp: string): string {
  return `${timestamp.slice(0, 16).replace("T", " ")} UTC`;
}

function Firing({ firing }: { firing: AlertFiring }) {
  return (
    <li class="alert-firing" data-testid="alert-firing">
      <p class="alert-head">
        <time dateTime={firing.firedAt}>{firedAt(firing.firedAt)}</time> <strong>{firing.message}</strong>
      </p>
      <ul class="alert-evidence">
        {firing.evidence.map((evidence) => (
          <li key={`${evidence.doc}:${evidence.start}`}>
            <span class="alert-kind">{evidence.kind === "event" ? "Event" : "Figure"}</span>{" "}
            <a
              href={href(`/reader/${evidence.doc}`, { span: `${evidence.start}-${evidence.end}` })}
              data-testid="alert-evidence"
            >
              {evidence.quote}
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Alert firings, newest first, with the sentences that fired them; new ones arrive while the view is open. */
export function AlertsView() {
  const { live } = useAlertState();
  const stored = useResource("alerts/firings", async () =>
    bodyOf(await client.api.alerts.firings.$get({ query: { limit: "200" } })),
  );
  const rules = useResource("alerts/rules", async () => bodyOf(await client.api.alerts.rules.$get()));
  const newest = Math.max(
    0,
    ...live.map((f) => f.id),
    ...(stored.state === "ready" ? stored.data.items.map((f) => f.id) : []),
  );
  // Whatever this view shows counts as seen.
  useEffect(() => {
    if (newest > 0) markAlertsSeen(newest);
  }, [newest]);

  return (
    <section aria-labelledby="alerts-title" class="alerts">
      <h1 id="alerts-title">Alerts</h1>
      <Loaded
        resource={stored}
        what="alerts"
        ready={(page) => {
          const known = new Set(page.items.map((f) => f.id));
          const firings = [...live.filter((f) => !known.has(f.id)), ...page.items];
          return firings.length === 0 ? (
            <Empty>Nothing has fired yet. Rules are checked after each ingest batch.</Empty>
          ) : (
            <ol class="alert-list" aria-label={`${firings.length} alerts`}>
              {firings.map((firing) => (
                <Firing key={firing.id} firing={firing} />
              ))}
            </ol>
          );
        }}
      />
      <h2>Rules</h2>
      <Loaded
        resource={rules}
        what="rules"
        ready={(page) =>
          page.items.length === 0 ? (
            <Empty>
              No rules yet: add one with <code>triangulate alerts add</code>.
            </Empty>
          ) : (
            <ul class="alert-rules">
              {page.items.map((rule) => (
                <li key={rule.id}>
                  <strong>Rule {rule.id}</strong>: {rule.description}
                  {rule.webhook ? <span class="muted"> · posted to {rule.webhook}</span> : null}
                </li>
              ))}
            </ul>
          )
        }
      />
    </section>
  );
}
