import type { Store } from "../../src/core/ports.ts";
import type { KbRecord, RecordType } from "../../src/core/records.ts";

const ALL: ReadonlySet<RecordType> = new Set(["document", "actor", "mention", "event", "claim"]);

/** Every record of a store, in the order it streams them. */
export async function allRecords(store: Store): Promise<KbRecord[]> {
  const out: KbRecord[] = [];
  for await (const record of store.records(ALL)) out.push(record);
  return out;
}

/**
 * The records of a store by document: for each document id, the JSON of the
 * document and of each of its mentions, events and claims, sorted; what two
 * stores written in different orders must still agree on.
 */
export async function recordsByDocument(store: Store): Promise<Map<string, string[]>> {
  const byDoc = new Map<string, string[]>();
  for (const record of await allRecords(store)) {
    if (record.type === "actor") continue;
    const doc = record.type === "document" ? record.id : record.doc;
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), JSON.stringify(record)]);
  }
  for (const records of byDoc.values()) records.sort();
  return byDoc;
}
