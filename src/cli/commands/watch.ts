import { checkAlerts } from "../../alerts/check.ts";
import { createWebhookSender } from "../../alerts/webhook.ts";
import type { NlpEngine, Store } from "../../core/ports.ts";
import { deliverInProcess } from "../../feeds/deliver-in-process.ts";
import type { Deliver, FeedPoll, WatchPassOptions } from "../../feeds/watch.ts";
import { pollDueFeeds } from "../../feeds/watch.ts";
import { deliverToQueue } from "../../queue/deliver-to-queue.ts";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "../../pipeline/ingest.ts";
import type { CodingKnowledge, Knowledge } from "../../extract/knowledge.ts";
import { loadCodingKnowledge, loadKnowledge } from "../../knowledge/load.ts";
import { createWinkEngine } from "../../nlp/wink-engine.ts";
import type { CliIo, Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { durationOrThrow } from "../duration.ts";
import { parseFlags } from "../flags.ts";
import { openQueue, QUEUE_HELP, resolveQueueUrl } from "../queue-url.ts";
import { createCliReporter } from "../reporter.ts";
import { processStopSignal } from "../stop-signal.ts";

const HELP = `Usage: triangulate watch [options]

Polls the feeds the knowledge base follows (triangulate feeds add URL) and
ingests their new articles: each page is fetched, its article read as a
browser's reader view does (PDFs too), and stored with the feed item's date
and title and the feed's outlet; alert rules are checked after each batch.
Feeds are asked with conditional GET (ETag / Last-Modified); a failing feed
waits twice as long after each failure, up to --max-backoff. An article a
feed delivered is fetched once; one that could not be fetched is tried
again at the next poll.

Articles are ingested by this process, or, with --queue, put on the job
queue for triangulate worker processes (which check the alert rules).

Options:
${DB_HELP}
${QUEUE_HELP}
  --interval D       time between polls of a feed (default 15m; 90s, 15m, 6h)
  --max-backoff D    the longest a failing feed waits (default 6h)
  --once             poll the feeds that are due once, then stop
  -h, --help         show this help

Stop with Ctrl-C (the current poll finishes first).
`;

/** However far the next poll is, the loop looks again this often, for feeds added meanwhile. */
const MAX_SLEEP_MS = 60_000;

export interface WatchCommandDeps {
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  /** Resolves when the loop should stop (Ctrl-C, SIGTERM); tests pass their own. */
  readonly stopSignal: () => Promise<void>;
}

const DEFAULT_DEPS: WatchCommandDeps = {
  fetch: (url, init) => fetch(url, init),
  now: () => new Date(),
  stopSignal: processStopSignal,
};

/** Creates the `watch` command; tests replace its clock, fetch and stop signal. */
export function createWatchCommand(overrides: Partial<WatchCommandDeps> = {}): Command {
  const deps = { ...DEFAULT_DEPS, ...overrides };
  return {
    name: "watch",
    summary: "poll the followed feeds and ingest their new articles",
    help: HELP,
    async run(argv, io) {
      const { values } = parseFlags(argv, {
        db: { type: "string" },
        interval: { type: "string" },
        "max-backoff": { type: "string" },
        once: { type: "boolean", default: false },
        queue: { type: "string" },
      });
      const queueUrl = resolveQueueUrl(values.queue, io);
      const options: WatchPassOptions = {
        fetch: deps.fetch,
        now: deps.now,
        timeoutMs: DEFAULT_TIMEOUT_MS,
        maxBytes: DEFAULT_MAX_BYTES,
        intervalMs: durationOrThrow("--interval", values.interval ?? "15m"),
        maxBackoffMs: durationOrThrow("--max-backoff", values["max-backoff"] ?? "6h"),
      };
      const store = await openExistingStore(resolveDbPath(values.db, io));
      try {
        if (queueUrl !== null) {
          const queue = await openQueue(queueUrl, io, false);
          try {
            return await watchLoop(store, deliverToQueue(queue), options, values.once, io, deps.stopSignal);
          } finally {
            await queue.close();
          }
        }
        return await watchInProcess(store, options, values.once, io, deps);
      } finally {
        await store.close();
      }
    },
  };
}

/** The watch loop ingesting in this process, with the alert rules checked after each feed's articles. */
async function watchInProcess(
  store: Store,
  options: WatchPassOptions,
  once: boolean,
  io: CliIo,
  deps: WatchCommandDeps,
): Promise<0 | 1> {
  const webhooks = createWebhookSender({
    fetch: deps.fetch,
    onGiveUp: (url, firing, reason) => {
      io.stderr.write(`triangulate watch: alert ${firing.id} not delivered to ${url}: ${reason}\n`);
    },
  });
  try {
    const deliver = deliverInProcess(ingestDeps(store, io, deps), async (added) => {
      const firings = await checkAlerts(added, { store, now: deps.now, webhooks });
      for (const firing of firings) io.stdout.write(`alert ${firing.id}: ${firing.message}\n`);
    });
    return await watchLoop(store, deliver, options, once, io, deps.stopSignal);
  } finally {
    // Firings still being posted get a moment before the process ends.
    await webhooks.drain(10_000);
  }
}

function ingestDeps(store: Store, io: CliIo, deps: WatchCommandDeps) {
  let nlp: NlpEngine | null = null;
  let knowledge: Knowledge | null = null;
  let coding: CodingKnowledge | null = null;
  return {
    store,
    // Loaded once for the life of the loop, on the first article.
    nlp: { analyse: (text: string) => (nlp ??= createWinkEngine()).analyse(text) },
    loadKnowledge: () => (knowledge ??= loadKnowledge()),
    loadCodingKnowledge: () => (coding ??= knowledge ?? loadCodingKnowledge()),
    fetch: (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) =>
      deps.fetch(url, init),
    reporter: createCliReporter(io),
  };
}

async function watchLoop(
  store: Store,
  deliver: Deliver,
  options: WatchPassOptions,
  once: boolean,
  io: CliIo,
  stopSignal: () => Promise<void>,
): Promise<0 | 1> {
  const run = { stopped: false };
  const stop = stopSignal().then(() => {
    run.stopped = true;
  });
  let failed = false;
  while (!run.stopped) {
    const polls = await pollDueFeeds(store, deliver, options);
    for (const poll of polls) {
      io.stdout.write(`${formatPoll(poll)}\n`);
      if (poll.kind === "failed") failed = true;
    }
    if (once) break;
    const feeds = await store.listFeeds();
    const next = Math.min(...feeds.map((feed) => Date.parse(feed.state.nextPoll ?? "") || 0));
    const wait = Math.max(1000, Math.min(MAX_SLEEP_MS, next - options.now().getTime()));
    await Promise.race([stop, new Promise((done) => setTimeout(done, wait).unref())]);
  }
  return once && failed ? EXIT.failed : EXIT.ok;
}

/** One line a poll: `feed 2 http://…: 3 new of 20 listed, 3 settled`. */
export function formatPoll(poll: FeedPoll): string {
  const name = `feed ${poll.feed.id} ${poll.feed.url}`;
  switch (poll.kind) {
    case "new":
      return `${name}: ${poll.delivered} new of ${poll.listed} listed, ${poll.settled} settled`;
    case "not-modified":
      return `${name}: not modified`;
    case "failed":
      return `${name}: failed (${poll.message}); next try ${poll.nextPoll ?? "at the next pass"}`;
    default:
      throw new Error(`unknown poll ${JSON.stringify(poll satisfies never)}`);
  }
}

/** `triangulate watch`. */
export const watchCommand: Command = createWatchCommand();
