import { TriangulateError } from "../../core/errors.ts";
import type { Feed } from "../../core/feeds.ts";
import type { Store } from "../../core/ports.ts";
import { openStore } from "../../store/open.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { clip, formatTable, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate feeds add URL [--outlet NAME]
       triangulate feeds list [--json]
       triangulate feeds remove ID|URL

The RSS, Atom and JSON feeds the knowledge base follows; triangulate watch
polls them and ingests their new articles.

Options:
${DB_HELP}
  --outlet NAME      (add) the outlet the feed's articles are stored under;
                     otherwise each page's own (og:site_name)
  --json             (list) one JSON array of feeds with their polling state
  -h, --help         show this help
`;

/** An http(s) URL, as feeds are fetched. @throws TriangulateError `usage`. */
export function httpUrlOrThrow(what: string, value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new TriangulateError("usage", `${what}: not an http(s) URL: ${value}`);
  }
  return new URL(value).href;
}

/** Runs `run` on a store and closes it, whatever happens. */
export async function withStore<T>(store: Store, run: (store: Store) => Promise<T>): Promise<T> {
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** `triangulate feeds`: add, list and remove the feeds `watch` polls. */
export const feedsCommand: Command = {
  name: "feeds",
  summary: "add, list and remove the RSS, Atom and JSON feeds that watch polls",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { db: { type: "string" }, outlet: { type: "string" }, json: { type: "boolean", default: false } },
      { positionals: true },
    );
    const [action, ...args] = positionals;
    const path = resolveDbPath(values.db, io);
    const one = (what: string): string => {
      const [value, extra] = args;
      if (value === undefined) throw new TriangulateError("usage", `feeds ${action ?? ""}: give ${what}`);
      if (extra !== undefined) throw new TriangulateError("usage", `unexpected argument '${extra}'`);
      return value;
    };
    if (values.outlet !== undefined && action !== "add")
      throw new TriangulateError("usage", "--outlet goes with feeds add");
    switch (action) {
      case "add": {
        const url = httpUrlOrThrow("feeds add", one("the feed's URL"));
        const outlet = values.outlet?.trim() || null;
        // The first feed may come before the first article: the knowledge base is created.
        const feed = await withStore(await openStore(path), (store) =>
          store.addFeed(url, outlet, new Date().toISOString()),
        );
        io.stdout.write(`Following ${feed.url} (feed ${feed.id}${outlet ? `, outlet ${outlet}` : ""})\n`);
        return EXIT.ok;
      }
      case "list": {
        if (args.length > 0) throw new TriangulateError("usage", `unexpected argument '${args[0] ?? ""}'`);
        const feeds = await withStore(await openExistingStore(path), (store) => store.listFeeds());
        if (values.json) writeJson(io, feeds);
        else io.stdout.write(formatFeeds(feeds));
        return EXIT.ok;
      }
      case "remove": {
        const which = one("the feed's id or URL");
        const removed = await withStore(await openExistingStore(path), async (store) => {
          const feed = (await store.listFeeds()).find((f) => String(f.id) === which || f.url === which);
          return feed !== undefined && (await store.removeFeed(feed.id)) ? feed : null;
        });
        if (!removed)
          throw new TriangulateError("not_found", `no feed ${which} (see triangulate feeds list)`);
        io.stdout.write(`No longer following ${removed.url} (feed ${removed.id})\n`);
        return EXIT.ok;
      }
      case undefined:
        throw new TriangulateError("usage", "give add, list or remove");
      default:
        throw new TriangulateError("usage", `unknown action "${action}": use add, list or remove`);
    }
  },
};

/** The feeds as a table: id, URL, outlet, last poll, next poll, failures and the last error. */
export function formatFeeds(feeds: readonly Feed[]): string {
  return formatTable(
    ["id", "url", "outlet", "last poll", "next poll", "failures", "last error"],
    feeds.map((feed) => [
      feed.id,
      clip(feed.url, 60),
      feed.outlet ?? "",
      shortTime(feed.state.lastPolled),
      shortTime(feed.state.nextPoll),
      feed.state.failures,
      clip(feed.state.lastError ?? "", 40),
    ]),
  );
}

/** `2026-12-01 10:05` for an ISO timestamp; `never` for none. */
function shortTime(timestamp: string | null): string {
  return timestamp === null ? "never" : timestamp.slice(0, 16).replace("T", " ");
}
