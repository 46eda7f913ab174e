import type { ClaimClusterItem, ClaimItem, DyadItem, EventItem } from "../api.ts";
import { cameoName } from "./cameo-names.ts";

/**
 * What a view's table downloads as CSV and JSON: pure functions from the rows
 * in view to text. The columns are the records' own fields (codes, ISO dates,
 * plain numbers), with names beside codes, so that a spreadsheet or a script
 * reads them without our formatting.
 */

export type Cell = string | number | boolean | null;

/** One column of an export: its key (the CSV header and the JSON field) and how a row gives its value. */
export interface ExportColumn<T> {
  readonly key: string;
  readonly value: (row: T) => Cell;
}

/** A table to export: its rows and columns, and the name its files are saved under. */
export interface ExportTable<T> {
  readonly name: string;
  readonly columns: readonly ExportColumn<T>[];
  readonly rows: readonly T[];
}

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
 * break. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`
 * first) gets a leading apostrophe; numbers are written as they are.
 */
function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell !== "string") return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rows as CSV: a header line of the column keys, then a line a row, CRLF-separated.
 *
 * @example toCsv({ name: "x", columns: [{ key: "n", value: (r) => r }], rows: [1, 2] }) // "n\r\n1\r\n2\r\n"
 */
export function toCsv<T>(table: ExportTable<T>): string {
  const lines = [table.columns.map((c) => csvField(c.key)).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** The rows as a JSON array of objects keyed by the column keys, in column order. */
export function toJson<T>(table: ExportTable<T>): string {
  const objects = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((c) => [c.key, c.value(row)])),
  );
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/**
 * A file name for an export: `triangulate-<name>-<YYYY-MM-DD>.<extension>`,
 * the name cut down to letters, digits and dashes.
 *
 * @example exportFileName("Events of AZE–IRN", "csv", new Date("2026-12-07")) // "triangulate-events-of-aze-irn-2026-12-07.csv"
 */
export function exportFileName(name: string, extension: string, now: Date): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `triangulate-${slug || "export"}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** The ids of event or claim rows: the selection a STIX bundle is asked for. */
export function recordIds(rows: readonly { readonly id: string }[]): string[] {
  return rows.map((row) => row.id);
}

/** Events: who did what to whom, when, with the sentence and its document. */
export function eventColumns(name: (key: string) => string): readonly ExportColumn<EventItem>[] {
  return [
    { key: "id", value: (e) => e.id },
    { key: "date", value: (e) => e.date },
    { key: "source", value: (e) => e.source },
    { key: "sourceName", value: (e) => name(e.source) },
    { key: "cameo", value: (e) => e.cameo },
    { key: "action", value: (e) => cameoName(e.cameo) },
    { key: "target", value: (e) => e.target },
    { key: "targetName", value: (e) => (e.target === null ? null : name(e.target)) },
    { key: "goldstein", value: (e) => e.goldstein },
    { key: "modality", value: (e) => e.modality },
    { key: "doc", value: (e) => e.doc },
    { key: "quote", value: (e) => e.quote },
  ];
}

/** Claims: the figure, what it measures, and who published it where. */
export const CLAIM_COLUMNS: readonly ExportColumn<ClaimItem>[] = [
  { key: "id", value: (c) => c.id },
  { key: "value", value: (c) => c.value },
  { key: "valueMax", value: (c) => c.valueMax },
  { key: "unit", value: (c) => c.unit },
  { key: "qualifier", value: (c) => c.qualifier },
  { key: "metric", value: (c) => c.metric },
  { key: "subjects", value: (c) => c.subjects.join(" ") },
  { key: "period", value: (c) => c.period },
  { key: "outlet", value: (c) => c.outlet },
  { key: "published", value: (c) => c.published },
  { key: "doc", value: (c) => c.doc },
  { key: "quote", value: (c) => c.quote },
];

/** One figure of a cluster, with the cluster it belongs to. */
export interface ClusterFigure {
  readonly cluster: ClaimClusterItem;
  readonly figure: ClaimClusterItem["claims"][number];
}

/** The figures of clusters, a row each, so that a conflict's figures sit on lines side by side. */
export function clusterFigures(clusters: readonly ClaimClusterItem[]): ClusterFigure[] {
  return clusters.flatMap((cluster) => cluster.claims.map((figure) => ({ cluster, figure })));
}

export const CLUSTER_COLUMNS: readonly ExportColumn<ClusterFigure>[] = [
  { key: "cluster", value: (r) => r.cluster.id },
  { key: "status", value: (r) => r.cluster.status },
  { key: "metric", value: (r) => r.cluster.metric },
  { key: "unit", value: (r) => r.cluster.unit },
  { key: "subjects", value: (r) => r.cluster.subjects.join(" ") },
  { key: "sources", value: (r) => r.cluster.sources },
  { key: "value", value: (r) => r.figure.value },
  { key: "valueMax", value: (r) => r.figure.valueMax },
  { key: "qualifier", value: (r) => r.figure.qualifier },
  { key: "period", value: (r) => r.figure.period },
  { key: "outlet", value: (r) => r.figure.outlet },
  { key: "published", value: (r) => r.figure.published },
  { key: "doc", value: (r) => r.figure.doc },
  { key: "quote", value: (r) => r.figure.quote },
];

/** A dyad's series: a row a period (and direction, when directed). */
export const DYAD_COLUMNS: readonly ExportColumn<DyadItem>[] = [
  { key: "a", value: (d) => d.a },
  { key: "b", value: (d) => d.b },
  { key: "period", value: (d) => d.period },
  { key: "events", value: (d) => d.events },
  { key: "goldsteinMean", value: (d) => d.goldsteinMean },
  { key: "goldsteinSum", value: (d) => d.goldstein },
  { key: "verbalCooperation", value: (d) => d.verbalCooperation },
  { key: "materialCooperation", value: (d) => d.materialCooperation },
  { key: "verbalConflict", value: (d) => d.verbalConflict },
  { key: "materialConflict", value: (d) => d.materialConflict },
  { key: "notes", value: (d) => d.notes.join("; ") },
];
