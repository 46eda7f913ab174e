import type { DocId } from "../core/ids.ts";
import type { IngestFailure } from "../ingest/failure.ts";
import type { ManifestEntry } from "../ingest/manifest.ts";
import type { IngestDeps } from "../pipeline/ingest.ts";
import { ingest } from "../pipeline/ingest.ts";
import type { ItemResult } from "../pipeline/report.ts";
import type { FeedItem } from "./parse.ts";
import type { Deliver } from "./watch.ts";

/** Failures worth another try at the next poll: the page or the store may answer then. */
const TRANSIENT: ReadonlySet<IngestFailure["kind"]> = new Set(["fetch_failed", "store_failed"]);

/**
 * Feed items as ingest inputs: each URL with the feed item's date and title
 * and the feed's outlet as its metadata (they win over what the page says).
 */
export function feedManifest(items: readonly FeedItem[], outlet: string | null): ManifestEntry[] {
  return items.map((item) => ({
    kind: "url",
    url: item.url,
    published: item.published,
    title: item.title,
    outlet,
  }));
}

/** Whether an article is done with: stored, already there, or refused for good (not English, empty...). */
export function isSettled(result: ItemResult): boolean {
  return result.status !== "failed" || !TRANSIENT.has(result.failure.kind);
}

/**
 * Delivers new articles by ingesting them in this process (the embedded
 * SQLite store, where one process writes), then calls `afterBatch` with the
 * documents added (alerts are checked there).
 */
export function deliverInProcess(
  deps: Omit<IngestDeps, "readStdin">,
  afterBatch: (added: readonly DocId[], results: readonly ItemResult[]) => Promise<void>,
): Deliver {
  return async ({ feed, items }) => {
    const { results } = await ingest(
      items.map((item) => item.url),
      { manifest: feedManifest(items, feed.outlet) },
      { ...deps, readStdin: () => Promise.reject(new Error("a feed article is never read from stdin")) },
    );
    await afterBatch(
      results.flatMap((result) => (result.status === "added" ? [result.id] : [])),
      results,
    );
    return results.filter(isSettled).map((result) => result.uri);
  };
}
