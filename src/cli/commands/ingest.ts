import { TriangulateError, errorMessage } from "../../core/errors.ts";
import { isIsoDate, isoDateOrThrow } from "../../core/ids.ts";
import type { NlpEngine, Store } from "../../core/ports.ts";
import type { CodingKnowledge, Knowledge } from "../../extract/knowledge.ts";
import { ingest, planIngest } from "../../pipeline/ingest.ts";
import { documentJob } from "../../queue/document-job.ts";
import type { GivenMeta, ManifestEntry } from "../../ingest/manifest.ts";
import { readManifest } from "../../ingest/manifest.ts";
import type { FetchLike } from "../../ingest/read.ts";
import { readStream } from "../../ingest/read.ts";
import { loadCodingKnowledge, loadKnowledge } from "../../knowledge/load.ts";
import { createWinkEngine } from "../../nlp/wink-engine.ts";
import { openStore } from "../../store/open.ts";
import type { CliIo, Command, ExitCode } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { reportAlerts } from "../alerts-after-ingest.ts";
import { openQueue, resolveQueueUrl } from "../queue-url.ts";
import { createCliReporter, formatSummary } from "../reporter.ts";

const HELP = `Usage: triangulate ingest [options] INPUT...

Reads articles, extracts actors, events and figures, and stores them.

Inputs:
  FILE          a .txt, .md or .html/.htm article
  FOLDER        every such file below it (other files are skipped and
                counted; manifest.json is never ingested)
  URL           an http(s) page, fetched now (20 s timeout, 5 MB limit)
  -             one article from stdin

Options:
${DB_HELP}
  --manifest FILE    a JSON array of {file | url, published, outlet, title};
                     files are relative to the manifest; without INPUTs,
                     every entry is ingested
  --published DATE   publication date of a single input: YYYY, YYYY-MM or
                     YYYY-MM-DD (otherwise read from the page or a dateline)
  --outlet NAME      outlet of a single input
  --title TEXT       title of a single input
  --queue URL        put one job a document on this queue (a PostgreSQL
                     database; default: $TRIANGULATE_QUEUE) for triangulate
                     worker processes, instead of extracting here; files
                     are queued by their absolute path
  --threads N        with 50 or more documents, extract on N worker threads,
                     each loading its own model (pays with idle cores), or
                     all on the main thread with 0; by default one worker
                     thread finds sentences and tokens, the main thread the
                     rest
  -h, --help         show this help

The same text twice is stored once. A stored text given other metadata
(--manifest, --published/--outlet/--title, or a URL as its address) is
updated: it takes them, and its events and figures are extracted again
against its date. Inputs that are binary, empty, missing,
not valid UTF-8, over 5 MB or not in English are reported on stderr, one
line each, and nothing of them is stored; the rest still go in.

Exit status: 0 all inputs stored, updated or unchanged, 1 some input failed,
2 usage error (a missing or invalid --manifest is one: nothing is read).
`;

/** What the command builds its run from; tests replace some. */
export interface IngestCommandDeps {
  readonly openStore: (path: string) => Promise<Store>;
  readonly createNlp: () => NlpEngine;
  readonly loadKnowledge: () => Knowledge;
  readonly loadCodingKnowledge: () => CodingKnowledge;
  readonly fetch: FetchLike;
}

const DEFAULT_DEPS: IngestCommandDeps = {
  // The batch just extracted is written while the next is extracted.
  openStore: (path) => openStore(path, { writerThread: true }),
  createNlp: createWinkEngine,
  loadKnowledge: () => loadKnowledge(),
  loadCodingKnowledge: () => loadCodingKnowledge(),
  fetch: (url, init) => fetch(url, init),
};

interface Invocation {
  readonly inputs: readonly string[];
  readonly db: string | undefined;
  readonly manifest: string | undefined;
  readonly given: { published?: string; outlet?: string; title?: string };
  readonly threads: number | undefined;
  readonly queue: string | undefined;
  readonly help: boolean;
}

const FLAGS = {
  db: { type: "string" },
  manifest: { type: "string" },
  published: { type: "string" },
  outlet: { type: "string" },
  title: { type: "string" },
  threads: { type: "string" },
  queue: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function parseInvocation(argv: readonly string[]): Invocation {
  const { values, positionals } = parseFlags(argv, FLAGS, { positionals: true });
  const given = {
    ...(values.published === undefined ? {} : { published: values.published }),
    ...(values.outlet === undefined ? {} : { outlet: values.outlet }),
    ...(values.title === undefined ? {} : { title: values.title }),
  };
  return {
    inputs: positionals,
    db: values.db,
    manifest: values.manifest,
    given,
    threads: parseThreads(values.threads),
    queue: values.queue,
    help: values.help === true,
  };
}

function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,2}$/.test(value))
    throw new TriangulateError("usage", `--threads: not a number from 0 to 99: ${value}`);
  return Number(value);
}

function validate(invocation: Invocation): void {
  const { inputs, manifest, given } = invocation;
  const flags = Object.keys(given).map((flag) => `--${flag}`);
  if (inputs.length === 0 && manifest === undefined)
    throw new TriangulateError("usage", "no inputs: give files, folders, URLs or -");
  if (flags.length > 0 && manifest !== undefined) {
    throw new TriangulateError(
      "usage",
      `${flags.join(", ")} cannot be combined with --manifest: put the metadata in the manifest`,
    );
  }
  if (flags.length > 0 && inputs.length !== 1) {
    throw new TriangulateError(
      "usage",
      `${flags.join(", ")} apply to a single input; use --manifest for several`,
    );
  }
  if (given.published !== undefined && !isIsoDate(given.published)) {
    throw new TriangulateError(
      "usage",
      `--published: not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${given.published}`,
    );
  }
  for (const [flag, value] of Object.entries(given)) {
    if (!value.trim()) throw new TriangulateError("usage", `--${flag} must not be empty`);
  }
}

