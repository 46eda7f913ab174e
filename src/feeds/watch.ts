import { errorMessage } from "../core/errors.ts";
import type { Feed } from "../core/feeds.ts";
import type { Store } from "../core/ports.ts";
import type { FeedItem } from "./parse.ts";
import type { PollOptions, ScheduleOptions } from "./poll.ts";
import { isDue, nextFeedState, pollFeed } from "./poll.ts";

/** New articles of one feed, to be fetched, extracted and stored. */
export interface Delivery {
  readonly feed: Feed;
  readonly items: readonly FeedItem[];
}

/**
 * Where new articles go: ingested in this process (SQLite) or put on the
 * queue for workers (PostgreSQL). Returns the URLs that are settled, which
 * no feed will deliver again; an article left out (a page that could not be
 * fetched this time) is delivered again at the next poll.
 */
export type Deliver = (delivery: Delivery) => Promise<readonly string[]>;

/** What one poll of one feed did. */
export type FeedPoll =
  | {
      readonly kind: "new";
      readonly feed: Feed;
      readonly listed: number;
      readonly delivered: number;
      readonly settled: number;
    }
  | { readonly kind: "not-modified"; readonly feed: Feed }
  | {
      readonly kind: "failed";
      readonly feed: Feed;
      readonly message: string;
      readonly nextPoll: string | null;
    };

export interface WatchPassOptions extends PollOptions, ScheduleOptions {
  readonly now: () => Date;
}

/**
 * Polls every feed that is due, once: conditional GET, the articles no feed
 * has delivered yet handed to `deliver`, those it settles noted as
 * delivered, and each feed's state (validators, backoff) recorded. A feed's
 * failure (network, HTTP status, not a feed) never stops the others.
 */
export async function pollDueFeeds(
  store: Store,
  deliver: Deliver,
  options: WatchPassOptions,
): Promise<readonly FeedPoll[]> {
  const polls: FeedPoll[] = [];
  for (const feed of await store.listFeeds()) {
    if (!isDue(feed.state, options.now())) continue;
    const result = await pollFeed(feed, options);
    const state = nextFeedState(feed.state, result, options.now(), options);
    if (result.kind === "failed") {
      await store.setFeedState(feed.id, state);
      polls.push({ kind: "failed", feed, message: result.message, nextPoll: state.nextPoll });
      continue;
    }
    if (result.kind === "not-modified") {
      await store.setFeedState(feed.id, state);
      polls.push({ kind: "not-modified", feed });
      continue;
    }
    const listed = result.feed.items;
    const unseen = new Set(await store.unseenArticles(listed.map((item) => item.url)));
    const items = listed.filter((item) => unseen.has(item.url));
    let settled: readonly string[] = [];
    try {
      settled = items.length > 0 ? await deliver({ feed, items }) : [];
    } catch (error) {
      // Nothing was settled: the validators are not kept, so the next poll lists the articles again.
      const failed = {
        kind: "failed" as const,
        message: `delivery failed: ${errorMessage(error)}`,
        retryAfterMs: null,
      };
      const failedState = nextFeedState(feed.state, failed, options.now(), options);
      await store.setFeedState(feed.id, failedState);
      polls.push({ kind: "failed", feed, message: failed.message, nextPoll: failedState.nextPoll });
      continue;
    }
    await store.markArticlesSeen(feed.id, settled);
    // With articles left to fetch again, the next poll must get the whole feed, not a 304.
    const keep = settled.length === items.length;
    await store.setFeedState(feed.id, keep ? state : { ...state, etag: null, lastModified: null });
    polls.push({
      kind: "new",
      feed,
      listed: listed.length,
      delivered: items.length,
      settled: settled.length,
    });
  }
  return polls;
}
