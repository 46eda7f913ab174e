import { TriangulateError } from "../core/errors.ts";
import { datePrecision, isoDateOrThrow } from "../core/ids.ts";
import type { ActorRecord, RecordType } from "../core/records.ts";
import { collectRecords } from "../analysis/collect.ts";
import { round2 } from "../analysis/dyads.ts";
import { clusterEvents } from "../analysis/event-clusters.ts";
import { dayRange } from "../core/calendar.ts";
import { createSourceIndex } from "../analysis/sources.ts";
import type { EventCluster } from "../analysis/types.ts";
import type { ExportFormat } from "./format.ts";

// Characters XML 1.0 cannot hold at all (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/F).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML attribute value or element: escaped, characters XML cannot hold dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join("");
}

interface Tally {
  events: number;
  goldstein: number;
}

interface Edge extends Tally {
  readonly source: string;
  readonly target: string;
  /** Per month (`YYYY-MM`), for events dated to the month or day. */
  readonly months: Map<string, Tally>;
}

/** The first and last day (`YYYY-MM-DD`) of a month `YYYY-MM`. */
function monthSpell(month: string): { start: string; end: string } {
  const { first, last } = dayRange(isoDateOrThrow(month));
  return { start: first, end: last };
}

/** The actor network as a GEXF 1.3 document, built from event clusters. */
export function buildGexf(
  clusters: readonly EventCluster[],
  actors: readonly ActorRecord[],
  lastModified: string,
): string {
  const byId = new Map<string, ActorRecord>(actors.map((actor) => [actor.id, actor]));
  const nodes = new Map<string, Tally>();
  const edges = new Map<string, Edge>();
  for (const cluster of clusters) {
    if (cluster.target === null) continue;
    const source = cluster.sourceCountry ?? cluster.source;
    const target = cluster.targetCountry ?? cluster.target;
    if (source === target) continue;
    for (const node of [source, target]) {
      const tally = nodes.get(node) ?? { events: 0, goldstein: 0 };
      tally.events++;
      tally.goldstein += cluster.goldstein;
      nodes.set(node, tally);
    }
    const key = `${source}\u0000${target}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { source, target, events: 0, goldstein: 0, months: new Map() }));
    edge.events++;
    edge.goldstein += cluster.goldstein;
    // A year-dated event would need a spell over the whole year, overlapping
    // the month spells Gephi needs disjoint; it counts in the totals only.
    if (cluster.date !== null && datePrecision(cluster.date) !== "year") {
      const month = cluster.date.slice(0, 7);
      const tally = edge.months.get(month) ?? { events: 0, goldstein: 0 };
      tally.events++;
      tally.goldstein += cluster.goldstein;
      edge.months.set(month, tally);
    }
  }

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${attributes({ lastmodifieddate: lastModified })}>`,
    "    <creator>Triangulate</creator>",
    "    <description>Actors and the events between them (CAMEO), each event counted once however many articles report it; edge weight is the number of events, goldstein their mean Goldstein value, monthly values over time.</description>",
    "  </meta>",
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
    '    <attributes class="node" mode="static">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="country" title="country" type="string"/>',
    '      <attribute id="events" title="events" type="integer"/>',
    '      <attribute id="goldstein" title="goldstein" type="double"/>',
    "    </attributes>",
    '    <attributes class="edge" mode="static">',
    '      <attribute id="events" title="events" type="integer"/>',
    '      <attribute id="goldstein" title="goldstein" type="double"/>',
    "    </attributes>",
    '    <attributes class="edge" mode="dynamic">',
    '      <attribute id="monthEvents" title="events in the month" type="integer"/>',
    '      <attribute id="monthGoldstein" title="goldstein in the month" type="double"/>',
    "    </attributes>",
    "    <nodes>",
  ];
  for (const [id, tally] of [...nodes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const actor = byId.get(id);
    lines.push(
      `      <node${attributes({ id, label: actor?.name ?? id })}>`,
      "        <attvalues>",
      `          <attvalue${attributes({ for: "kind", value: actor?.kind ?? "unknown" })}/>`,
      `          <attvalue${attributes({ for: "country", value: actor?.country ?? "" })}/>`,
      `          <attvalue${attributes({ for: "events", value: tally.events })}/>`,
      `          <attvalue${attributes({ for: "goldstein", value: round2(tally.goldstein / tally.events) })}/>`,
      "        </attvalues>",
      "      </node>",
    );
  }
  lines.push("    </nodes>", "    <edges>");
  for (const edge of [...edges.values()].sort((x, y) =>
    x.source !== y.source ? (x.source < y.source ? -1 : 1) : x.target < y.target ? -1 : 1,
  )) {
    const months = [...edge.months].sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(
      `      <edge${attributes({ id: `${edge.source}->${edge.target}`, source: edge.source, target: edge.target, weight: edge.events })}>`,
      "        <attvalues>",
      `          <attvalue${attributes({ for: "events", value: edge.events })}/>`,
      `          <attvalue${attributes({ for: "goldstein", value: round2(edge.goldstein / edge.events) })}/>`,
    );
    for (const [month, tally] of months) {
      const spell = monthSpell(month);
      lines.push(
        `          <attvalue${attributes({ for: "monthEvents", value: tally.events, ...spell })}/>`,
        `          <attvalue${attributes({ for: "monthGoldstein", value: round2(tally.goldstein / tally.events), ...spell })}/>`,
      );
    }
    lines.push("        </attvalues>");
    if (months.length > 0) {
      lines.push("        <spells>");
      for (const [month] of months) lines.push(`          <spell${attributes(monthSpell(month))}/>`);
      lines.push("        </spells>");
    }
    lines.push("      </edge>");
  }
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return lines.join("\n");
}

export interface GexfOptions {
  /** When the export is made: the file's `lastmodifieddate`. */
  readonly now?: () => Date;
}

/** Builds the `gexf` export format; `now` is injectable so that tests get a fixed date. */
export function createGexfFormat(options: GexfOptions = {}): ExportFormat {
  const now = options.now ?? (() => new Date());
  return {
    name: "gexf",
    description: "the actor network over time (GEXF 1.3, for Gephi)",
    types(requested) {
      if (requested?.some((type) => type !== "event" && type !== "actor")) {
        throw new TriangulateError("usage", "gexf writes the network of actors and events only");
      }
      return new Set<RecordType>(["document", "actor", "event"]);
    },
    async *write(records) {
      const collected = await collectRecords(records);
      // Merging reports into events does not depend on which sources are copies; counting them does, and GEXF does not count them.
      const sources = createSourceIndex(collected.documents);
      yield buildGexf(
        clusterEvents(collected.events, sources),
        collected.actors,
        now().toISOString().slice(0, 10),
      );
    },
  };
}

/** `--format gexf`, dated the day of the export. */
export const gexfFormat: ExportFormat = createGexfFormat();
