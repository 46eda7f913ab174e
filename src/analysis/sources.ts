import type { DocId, IsoDate } from "../core/ids.ts";
import type { DocumentSummary } from "../core/records.ts";
import { createUnionFind } from "./union-find.ts";

/** What the analysis needs to know of a document. */
export type SourceDocument = Pick<DocumentSummary, "id" | "outlet" | "published"> &
  Partial<Pick<DocumentSummary, "uri" | "title">>;

/** Answers which documents are independent of each other. */
export interface SourceIndex {
  /** The key of the independent source behind a document; documents with one key count once. */
  sourceOf(doc: DocId): string;
  /** How many independent sources lie behind these documents. */
  count(docs: Iterable<DocId>): number;
  outletOf(doc: DocId): string | null;
  publishedOf(doc: DocId): IsoDate | null;
  document(doc: DocId): SourceDocument | undefined;
}

/** `The Jerusalem Post`, `jerusalem post ` and `Jerusalem  Post` name one outlet. */
export function outletKey(outlet: string): string {
  return outlet.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/^the /, "");
}

/**
 * Groups documents into independent sources: documents of one outlet are one
 * source, and so are near-copies (syndicated or copied text, from
 * `findNearDuplicates`) whatever their outlets; a document with no outlet
 * and no copy is a source of its own. Joining is transitive: if outlet A
 * reprints a story of outlet B, A and B count as one source wherever they
 * appear together.
 */
export function createSourceIndex(
  documents: readonly SourceDocument[],
  nearDuplicates: readonly (readonly DocId[])[] = [],
): SourceIndex {
  const byId = new Map<DocId, SourceDocument>(documents.map((doc) => [doc.id, doc]));
  const union = createUnionFind<string>();
  const docKey = (doc: DocId): string => `doc:${doc}`;
  for (const doc of documents) {
    union.add(docKey(doc.id));
    if (doc.outlet?.trim()) union.join(`outlet:${outletKey(doc.outlet)}`, docKey(doc.id));
  }
  for (const group of nearDuplicates) {
    const [first, ...rest] = group;
    if (first === undefined) continue;
    for (const other of rest) union.join(docKey(first), docKey(other));
  }
  const sourceOf = (doc: DocId): string => union.find(docKey(doc));
  return {
    sourceOf,
    count(docs) {
      const keys = new Set<string>();
      for (const doc of docs) keys.add(sourceOf(doc));
      return keys.size;
    },
    outletOf: (doc) => byId.get(doc)?.outlet ?? null,
    publishedOf: (doc) => byId.get(doc)?.published ?? null,
    document: (doc) => byId.get(doc),
  };
}
