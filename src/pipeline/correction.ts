import type { DocumentRecord, DocumentSummary } from "../core/records.ts";
import type { GivenMeta } from "../ingest/manifest.ts";
import { isUrl } from "../ingest/sources.ts";

/**
 * The stored document `stored` as an ingest of the same text corrects it,
 * or null when the ingest changes nothing. What the ingest was given (a
 * manifest entry, the command line's flags, a feed item) is the latest word
 * on a document's title, outlet and date and replaces the stored value; what
 * the text itself says (an HTML title, a dateline) never does, so ingesting
 * a folder again without its manifest keeps the manifest's metadata. A URL
 * is the document's address and replaces the stored one; a file path, where
 * one copy was read from, does not.
 *
 * @example
 * correctedDocument(stored, prepared, { published: "2024-03-02", outlet: null, title: null })
 * // prepared with `published: "2024-03-02"` and the stored uri, title and outlet; null if stored has that date
 */
export function correctedDocument(
  stored: DocumentSummary,
  prepared: DocumentRecord,
  given: GivenMeta,
): DocumentRecord | null {
  const corrected: DocumentRecord = {
    ...prepared,
    uri: isUrl(prepared.uri) ? prepared.uri : stored.uri,
    title: given.title ?? stored.title,
    outlet: given.outlet ?? stored.outlet,
    published: given.published ?? stored.published,
  };
  const same =
    corrected.uri === stored.uri &&
    corrected.title === stored.title &&
    corrected.outlet === stored.outlet &&
    corrected.published === stored.published;
  return same ? null : corrected;
}
