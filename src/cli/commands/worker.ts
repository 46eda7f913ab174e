import { checkAlerts } from "../../alerts/check.ts";
import { createWebhookSender } from "../../alerts/webhook.ts";
import { TriangulateError } from "../../core/errors.ts";
import type { NlpEngine, Store } from "../../core/ports.ts";
import { loadFunctionWords } from "../../ingest/language-data.ts";
import { createLanguageDetector } from "../../ingest/language.ts";
import { loadCodingKnowledge, loadKnowledge } from "../../knowledge/load.ts";
import { createWinkEngine } from "../../nlp/wink-engine.ts";
import type { Extractor } from "../../pipeline/extractor.ts";
import { startExtractor } from "../../pipeline/ingest.ts";
import { runWorker } from "../../queue/worker.ts";
import { openStore } from "../../store/open.ts";
import type { CliIo, Command, ExitCode } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { QUEUE_HELP, openQueue, queueUrlOrThrow } from "../queue-url.ts";
import { createCliReporter, formatSummary } from "../reporter.ts";
import { processStopSignal } from "../stop-signal.ts";

const HELP = `Usage: triangulate worker [options]

Takes document jobs off the queue (queued by triangulate ingest --queue and
triangulate watch --queue), reads and extracts each document, and stores
it in the knowledge base; alert rules are checked after each batch. Run as
many workers as you like, on any machines that reach the queue's database:
each job is taken by one worker at a time. A document already stored (the
same text, by its SHA-256) is not added again.

A job that fails is tried again later (see triangulate queue setup); a
worker that dies gives its jobs back to the queue after the job timeout.

Options:
${DB_HELP}
${QUEUE_HELP}
                     (or --db, when that is PostgreSQL)
  --concurrency N    jobs taken at once: read and extracted ahead of each
                     other, saved in one transaction (default 32)
  --drain            stop once no job is waiting or active, instead of
                     waiting for more
  -h, --help         show this help

Files named by jobs are read at the path they were queued with: workers on
other machines need the same path (a shared folder). Stop with Ctrl-C or
SIGTERM: the batch in hand is finished and its jobs settled first.
`;

/** How long an idle worker waits before it looks for jobs again. */
const IDLE_MS = 2000;

export interface WorkerCommandDeps {
  /** Resolves when the worker should stop (Ctrl-C, SIGTERM); tests pass their own. */
  readonly stopSignal: () => Promise<void>;
  readonly fetch: typeof fetch;
}

const DEFAULT_DEPS: WorkerCommandDeps = {
  stopSignal: processStopSignal,
  fetch: (url, init) => fetch(url, init),
};

/** Creates the `worker` command; tests replace its stop signal or fetch. */
export function createWorkerCommand(overrides: Partial<WorkerCommandDeps> = {}): Command {
  const deps = { ...DEFAULT_DEPS, ...overrides };
  return {
    name: "worker",
    summary: "take document jobs off the queue and store them (run any number)",
    help: HELP,
    async run(argv, io) {
      const { values } = parseFlags(argv, {
        db: { type: "string" },
        queue: { type: "string" },
        concurrency: { type: "string" },
        drain: { type: "boolean", default: false },
      });
      const queueUrl = queueUrlOrThrow(values.queue, values.db, io);
      const concurrency = concurrencyOrThrow(values.concurrency ?? "32");
      return work(queueUrl, resolveDbPath(values.db, io), concurrency, values.drain, io, deps);
    },
  };
}

async function work(
  queueUrl: string,
  dbPath: string,
  concurrency: number,
  drain: boolean,
  io: CliIo,
  deps: WorkerCommandDeps,
): Promise<ExitCode> {
  const stop = deps.stopSignal();
  const queue = await openQueue(queueUrl, io, true);
  const webhooks = createWebhookSender({
    fetch: deps.fetch,
    onGiveUp: (url, firing, reason) => {
      io.stderr.write(`triangulate worker: alert ${firing.id} not delivered to ${url}: ${reason}\n`);
    },
  });
  let store: Store | null = null;
  let extractor: Extractor | null = null;
  try {
    // SQLite: the batch just extracted is written on a thread while the next is extracted.
    store = await openStore(dbPath, { writerThread: true });
    let nlp: NlpEngine | null = null;
    extractor = startExtractor(undefined, {
      // Used only should the analysis thread die: this thread then loads its own model.
      nlp: { analyse: (text) => (nlp ??= createWinkEngine()).analyse(text) },
      loadKnowledge: () => loadKnowledge(),
      loadCodingKnowledge: () => loadCodingKnowledge(),
    });
    await extractor.loaded();
    io.stdout.write(`worker ${process.pid}: taking jobs, ${concurrency} at a time\n`);
    const kb = store;
    const run = await runWorker(
      {
        queue,
        store: kb,
        extractor,
        detectLanguage: createLanguageDetector(loadFunctionWords()),
        fetch: deps.fetch,
        reporter: createCliReporter(io),
        afterBatch: async ({ summary, added }) => {
          io.stdout.write(`${formatSummary(summary)}\n`);
          const firings = await checkAlerts(added, { store: kb, now: () => new Date(), webhooks });
          for (const firing of firings) io.stdout.write(`alert ${firing.id}: ${firing.message}\n`);
        },
      },
      { concurrency, idleMs: IDLE_MS, drain, stop },
    );
    io.stdout.write(
      `worker ${process.pid} stopped: ${run.jobs} jobs in ${run.batches} batches, ${run.failed} failed\n`,
    );
    return EXIT.ok;
  } finally {
    await webhooks.drain(10_000);
    await extractor?.close();
    await store?.close();
    await queue.close();
  }
}

function concurrencyOrThrow(value: string): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 1000)
    throw new TriangulateError("usage", `--concurrency: not a number from 1 to 1000: ${value}`);
  return Number(value);
}

/** `triangulate worker`. */
export const workerCommand: Command = createWorkerCommand();
