import { useMemo, useState } from "preact/hooks";
import { useEventReports } from "../analysis-data.ts";
import type { EventClusterItem, EventItem } from "../api.ts";
import { cameoName } from "../lib/cameo-names.ts";
import { quadColour } from "../lib/quad-style.ts";
import { formatCount, formatDate, formatGoldstein } from "../lib/format.ts";
import { href } from "../router.ts";
import { eventColumns, recordIds } from "../lib/table-export.ts";
import { TableExport } from "./export-buttons.tsx";
import { fetchCorrections, review } from "../lib/corrections.ts";
import { useResource } from "../lib/resource.ts";

const PAGE = 50;

/**
 * Who says so, for one event record: its outlet and date, and the number
 * of independent sources of the event it is a report of (the merged event
 * of the Dyads view, so that both count alike), with the other outlets.
 */
function WhoSaysSo({ event, merged }: { event: EventItem; merged: EventClusterItem | null | undefined }) {
  const outlet = event.outlet ?? "Unknown outlet";
  const others = merged
    ? [
        ...new Set(
          merged.reports.filter((r) => r.event !== event.id).map((r) => r.outlet ?? "Unknown outlet"),
        ),
      ]
    : [];
  return (
    <span class="who-says-so" data-testid="event-sources">
      <strong>{outlet}</strong> · <span class="nowrap">{formatDate(event.published)}</span>
      {merged === undefined ? null : merged === null ? (
        <span
          class="confidence single"
          title="Not merged with other reports: the text does not assert it happened"
        >
          1 report ({event.modality})
        </span>
      ) : merged.sources === 1 ? (
        <span class="confidence single" data-count="1">
          {" "}
          · 1 source only
        </span>
      ) : (
        <span class="confidence" data-count={merged.sources}>
          {" "}
          · {formatCount(merged.sources)} independent sources
          {others.length > 0 ? <span class="meta"> · also reported by {others.join(", ")}</span> : null}
        </span>
      )}
    </span>
  );
}

/**
 * Accept or reject an event where it is listed (a rejected one leaves the
 * lists; the undo bar above the view takes it back). The full panel, with
 * edits, is in the reader.
 */
function Review({ event, label, accepted }: { event: EventItem; label: string; accepted: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const act = (action: "accept" | "reject") => {
    setError(null);
    review({ doc: event.doc, record: event.id, action }, label).catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
    });
  };
  return (
    <span class="row-review">
      {accepted ? (
        <span class="tag tag-accepted" data-testid="row-accepted">
          accepted
        </span>
      ) : (
        <button
          type="button"
          class="small"
          aria-label={`Accept: ${label}`}
          data-testid="row-accept"
          onClick={() => {
            act("accept");
          }}
        >
          Accept
        </button>
      )}
      <button
        type="button"
        class="small danger"
        aria-label={`Reject: ${label}`}
        data-testid="row-reject"
        onClick={() => {
          act("reject");
        }}
      >
        Reject
      </button>
      {error ? <span class="form-error">{error}</span> : null}
    </span>
  );
}

/**
 * Events as a table, each with who reports it and a link to its sentence in
 * the reader; shows `PAGE` at a time, and downloads them all (CSV, JSON, STIX).
 */
export function EventTable({
  events,
  name,
  caption,
}: {
  events: readonly EventItem[];
  name: (key: string) => string;
  caption: string;
}) {
  const [shown, setShown] = useState(PAGE);
  const columns = useMemo(() => eventColumns(name), [name]);
  const reports = useEventReports();
  const corrections = useResource("corrections", fetchCorrections);
  // The records an analyst accepted (and did not take back): their rows say so instead of offering it.
  const accepted = useMemo(
    () =>
      new Set(
        corrections.state === "ready"
          ? corrections.data.items.flatMap((c) =>
              c.action === "accept" && c.state === "applied" && c.record !== null ? [c.record] : [],
            )
          : [],
      ),
    [corrections],
  );
  const labelOf = (event: EventItem) =>
    `${name(event.source)} ${cameoName(event.cameo).toLowerCase()}${event.target === null ? "" : ` → ${name(event.target)}`} (${event.outlet ?? "unknown outlet"}, ${formatDate(event.date)})`;
  const mergedOf = (event: EventItem): EventClusterItem | null | undefined =>
    reports.state === "ready" ? (reports.data.get(event.id) ?? null) : undefined;
  return (
    <div class="table-wrap">
      <TableExport table={{ name: "events", columns, rows: events }} stixIds={recordIds} />
      <table class="events">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Who</th>
            <th scope="col">Did what</th>
            <th scope="col">To whom</th>
            <th scope="col" class="num">
              Goldstein
            </th>
            <th scope="col">Source sentence, outlet and sources</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {events.slice(0, shown).map((event) => (
            <tr key={event.id} data-testid="event-row" data-event={event.id}>
              <td class="nowrap">{formatDate(event.date)}</td>
              <td>{name(event.source)}</td>
              <td>
                <span class="swatch" style={{ background: quadColour(event.root) }} aria-hidden="true" />
                <span class="code">{event.cameo}</span> {cameoName(event.cameo)}
                {event.modality !== "asserted" ? <span class="tag">{event.modality}</span> : null}
              </td>
              <td>{event.target === null ? "—" : name(event.target)}</td>
              <td class="num">{formatGoldstein(event.goldstein)}</td>
              <td class="quote">
                <a href={href(`/reader/${event.doc}`, { sel: event.id })}>{event.quote}</a>
                <WhoSaysSo event={event} merged={mergedOf(event)} />
              </td>
              <td>
                <Review event={event} label={labelOf(event)} accepted={accepted.has(event.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length > shown ? (
        <button
          type="button"
          class="more"
          onClick={() => {
            setShown(shown + PAGE);
          }}
        >
          Show {Math.min(PAGE, events.length - shown)} more of {events.length - shown}
        </button>
      ) : null}
    </div>
  );
}
