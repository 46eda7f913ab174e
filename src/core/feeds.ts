/**
 * Feeds a knowledge base follows, and what the watch loop remembers of each
 * between polls. Stored through the `Store` port.
 */

/** How a feed was last answered, for conditional GET and backoff. */
export interface FeedState {
  /** The validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** When the feed was last asked for (ISO 8601 timestamp), and when it may be asked again. */
  readonly lastPolled: string | null;
  readonly nextPoll: string | null;
  /** Failed polls in a row (0 after a success); the backoff grows with it. */
  readonly failures: number;
  readonly lastError: string | null;
}

export interface Feed {
  readonly id: number;
  /** The http(s) URL of the RSS, Atom or JSON feed. */
  readonly url: string;
  /** The outlet its articles are stored under; null leaves it to each page. */
  readonly outlet: string | null;
  /** When it was added (ISO 8601 timestamp). */
  readonly added: string;
  readonly state: FeedState;
}

/** The state of a feed never polled. */
export const NEW_FEED_STATE: FeedState = {
  etag: null,
  lastModified: null,
  lastPolled: null,
  nextPoll: null,
  failures: 0,
  lastError: null,
};
