import type { DocId } from "../core/ids.ts";
import type { Store } from "../core/ports.ts";
import type { LanguageDetector } from "../ingest/language.ts";
import { isSettled } from "../feeds/deliver-in-process.ts";
import type { FetchLike } from "../ingest/read.ts";
import type { Extractor } from "../pipeline/extractor.ts";
import { ingestPlanned } from "../pipeline/ingest.ts";
import type { IngestSummary, ItemResult, Reporter } from "../pipeline/report.ts";
import { plannedFromJob } from "./document-job.ts";
import type { JobQueue, TakenJob } from "./job-queue.ts";

export interface WorkerDeps {
  readonly queue: JobQueue;
  readonly store: Store;
  /** Started once for the life of the worker (a model load per thread). */
  readonly extractor: Extractor;
  readonly detectLanguage: LanguageDetector;
  readonly fetch: FetchLike;
  readonly reporter: Reporter;
  /** Called once a batch is saved and its jobs settled (alert rules are checked there). */
  readonly afterBatch: (batch: WorkedBatch) => Promise<void>;
}

export interface WorkerOptions {
  /** Jobs taken at once: read and extracted ahead of each other, saved in one store transaction. */
  readonly concurrency: number;
  /** How long an idle worker waits before it looks for jobs again. */
  readonly idleMs: number;
  /** Stop once no job is waiting or active anywhere (a batch run), rather than wait for more. */
  readonly drain: boolean;
  /** Resolves when the worker should stop: it finishes the batch in hand first. */
  readonly stop: Promise<void>;
}

/** What one batch did. */
export interface WorkedBatch {
  readonly jobs: number;
  readonly summary: IngestSummary;
  /** Documents stored by this batch (not those already there). */
  readonly added: readonly DocId[];
}

export interface WorkerRun {
  readonly batches: number;
  readonly jobs: number;
  readonly failed: number;
}

/**
 * Takes document jobs off the queue a batch at a time, ingests each batch
 * through the pipeline (read, prepare, extract, save), completes the jobs
 * whose documents were stored or were there already, and fails the others
 * with their error: for good when the input can never be stored (empty,
 * not English, not a document job...), else to be tried again after a
 * delay (a page that could not be fetched, a store that failed). A job is
 * settled only after its document is saved, so a worker that dies loses
 * nothing: its jobs time out and are taken again, and a document saved
 * before the death is found by its SHA-256 and not added twice.
 */
export async function runWorker(deps: WorkerDeps, options: WorkerOptions): Promise<WorkerRun> {
  const run = { stopped: false, batches: 0, jobs: 0, failed: 0 };
  const stopped = options.stop.then(() => {
    run.stopped = true;
  });
  while (!run.stopped) {
    const jobs = await deps.queue.take(options.concurrency);
    if (jobs.length === 0) {
      // An idle worker gives back the jobs of dead ones, so they need not wait for the upkeep.
      await deps.queue.reclaim();
      if (options.drain && (await deps.queue.pending()) === 0) break;
      await Promise.race([stopped, new Promise((done) => setTimeout(done, options.idleMs).unref())]);
      continue;
    }
    const batch = await workBatch(jobs, deps);
    run.batches++;
    run.jobs += batch.jobs;
    run.failed += batch.summary.failed;
    await deps.afterBatch(batch);
  }
  return { batches: run.batches, jobs: run.jobs, failed: run.failed };
}

/** Ingests the documents of the jobs, then completes or fails each job by its document's result. */
async function workBatch(jobs: readonly TakenJob[], deps: WorkerDeps): Promise<WorkedBatch> {
  const { results, summary } = await ingestPlanned(
    jobs.map((job) => plannedFromJob(job.data)),
    {},
    {
      store: deps.store,
      extractor: deps.extractor,
      detectLanguage: deps.detectLanguage,
      fetch: deps.fetch,
      reporter: deps.reporter,
      readStdin: () => Promise.reject(new Error("a queued job is never read from stdin")),
    },
  );
  const done: string[] = [];
  for (const [i, job] of jobs.entries()) {
    const result: ItemResult | undefined = results[i];
    if (result === undefined) await deps.queue.fail(job.id, "the ingest run gave no result for this job");
    else if (result.status !== "failed") done.push(job.id);
    // A page that could not be fetched, a store that did not answer: worth another try.
    else if (!isSettled(result)) await deps.queue.fail(job.id, result.failure.message);
    else await deps.queue.refuse(job.id, result.failure.message);
  }
  await deps.queue.complete(done);
  const added = results.flatMap((result) => (result.status === "added" ? [result.id] : []));
  return { jobs: jobs.length, summary, added };
}
