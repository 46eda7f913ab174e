import { TriangulateError } from "../core/errors.ts";
import type { DocumentRecord, Extraction, Span } from "../core/records.ts";

/**
 * Checks what every store promises its readers before anything is written:
 * the document id is the prefix of its hash, and every mention, event and
 * claim belongs to the document, lies inside its text and quotes exactly
 * `text.slice(start, end)`; and a state on either side of an event carries its
 * own code as country, which country filters rely on.
 * @throws TriangulateError `invalid_data` naming the first record that breaks a rule.
 */
export function checkExtraction(doc: DocumentRecord, extraction: Extraction): void {
  if (!/^[0-9a-f]{64}$/.test(doc.sha256) || !doc.sha256.startsWith(doc.id)) {
    fail(doc, "sha256", `${doc.sha256} is not a SHA-256 starting with the id`);
  }
  // Record by record without building paths or lists: this runs on every
  // ingested document, and a path is only needed for the message of a failure.
  extraction.mentions.forEach((m, i) => {
    checkSpan(doc, "mentions", i, m, m.text);
  });
  extraction.events.forEach((e, i) => {
    checkSpan(doc, "events", i, e, e.quote);
  });
  extraction.claims.forEach((c, i) => {
    checkSpan(doc, "claims", i, c, c.quote);
  });
  extraction.events.forEach((e, i) => {
    if (isStateId(e.source) && String(e.sourceCountry) !== e.source) {
      fail(doc, `events[${i}].sourceCountry`, `${String(e.sourceCountry)} is not the state ${e.source}`);
    }
    if (e.target !== null && isStateId(e.target) && String(e.targetCountry) !== e.target) {
      fail(doc, `events[${i}].targetCountry`, `${String(e.targetCountry)} is not the state ${e.target}`);
    }
  });
}

/** A record belongs to the document and quotes exactly the text of its span. */
function checkSpan(
  doc: DocumentRecord,
  list: string,
  index: number,
  record: Span & { readonly doc: string },
  quoted: string,
): void {
  const path = (): string => `${list}[${index}]`;
  if (record.doc !== doc.id) fail(doc, `${path()}.doc`, `${record.doc} is not the document's id`);
  if (record.start > record.end || record.end > doc.text.length) {
    fail(doc, path(), `span ${record.start}..${record.end} is outside the text (${doc.text.length})`);
  }
  if (doc.text.slice(record.start, record.end) !== quoted) {
    fail(doc, path(), `text.slice(${record.start}, ${record.end}) is not its quote`);
  }
}

/** States are the actors whose id is their ISO alpha-3 code. */
function isStateId(id: string): boolean {
  return /^[A-Z]{3}$/.test(id);
}

function fail(doc: DocumentRecord, path: string, message: string): never {
  throw new TriangulateError("invalid_data", `document ${doc.id} (${doc.uri}): ${path}: ${message}`);
}
