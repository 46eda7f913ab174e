import { TriangulateError } from "../core/errors.ts";
import type { RecordType } from "../core/records.ts";
import { exportObject } from "./fields.ts";
import type { ExportFormat } from "./format.ts";

const DEFAULT_TYPES: readonly RecordType[] = ["document", "actor", "event", "claim"];

/** One JSON object a line, each with `type`: the format the evaluation scripts read. */
export const jsonlFormat: ExportFormat = {
  name: "jsonl",
  description: "one JSON record a line, each with its type",
  types(requested) {
    if (requested?.length === 0) throw new TriangulateError("usage", "--type lists no record type");
    return new Set(requested ?? DEFAULT_TYPES);
  },
  async *write(records, options) {
    for await (const record of records) {
      if (!options.types.has(record.type)) continue;
      const object = exportObject(record, options);
      // An analyst's correction goes with its record: who, when, and the values extracted.
      const corrected = "correction" in record ? { correction: record.correction } : {};
      yield `${JSON.stringify({ ...object, ...corrected })}\n`;
    }
  },
};
