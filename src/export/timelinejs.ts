import { TriangulateError } from "../core/errors.ts";
import type { RecordType } from "../core/records.ts";
import { collectRecords } from "../analysis/collect.ts";
import { clusterEvents } from "../analysis/event-clusters.ts";
import { createDuplicateFinder } from "../analysis/near-duplicates.ts";
import { quadClassOf } from "../core/quad-class.ts";
import type { SourceDocument } from "../analysis/sources.ts";
import { createSourceIndex } from "../analysis/sources.ts";
import type { EventCluster } from "../analysis/types.ts";
import { createActorNames } from "./actor-names.ts";
import type { ExportFormat } from "./format.ts";

/** A TimelineJS date: only as precise as known. */
export interface TimelineDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export interface TimelineEvent {
  readonly start_date: TimelineDate;
  readonly text: { readonly headline: string; readonly text: string };
  readonly group: string;
  readonly unique_id: string;
}

export interface Timeline {
  readonly title: { readonly text: { readonly headline: string; readonly text: string } };
  readonly events: readonly TimelineEvent[];
}

/** TimelineJS renders `text` as HTML: quotes from articles must not become markup. */
function html(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const QUAD_LABEL = {
  verbalCooperation: "verbal cooperation",
  materialCooperation: "material cooperation",
  verbalConflict: "verbal conflict",
  materialConflict: "material conflict",
} as const;

function timelineEvent(
  cluster: EventCluster,
  nameOf: (key: string) => string,
  documents: ReadonlyMap<string, SourceDocument>,
): TimelineEvent | null {
  if (cluster.date === null) return null;
  const [year, month, day] = cluster.date.split("-").map(Number) as [number, number?, number?];
  const source = nameOf(cluster.sourceCountry ?? cluster.source);
  const targetKey = cluster.targetCountry ?? cluster.target;
  const target = targetKey === null ? null : nameOf(targetKey);
  const quad = quadClassOf(cluster.root);
  const reports = cluster.reports.map((report) => {
    const doc = documents.get(report.doc);
    const label = html(
      [report.outlet ?? doc?.title ?? report.doc, report.published].filter((x) => x !== null).join(", "),
    );
    const uri = doc?.uri;
    return uri !== undefined && /^https?:\/\//i.test(uri) ? `<a href="${html(uri)}">${label}</a>` : label;
  });
  return {
    start_date: { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) },
    text: {
      headline: `${target === null ? source : `${source} → ${target}`}: CAMEO ${cluster.cameo}${quad ? ` (${QUAD_LABEL[quad]})` : ""}`,
      text: `<p>“${html(cluster.reports[0]?.quote ?? "")}”</p><p>Goldstein ${cluster.goldstein}. ${cluster.sources} independent source${cluster.sources === 1 ? "" : "s"}: ${reports.join("; ")}</p>`,
    },
    // One row per pair of actors, whichever acted.
    group: target === null ? source : [source, target].sort().join(" – "),
    unique_id: cluster.id,
  };
}

/**
 * A TimelineJS timeline of the events: one slide per event (merged across
 * the documents that report it), dated as precisely as known (TimelineJS
 * takes a year alone, or year and month), grouped by pair of actors, with
 * the quoted sentence and its sources. Undated events cannot be placed and
 * are left out.
 */
export function buildTimeline(
  clusters: readonly EventCluster[],
  nameOf: (key: string) => string,
  documents: readonly SourceDocument[],
): Timeline {
  const byId = new Map<string, SourceDocument>(documents.map((doc) => [doc.id, doc]));
  const events = clusters
    .map((cluster) => timelineEvent(cluster, nameOf, byId))
    .filter((event): event is TimelineEvent => event !== null);
  return {
    title: {
      text: {
        headline: "Triangulate: events",
        text: `${events.length} events from ${documents.length} documents`,
      },
    },
    events,
  };
}

/** `--format timelinejs`: a TimelineJS JSON timeline of the events. */
export const timelinejsFormat: ExportFormat = {
  name: "timelinejs",
  description: "events as a TimelineJS JSON timeline",
  types(requested) {
    if (requested?.some((type) => type !== "event")) {
      throw new TriangulateError("usage", "timelinejs writes events only");
    }
    return new Set<RecordType>(["document", "actor", "event"]);
  },
  async *write(records) {
    const finder = createDuplicateFinder();
    const collected = await collectRecords(records, (doc) => {
      finder.add(doc.id, doc.text);
    });
    const sources = createSourceIndex(collected.documents, finder.groups());
    const timeline = buildTimeline(
      clusterEvents(collected.events, sources),
      createActorNames(collected.actors),
      collected.documents,
    );
    yield `${JSON.stringify(timeline, null, 1)}\n`;
  },
};
