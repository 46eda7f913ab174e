import { parseFeed } from "feedsmith";
import type { AnyFeed } from "feedsmith";
import { TriangulateError, errorMessage } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import { isoDateFromTimestamp } from "../ingest/dates.ts";

/** An article a feed lists: where it is, and what the feed says of it. */
export interface FeedItem {
  /** The article's absolute http(s) URL. */
  readonly url: string;
  readonly title: string | null;
  readonly published: IsoDate | null;
}

export interface ParsedFeed {
  readonly format: "rss" | "atom" | "rdf" | "json";
  readonly title: string | null;
  /** In the feed's order, each URL once. */
  readonly items: readonly FeedItem[];
}

/**
 * Reads an RSS 2.0 (or 0.9x/RDF 1.0), Atom or JSON Feed document with
 * feedsmith and keeps what ingest needs of each entry: its link (made
 * absolute against the feed's URL), title and date. Entries without an
 * http(s) link are left out.
 * @throws TriangulateError `invalid_input` when the text is no feed of these formats.
 *
 * @example parseFeedText('<rss version="2.0"><channel><item><link>/a</link></item></channel></rss>', "http://x/feed.xml").items[0].url === "http://x/a"
 */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  let parsed: AnyFeed;
  try {
    // JSON Feed is handed over as its object; XML as text.
    parsed = parseFeed(text.trimStart().startsWith("{") ? JSON.parse(text) : text);
  } catch (error) {
    throw new TriangulateError("invalid_input", `not an RSS, Atom or JSON feed: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  const entries = entriesOf(parsed);
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const entry of entries) {
    const url = absoluteHttpUrl(entry.link, feedUrl);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    items.push({
      url,
      title: entry.title?.replace(/\s+/g, " ").trim() || null,
      published: firstDate(entry.dates),
    });
  }
  return { format: parsed.format, title: titleOf(parsed), items };
}

interface Entry {
  readonly link: string | undefined;
  readonly title: string | undefined;
  /** Candidates, best first. */
  readonly dates: readonly (string | undefined)[];
}

function entriesOf(parsed: AnyFeed): Entry[] {
  switch (parsed.format) {
    case "rss":
      return (parsed.feed.items ?? []).map((item) => ({
        // A permalink guid stands for a missing link.
        link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
        title: item.title,
        dates: [item.pubDate, ...(item.dc?.dates ?? [])],
      }));
    case "rdf":
      return (parsed.feed.items ?? []).map((item) => ({
        link: item.link,
        title: item.title,
        dates: item.dc?.dates ?? [],
      }));
    case "atom":
      return (parsed.feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const alternate = links.find((link) => (link.rel ?? "alternate") === "alternate") ?? links[0];
        return { link: alternate?.href, title: entry.title?.value, dates: [entry.published, entry.updated] };
      });
    case "json":
      return (parsed.feed.items ?? []).map((item) => ({
        link: item.url ?? item.external_url,
        title: item.title,
        dates: [item.date_published, item.date_modified],
      }));
    default:
      throw new Error(`unknown feed format ${JSON.stringify(parsed satisfies never)}`);
  }
}

function titleOf(parsed: AnyFeed): string | null {
  const title = parsed.format === "atom" ? parsed.feed.title?.value : parsed.feed.title;
  return title?.trim() || null;
}

function absoluteHttpUrl(link: string | undefined, base: string): string | null {
  if (!link?.trim()) return null;
  try {
    const url = new URL(link.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

function firstDate(candidates: readonly (string | undefined)[]): IsoDate | null {
  for (const candidate of candidates) {
    const date = candidate ? isoDateFromTimestamp(candidate) : null;
    if (date) return date;
  }
  return null;
}