/** The metadata of `--published/--outlet/--title` (checked by `validate`). */
function givenMeta(invocation: Invocation): GivenMeta {
  const { published, outlet, title } = invocation.given;
  return {
    published: published === undefined ? null : isoDateOrThrow(published),
    outlet: outlet ?? null,
    title: title ?? null,
  };
}

/** Creates the `ingest` command; `overrides` replace its store, NLP, knowledge or fetch (tests). */
export function createIngestCommand(overrides: Partial<IngestCommandDeps> = {}): Command {
  const deps = { ...DEFAULT_DEPS, ...overrides };
  return {
    name: "ingest",
    summary: "read articles (files, folders, URLs, stdin) into the knowledge base",
    help: HELP,
    async run(argv, io): Promise<ExitCode> {
      const usage = (message: string): ExitCode => {
        io.stderr.write(`triangulate ingest: ${message} (see triangulate ingest --help)\n`);
        return EXIT.usage;
      };
      let invocation: Invocation;
      let manifest: readonly ManifestEntry[] | undefined;
      let dbPath: string;
      let queueUrl: string | null;
      try {
        invocation = parseInvocation(argv);
        if (invocation.help) {
          io.stdout.write(HELP);
          return EXIT.ok;
        }
        validate(invocation);
        dbPath = resolveDbPath(invocation.db, io);
        queueUrl = resolveQueueUrl(invocation.queue, io);
        if (queueUrl !== null && invocation.inputs.includes("-"))
          throw new TriangulateError("usage", "stdin (-) cannot be queued: only this process can read it");
        // A manifest that cannot be read or is invalid stops the run before anything is stored.
        manifest =
          invocation.manifest === undefined ? undefined : await readManifest(invocation.manifest, io.cwd);
      } catch (error) {
        return usage(errorMessage(error));
      }
      return queueUrl === null
        ? runIngest(invocation, dbPath, manifest, io, deps)
        : enqueueInputs(invocation, queueUrl, manifest, io);
    },
  };
}

async function runIngest(
  invocation: Invocation,
  dbPath: string,
  manifest: readonly ManifestEntry[] | undefined,
  io: CliIo,
  deps: IngestCommandDeps,
): Promise<ExitCode> {
  let store: Store;
  try {
    store = await deps.openStore(dbPath);
  } catch (error) {
    io.stderr.write(`triangulate ingest: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
  try {
    const { summary, results } = await ingest(
      invocation.inputs,
      {
        manifest,
        cwd: io.cwd,
        threads: invocation.threads,
        given: givenMeta(invocation),
      },
      {
        store,
        nlp: lazyEngine(deps.createNlp),
        loadKnowledge: deps.loadKnowledge,
        loadCodingKnowledge: deps.loadCodingKnowledge,
        fetch: deps.fetch,
        reporter: createCliReporter(io),
        readStdin: (maxBytes) => readStream(io.stdin, maxBytes),
      },
    );
    io.stdout.write(`${formatSummary(summary)}\n`);
    await reportAlerts(store, results, io);
    return summary.failed > 0 ? EXIT.failed : EXIT.ok;
  } catch (error) {
    // Knowledge that cannot be loaded (a broken data file): nothing was read or stored.
    io.stderr.write(`triangulate ingest: ${errorMessage(error)}\n`);
    return EXIT.failed;
  } finally {
    await store.close();
  }
}

/**
 * Queues one job a document of the inputs (folders walked, metadata
 * merged, as ingest does) for the workers. Inputs that cannot be read
 * here (missing, of an unsupported type) are reported and not queued.
 */
async function enqueueInputs(
  invocation: Invocation,
  queueUrl: string,
  manifest: readonly ManifestEntry[] | undefined,
  io: CliIo,
): Promise<ExitCode> {
  const planned = await planIngest(invocation.inputs, {
    manifest,
    cwd: io.cwd,
    given: givenMeta(invocation),
  });
  let failed = 0;
  for (const { item } of planned) {
    if (item.kind !== "failed") continue;
    failed++;
    io.stderr.write(`${item.uri}: ${item.failure.message}\n`);
  }
  const skipped = planned.filter(({ item }) => item.kind === "skipped").length;
  const jobs = planned.flatMap((input) => documentJob(input) ?? []);
  const queue = await openQueue(queueUrl, io, false);
  try {
    await queue.enqueue(jobs);
  } finally {
    await queue.close();
  }
  io.stdout.write(
    `queued ${jobs.length} document${jobs.length === 1 ? "" : "s"}: ${failed} failed, ${skipped} skipped\n`,
  );
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** An engine made on first use: when extraction runs on worker threads, this thread never loads the model. */
function lazyEngine(create: () => NlpEngine): NlpEngine {
  let engine: NlpEngine | null = null;
  return { analyse: (text) => (engine ??= create()).analyse(text) };
}

/** `triangulate ingest`. */
export const ingestCommand: Command = createIngestCommand();
