import type { Deliver } from "../feeds/watch.ts";
import type { JobQueue } from "./job-queue.ts";

/**
 * Delivers new articles by queueing one job each for the workers, with the
 * feed item's date and title and the feed's outlet (as `deliverInProcess`
 * gives them). Every queued article is settled for the feed: from here the
 * queue tries it again, not the feed.
 */
export function deliverToQueue(queue: JobQueue): Deliver {
  return async ({ feed, items }) => {
    await queue.enqueue(
      items.map((item) => ({
        kind: "url",
        url: item.url,
        published: item.published,
        title: item.title,
        outlet: feed.outlet,
      })),
    );
    return items.map((item) => item.url);
  };
}
