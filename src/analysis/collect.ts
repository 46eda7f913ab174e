import type { ActorRecord, ClaimRecord, DocumentRecord, EventRecord, KbRecord } from "../core/records.ts";
import type { SourceDocument } from "./sources.ts";

/** The records an analysis or an analyst export reads, gathered by type. */
export interface CollectedRecords {
  readonly documents: SourceDocument[];
  readonly actors: ActorRecord[];
  readonly events: EventRecord[];
  readonly claims: ClaimRecord[];
}

/**
 * Gathers a stream of records (the store's `records()`, documents first) by
 * type. Document texts are not kept: `onDocument` sees each full document
 * as it passes (to feed a `DuplicateFinder`) without the texts all staying
 * in memory.
 */
export async function collectRecords(
  records: AsyncIterable<KbRecord> | Iterable<KbRecord>,
  onDocument?: (doc: DocumentRecord) => void,
): Promise<CollectedRecords> {
  const collected: CollectedRecords = { documents: [], actors: [], events: [], claims: [] };
  for await (const record of records) {
    switch (record.type) {
      case "document": {
        onDocument?.(record);
        const { text: _text, ...summary } = record;
        collected.documents.push(summary);
        break;
      }
      case "actor":
        collected.actors.push(record);
        break;
      case "event":
        collected.events.push(record);
        break;
      case "claim":
        collected.claims.push(record);
        break;
      case "mention":
        break;
      default: {
        const unexpected: never = record;
        throw new Error(`unknown record ${JSON.stringify(unexpected)}`);
      }
    }
  }
  return collected;
}
