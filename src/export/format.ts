import type { KbRecord, RecordType } from "../core/records.ts";

export interface ExportOptions {
  /** Whether documents carry their full `text`. */
  readonly includeText: boolean;
  /** The record types chosen (by `ExportFormat.types`). */
  readonly types: ReadonlySet<RecordType>;
}

/**
 * One `triangulate export --format NAME`: a pure function from records (in
 * the store's order: documents first) to chunks of output text.
 * `src/export/registry.ts` lists them.
 */
export interface ExportFormat {
  readonly name: string;
  /** One line for `triangulate export --help`. */
  readonly description: string;
  /**
   * The record types to read for what the user asked (`null`: no `--type`).
   * @throws TriangulateError `usage` naming a type this format cannot write.
   */
  types(requested: readonly RecordType[] | null): ReadonlySet<RecordType>;
  write(records: AsyncIterable<KbRecord> | Iterable<KbRecord>, options: ExportOptions): AsyncIterable<string>;
}
