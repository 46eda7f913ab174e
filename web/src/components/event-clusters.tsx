import type { EventClusterItem } from "../api.ts";
import { cameoName } from "../lib/cameo-names.ts";
import { quadColour } from "../lib/quad-style.ts";
import { formatCount, formatDate, formatGoldstein } from "../lib/format.ts";
import { href } from "../router.ts";

/** The reader at a report's sentence: the event with these offsets is selected and marked. */
export function reportHref(
  report: { doc: string; start: number; end: number },
  of: "event" | "claim",
): string {
  return href(`/reader/${report.doc}`, { span: `${report.start}-${report.end}`, of });
}

/**
 * Events as merged across documents: one row per event, with every report
 * of it (outlet, date, sentence) one click away from its place in the reader.
 */
export function EventClusterTable({
  events,
  name,
  caption,
}: {
  events: readonly EventClusterItem[];
  name: (key: string) => string;
  caption: string;
}) {
  return (
    <div class="table-wrap">
      <table class="events" data-testid="cluster-events">
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
            <th scope="col" class="num">
              Sources
            </th>
            <th scope="col">Reports (click to read)</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="event-row">
              <td class="nowrap">{formatDate(event.date)}</td>
              <td>{name(event.source)}</td>
              <td>
                <span class="swatch" style={{ background: quadColour(event.root) }} aria-hidden="true" />
                <span class="code">{event.cameo}</span> {cameoName(event.cameo)}
              </td>
              <td>{event.target === null ? "—" : name(event.target)}</td>
              <td class="num">{formatGoldstein(event.goldstein)}</td>
              <td class="num" data-testid="event-sources">
                {event.sources === 1 ? (
                  <span class="confidence single">1 source only</span>
                ) : (
                  formatCount(event.sources)
                )}
              </td>
              <td class="quote">
                <ul class="reports">
                  {event.reports.map((report) => (
                    <li key={`${report.doc}:${report.start}`}>
                      <a href={reportHref(report, "event")} data-testid="report-link">
                        {report.quote}
                      </a>
                      <span class="meta">
                        {report.outlet ?? "Unknown outlet"} · {formatDate(report.published)}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
