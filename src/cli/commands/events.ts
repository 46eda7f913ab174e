import { TriangulateError } from "../../core/errors.ts";
import type { EventQuery } from "../../core/ports.ts";
import type { EventRecord } from "../../core/records.ts";
import { eventClusterParams } from "../../core/params.ts";
import { filterEventClusters } from "../../analysis/filters.ts";
import type { EventCluster } from "../../analysis/types.ts";
import type { CliIo, Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { paramsOrThrow } from "../params.ts";
import { clip, formatTable, loadAnalysis, signed, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate events [--clusters] [options]

Lists the events of the knowledge base (who did what to whom, CAMEO-coded);
with --clusters, merges the reports of one event across documents, so that
an expulsion reported by three articles is one event with three reports.

Reports are one event when they have the same direction, the same CAMEO
root (16 and 17, 11 and 12, 18 and 19 count as one: outlets code the same
act either way) and dates that can name the same day (full dates at most
3 days apart). Only events the text asserts happened are merged.

Options:
${DB_HELP}
  --clusters         merge reports of one event across documents
  --actor ID         either side: a country code (AZE) or an actor id
  --root RR          CAMEO root, 01 to 20
  --from DATE        from this date (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE          until this date, inclusive at its precision
  --min-sources N    with --clusters: at least N independent sources
  --json             print JSON: with --clusters an array of {id, date,
                     source, target, sourceCountry, targetCountry, cameo,
                     root, goldstein, sources, reports: [{doc, quote, start,
                     end, outlet, published}]}, else an array of events
  -h, --help         show this help

Examples:
  triangulate events --clusters --actor IRN --from 2023 --to 2023
  triangulate events --clusters --min-sources 2 --json
`;

function side(country: string | null, actor: string | null): string {
  return country ?? actor ?? "-";
}

/** The readable table of event clusters. */
export function formatEventClusters(clusters: readonly EventCluster[]): string {
  return formatTable(
    ["date", "source", "target", "cameo", "goldstein", "sources", "reports", "quote"],
    clusters.map((cluster) => [
      cluster.date ?? "-",
      side(cluster.sourceCountry, cluster.source),
      side(cluster.targetCountry, cluster.target),
      cluster.cameo,
      signed(cluster.goldstein),
      cluster.sources,
      cluster.reports.length,
      `“${clip(cluster.reports[0]?.quote ?? "", 70)}”`,
    ]),
  );
}

/** Every event of the store matching the query, page by page. */
async function listEvents(
  db: string | undefined,
  io: CliIo,
  query: Omit<EventQuery, "limit" | "offset">,
): Promise<EventRecord[]> {
  const store = await openExistingStore(resolveDbPath(db, io));
  try {
    const events: EventRecord[] = [];
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await store.listEvents({ ...query, limit, offset });
      events.push(...page.items);
      if (page.items.length < limit) return events;
    }
  } finally {
    await store.close();
  }
}

/** `triangulate events [--clusters]`: events, or events merged across the documents that report them. */
export const eventsCommand: Command = {
  name: "events",
  summary: "list events, or merge reports of one event across sources (--clusters)",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      clusters: { type: "boolean", default: false },
      actor: { type: "string" },
      root: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "min-sources": { type: "string" },
      json: { type: "boolean", default: false },
    });
    const filter = paramsOrThrow(eventClusterParams, {
      actor: values.actor,
      root: values.root,
      from: values.from,
      to: values.to,
      minSources: values["min-sources"],
    });
    if (!values.clusters && filter.minSources !== undefined) {
      throw new TriangulateError("usage", "--min-sources needs --clusters");
    }
    if (!values.clusters) {
      const { minSources: _, ...query } = filter;
      const events = await listEvents(values.db, io, query);
      if (values.json) writeJson(io, events);
      else {
        io.stdout.write(
          formatTable(
            ["date", "source", "target", "cameo", "goldstein", "modality", "quote"],
            events.map((event) => [
              event.date ?? "-",
              side(event.sourceCountry, event.source),
              side(event.targetCountry, event.target),
              event.cameo,
              signed(event.goldstein),
              event.modality,
              `“${clip(event.quote, 70)}”`,
            ]),
          ),
        );
      }
      return EXIT.ok;
    }
    const { analysis } = await loadAnalysis(values.db, io);
    const clusters = filterEventClusters(analysis.eventClusters(), filter);
    if (values.json) writeJson(io, clusters);
    else io.stdout.write(formatEventClusters(clusters));
    return EXIT.ok;
  },
};
