import { useMemo, useState } from "preact/hooks";
import type { EventItem } from "../api.ts";
import { cameoName } from "../lib/cameo-names.ts";
import { quadColour } from "../lib/quad-style.ts";
import { formatDate, formatGoldstein } from "../lib/format.ts";
import { href } from "../router.ts";
import { eventColumns, recordIds } from "../lib/table-export.ts";
import { TableExport } from "./export-buttons.tsx";

const PAGE = 50;

/**
 * Events as a table, each with a link to its sentence in the reader; shows
 * `PAGE` at a time, and downloads them all (CSV, JSON, STIX).
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
            <th scope="col">Source sentence</th>
          </tr>
        </thead>
        <tbody>
          {events.slice(0, shown).map((event) => (
            <tr key={event.id} data-testid="event-row">
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
