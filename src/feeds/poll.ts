import { errorMessage } from "../core/errors.ts";
import type { Feed, FeedState } from "../core/feeds.ts";
import { decodeBytes } from "../ingest/decode.ts";
import type { FetchLike } from "../ingest/read.ts";
import type { ParsedFeed } from "./parse.ts";
import { parseFeedText } from "./parse.ts";

/** How asking a feed for news went. */
export type PollResult =
  | {
      readonly kind: "fetched";
      readonly feed: ParsedFeed;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  /** 304: nothing new since the validators we sent. */
  | { readonly kind: "not-modified" }
  | {
      readonly kind: "failed";
      readonly message: string;
      /** What a 429 or 503's Retry-After asked for, in milliseconds. */
      readonly retryAfterMs: number | null;
    };

export interface PollOptions {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  /** Larger feeds are refused. */
  readonly maxBytes: number;
}

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

/**
 * Asks for a feed with a conditional GET (If-None-Match / If-Modified-Since
 * from its state) and parses what comes back; never throws: a failure is a result.
 */
export async function pollFeed(feed: Feed, options: PollOptions): Promise<PollResult> {
  const failed = (message: string, retryAfterMs: number | null = null): PollResult => ({
    kind: "failed",
    message,
    retryAfterMs,
  });
  const headers: Record<string, string> = { accept: ACCEPT };
  if (feed.state.etag) headers["if-none-match"] = feed.state.etag;
  if (feed.state.lastModified) headers["if-modified-since"] = feed.state.lastModified;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await options.fetch(feed.url, { signal, headers });
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: "not-modified" };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return failed(
        `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
        retryAfterMs(response.headers.get("retry-after")),
      );
    }
    if (Number(response.headers.get("content-length") ?? 0) > options.maxBytes) {
      await response.body?.cancel();
      return failed(`feed too large (over ${options.maxBytes} bytes)`);
    }
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength > options.maxBytes) return failed(`feed too large (${body.byteLength} bytes)`);
    const charset = /charset="?([^";]+)/i.exec(response.headers.get("content-type") ?? "")?.[1] ?? null;
    const decoded = decodeBytes(body, charset);
    if (!decoded.ok) return failed(decoded.message);
    return {
      kind: "fetched",
      feed: parseFeedText(decoded.text, response.url || feed.url),
      etag: response.headers.get("etag"),
      lastModified: response.headers.get("last-modified"),
    };
  } catch (error) {
    if (signal.aborted) return failed(`timed out after ${options.timeoutMs / 1000} s`);
    return failed(messageOf(error));
  }
}

/** Seconds or an HTTP date, as milliseconds from now; null when absent or unreadable. */
function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function messageOf(error: unknown): string {
  // Node's fetch says only "fetch failed"; the reason is its cause.
  if (error instanceof Error && error.message === "fetch failed" && error.cause instanceof Error)
    return error.cause.message;
  return errorMessage(error);
}

export interface ScheduleOptions {
  /** Time between polls of a feed that answers. */
  readonly intervalMs: number;
  /** The longest a failing feed waits; the wait doubles with each failure in a row up to it. */
  readonly maxBackoffMs: number;
}

/**
 * A feed's state after a poll: a success keeps the validators it brought
 * (a 304 those it had) and polls again after the interval; a failure waits
 * the interval doubled for each failure in a row, up to the maximum, or
 * longer when the server asked for it.
 *
 * @example nextFeedState(state, { kind: "failed", message: "HTTP 503", retryAfterMs: null }, now, options).failures === state.failures + 1
 */
export function nextFeedState(
  state: FeedState,
  result: PollResult,
  now: Date,
  options: ScheduleOptions,
): FeedState {
  const at = (ms: number): string => new Date(now.getTime() + ms).toISOString();
  const lastPolled = now.toISOString();
  switch (result.kind) {
    case "fetched":
      return {
        etag: result.etag,
        lastModified: result.lastModified,
        lastPolled,
        nextPoll: at(options.intervalMs),
        failures: 0,
        lastError: null,
      };
    case "not-modified":
      return { ...state, lastPolled, nextPoll: at(options.intervalMs), failures: 0, lastError: null };
    case "failed": {
      const failures = state.failures + 1;
      const backoff = Math.min(options.intervalMs * 2 ** Math.min(failures, 30), options.maxBackoffMs);
      return {
        ...state,
        lastPolled,
        nextPoll: at(Math.max(backoff, result.retryAfterMs ?? 0)),
        failures,
        lastError: result.message,
      };
    }
    default:
      throw new Error(`unknown poll result ${JSON.stringify(result satisfies never)}`);
  }
}

/** Whether a feed is due at `now`: never polled, or its wait is over. */
export function isDue(state: FeedState, now: Date): boolean {
  return state.nextPoll === null || Date.parse(state.nextPoll) <= now.getTime();
}
