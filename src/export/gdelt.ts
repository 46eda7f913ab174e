import { IGO, isStateCode } from "../core/codes.ts";
import { TriangulateError } from "../core/errors.ts";
import { datePrecision } from "../core/ids.ts";
import type { RecordType } from "../core/records.ts";
import { collectRecords } from "../analysis/collect.ts";
import { clusterEvents } from "../analysis/event-clusters.ts";
import { hash48 } from "../analysis/hash.ts";
import { createDuplicateFinder } from "../analysis/near-duplicates.ts";
import { quadClassNumber, quadClassOf } from "../core/quad-class.ts";
import { createSourceIndex } from "../analysis/sources.ts";
import type { EventCluster } from "../analysis/types.ts";
import { createActorNames } from "./actor-names.ts";
import type { ExportFormat } from "./format.ts";

/** The 61 columns of a GDELT 2.0 event record, in GDELT's order. */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  ...actorColumns("Actor1"),
  ...actorColumns("Actor2"),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...geoColumns("Actor1Geo"),
  ...geoColumns("Actor2Geo"),
  ...geoColumns("ActionGeo"),
  "DATEADDED",
  "SOURCEURL",
] as const;

function actorColumns(prefix: string): string[] {
  return ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code"]
    .concat(["Type1Code", "Type2Code", "Type3Code"])
    .map((column) => `${prefix}${column}`);
}

function geoColumns(prefix: string): string[] {
  return ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map(
    (column) => `${prefix}_${column}`,
  );
}

type Row = Partial<Record<(typeof GDELT_COLUMNS)[number], string | number>>;

function actorCells(
  prefix: "Actor1" | "Actor2",
  id: string | null,
  country: string | null,
  nameOf: (key: string) => string,
): Row {
  if (id === null) return {};
  // GDELT writes names upper-case.
  const name = nameOf(id).toUpperCase().replace(/\s+/g, " ");
  const row: Record<string, string> = { [`${prefix}Code`]: country ?? "", [`${prefix}Name`]: name };
  // Group codes are no state: `IGO` is a CAMEO actor type, the others have no GDELT column.
  if (isStateCode(country)) row[`${prefix}CountryCode`] = country;
  if (country === IGO) row[`${prefix}Type1Code`] = IGO;
  return row;
}

/**
 * `YYYY.FFFF` as GDELT computes it: the year plus (month × 30 + day) / 365,
 * an approximation of the share of the year passed that tools reading
 * GDELT files expect as it is.
 */
function fractionDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return (year + (month * 30 + date) / 365).toFixed(4);
}

/**
 * One GDELT row of an event cluster. Dates are written only as precisely as
 * they are known: `SQLDATE` and `FractionDate` for a full date, `MonthYear`
 * from a month, `Year` from a year; GDELT has no way to say "some day in
 * April", and a made-up first of the month would be read as a fact.
 * NumMentions counts reports, NumArticles documents, NumSources independent
 * sources; `DATEADDED` is the first report's publication day, `SOURCEURL`
 * its document.
 */
function gdeltRow(
  cluster: EventCluster,
  nameOf: (key: string) => string,
  uriOf: (doc: string) => string,
): Row {
  const date = cluster.date;
  const precision = date === null ? null : datePrecision(date);
  const quad = quadClassOf(cluster.root);
  const first = cluster.reports[0];
  const published = first?.published ?? null;
  return {
    GLOBALEVENTID: hash48(cluster.id),
    ...(date !== null && precision === "day"
      ? { SQLDATE: date.replaceAll("-", ""), FractionDate: fractionDate(date) }
      : {}),
    ...(date !== null && precision !== "year" ? { MonthYear: date.slice(0, 7).replace("-", "") } : {}),
    ...(date !== null ? { Year: date.slice(0, 4) } : {}),
    ...actorCells("Actor1", cluster.source, cluster.sourceCountry, nameOf),
    ...actorCells("Actor2", cluster.target, cluster.targetCountry, nameOf),
    EventCode: cluster.cameo,
    EventBaseCode: cluster.cameo.slice(0, 3),
    EventRootCode: cluster.root,
    ...(quad ? { QuadClass: quadClassNumber(quad) } : {}),
    GoldsteinScale: cluster.goldstein,
    NumMentions: cluster.reports.length,
    NumSources: cluster.sources,
    NumArticles: new Set(cluster.reports.map((report) => report.doc)).size,
    ...(published !== null && datePrecision(published) === "day"
      ? { DATEADDED: `${published.replaceAll("-", "")}000000` }
      : {}),
    ...(first ? { SOURCEURL: uriOf(first.doc) } : {}),
  };
}

/** A cell: tabs and line breaks would break the row, so they become spaces. */
function cell(value: string | number | undefined): string {
  return value === undefined ? "" : String(value).replace(/[\t\r\n]+/g, " ");
}

/**
 * `--format gdelt`: one tab-separated line per event (merged across the
 * documents that report it) in the 61 columns of GDELT 2.0's event table,
 * after a header line of the column names; columns we have no data for
 * (ethnic and religion codes, tone, geography) stay empty.
 */
export const gdeltFormat: ExportFormat = {
  name: "gdelt",
  description: "events in GDELT 2.0's tab-separated event columns, one a line",
  types(requested) {
    if (requested?.some((type) => type !== "event")) {
      throw new TriangulateError("usage", "gdelt writes events only");
    }
    // Documents give the source URLs and independent sources, actors the names.
    return new Set<RecordType>(["document", "actor", "event"]);
  },
  async *write(records) {
    const finder = createDuplicateFinder();
    const collected = await collectRecords(records, (doc) => {
      finder.add(doc.id, doc.text);
    });
    const sources = createSourceIndex(collected.documents, finder.groups());
    const nameOf = createActorNames(collected.actors);
    const uris = new Map(collected.documents.map((doc) => [doc.id as string, doc.uri ?? ""]));
    const uriOf = (doc: string): string => uris.get(doc) ?? "";
    yield `${GDELT_COLUMNS.join("\t")}\n`;
    for (const cluster of clusterEvents(collected.events, sources)) {
      const row = gdeltRow(cluster, nameOf, uriOf);
      yield `${GDELT_COLUMNS.map((column) => cell(row[column])).join("\t")}\n`;
    }
  },
};
