import type { Store } from "../core/ports.ts";
import type { ActorRecord, RecordType } from "../core/records.ts";
import type { AnalysisInput } from "./analysis.ts";
import { collectRecords } from "./collect.ts";
import { createDuplicateFinder } from "./near-duplicates.ts";

const TYPES: ReadonlySet<RecordType> = new Set<RecordType>(["document", "actor", "event", "claim"]);

/**
 * Reads what the analysis needs from a store through its port, in one pass:
 * document summaries (texts only pass through the near-copy finder, one at
 * a time), actors (for display names), events and claims (as analysts
 * corrected them), and the analysts' merges and splits of claim clusters.
 */
export async function readAnalysisInput(
  store: Pick<Store, "records" | "clusterCorrections">,
): Promise<AnalysisInput & { readonly actors: readonly ActorRecord[] }> {
  const finder = createDuplicateFinder();
  const collected = await collectRecords(store.records(TYPES), (doc) => {
    finder.add(doc.id, doc.text);
  });
  return {
    ...collected,
    nearDuplicates: finder.groups(),
    clusterCorrections: await store.clusterCorrections(),
  };
}
