import { TriangulateError } from "../core/errors.ts";
import type { RecordType } from "../core/records.ts";
import { csvFormat } from "./csv.ts";
import { RECORD_TYPES } from "./fields.ts";
import type { ExportFormat } from "./format.ts";
import { gdeltFormat } from "./gdelt.ts";
import { gexfFormat } from "./gexf.ts";
import { jsonlFormat } from "./jsonl.ts";
import { stixFormat } from "./stix.ts";
import { timelinejsFormat } from "./timelinejs.ts";

/** Every export format, the default first. Adding one: a file beside this one and a line here. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  jsonlFormat,
  csvFormat,
  gdeltFormat,
  stixFormat,
  gexfFormat,
  timelinejsFormat,
];

/**
 * The format called `name`.
 * @throws TriangulateError `usage` naming the value and the formats there are.
 */
export function exportFormatOrThrow(name: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.name === name);
  if (!format) {
    throw new TriangulateError(
      "usage",
      `unknown format "${name}" (formats: ${EXPORT_FORMATS.map((f) => f.name).join(", ")})`,
    );
  }
  return format;
}

/**
 * Parses `--type document,event` (repeatable, comma-separated) into record types, in export order.
 * @throws TriangulateError `usage` naming an unknown type.
 */
export function recordTypesOrThrow(values: readonly string[]): readonly RecordType[] {
  const names = values.flatMap((v) => v.split(",")).map((v) => v.trim());
  for (const name of names) {
    if (!(RECORD_TYPES as readonly string[]).includes(name)) {
      throw new TriangulateError("usage", `unknown type "${name}" (types: ${RECORD_TYPES.join(", ")})`);
    }
  }
  return RECORD_TYPES.filter((t) => names.includes(t));
}
