import type { DocId } from "../core/ids.ts";
import type { IngestFailure } from "../ingest/failure.ts";

/**
 * The outcome of one input: a document stored, corrected (a stored text
 * given other metadata) or already there, a failure, or a file passed over.
 */
export type ItemResult =
  | {
      readonly status: "added" | "updated" | "unchanged";
      readonly uri: string;
      readonly id: DocId;
      /** What extraction found: zero for an unchanged document, which is not extracted again. */
      readonly actors: number;
      readonly events: number;
      readonly claims: number;
    }
  | { readonly status: "failed"; readonly uri: string; readonly failure: IngestFailure }
  /** A file in a folder that is not an article (`.pdf`, `.json`, ...). */
  | { readonly status: "skipped"; readonly uri: string; readonly reason: string };

export interface IngestSummary {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly skipped: number;
  /** Distinct actors of the added and updated documents; their events and claims. */
  readonly actors: number;
  readonly events: number;
  readonly claims: number;
}

/** Progress of an ingest run, as it happens: the CLI draws it, tests record it. */
export interface Reporter {
  /** Once the inputs are expanded: how many items will be reported. */
  start(total: number): void;
  /** As each item finishes, in input order. */
  item(result: ItemResult): void;
  finish(summary: IngestSummary): void;
}

/** A reporter that says nothing. */
export const SILENT_REPORTER: Reporter = {
  start: () => undefined,
  item: () => undefined,
  finish: () => undefined,
};
