import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../threads/module-worker.ts";
import type { NlpEngine } from "../core/ports.ts";
import type { Extraction } from "../core/records.ts";
import type { Knowledge } from "../extract/knowledge.ts";
import type { ExtractInput } from "../extract/pipeline.ts";
import { extractAnalysed, extractDocument } from "../extract/pipeline.ts";
import { unpackSentences } from "../nlp/packed.ts";
import type { AnalyseReply, AnalyseRequest } from "./analyse-worker.ts";
import type { WorkerReply, WorkerRequest } from "./extract-worker.ts";

/** Runs the extraction pipeline on documents, here or on other threads. */
export interface Extractor {
  extract(input: ExtractInput): Promise<Extraction>;
  /** How many documents it works on at once: how far ahead ingest may prepare. */
  readonly concurrency: number;
  close(): Promise<void>;
}

/** Extraction on this thread, one document at a time. */
export function createInProcessExtractor(nlp: NlpEngine, knowledge: Knowledge): Extractor {
  return {
    concurrency: 1,
    extract: (input) => {
      try {
        return Promise.resolve(extractDocument(input, nlp, knowledge));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: () => Promise.resolve(),
  };
}

interface Job {
  readonly input: ExtractInput;
  readonly resolve: (extraction: Extraction) => void;
  readonly reject: (error: Error) => void;
}

interface Thread {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
  alive: boolean;
}

/**
 * Extraction on `threads` worker threads, each with its own NLP engine and
 * knowledge (extraction is pure per document, so threads share nothing).
 * Documents go to the thread with the fewest in hand. Should every thread
 * die (a worker that cannot start), `fallback` extracts instead.
 */
export function createWorkerExtractor(threads: number, fallback: () => Extractor): Extractor {
  return createThreadExtractor(Math.max(1, threads), fallback, null);
}

/**
 * Sentences and tokens found on one worker thread, the rest of extraction
 * done on this one: two cores busy on each document, with little to copy
 * between them (packed sentences, no records). Should the thread die,
 * `fallback` extracts instead.
 */
export function createSplitExtractor(knowledge: () => Knowledge, fallback: () => Extractor): Extractor {
  return createThreadExtractor(1, fallback, knowledge);
}

/**
 * Worker threads that extract whole documents, or, when `finishHere` gives
 * the knowledge to extract with on this thread, that only analyse them.
 */
function createThreadExtractor(
  threads: number,
  fallback: () => Extractor,
  finishHere: (() => Knowledge) | null,
): Extractor {
  let nextId = 0;
  let fallen: Extractor | null = null;
  const settle = (job: Job, reply: WorkerReply | AnalyseReply): void => {
    if ("error" in reply) job.reject(new Error(reply.error));
    else if ("extraction" in reply) job.resolve(reply.extraction);
    else if (!finishHere) job.reject(new Error("an extraction thread sent sentences, not an extraction"));
    else {
      try {
        job.resolve(
          extractAnalysed(job.input, unpackSentences(job.input.text, reply.sentences), finishHere()),
        );
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  };
  const pool: Thread[] = Array.from({ length: threads }, () => {
    const thread: Thread = {
      worker: startModuleWorker(import.meta.url, finishHere ? "analyse-worker" : "extract-worker"),
      jobs: new Map(),
      alive: true,
    };
    thread.worker.on("message", (reply: WorkerReply | AnalyseReply) => {
      const job = thread.jobs.get(reply.id);
      if (!job) return;
      thread.jobs.delete(reply.id);
      settle(job, reply);
    });
    const die = (): void => {
      thread.alive = false;
      // The documents it held go to the other threads, or to the fallback once none is left.
      const orphans = [...thread.jobs.values()];
      thread.jobs.clear();
      for (const job of orphans) dispatch(job);
    };
    thread.worker.on("error", die);
    thread.worker.on("exit", () => {
      if (thread.alive) die();
    });
    return thread;
  });

  function dispatch(job: Job): void {
    const thread = pool
      .filter((candidate) => candidate.alive)
      .reduce<Thread | undefined>(
        (best, candidate) => (best && best.jobs.size <= candidate.jobs.size ? best : candidate),
        undefined,
      );
    if (!thread) {
      (fallen ??= fallback()).extract(job.input).then(job.resolve, job.reject);
      return;
    }
    const id = nextId++;
    thread.jobs.set(id, job);
    const request: WorkerRequest | AnalyseRequest = finishHere
      ? { id, text: job.input.text }
      : { id, input: job.input };
    thread.worker.postMessage(request);
  }

  return {
    concurrency: pool.length,
    extract: (input) =>
      new Promise<Extraction>((resolve, reject) => {
        dispatch({ input, resolve, reject });
      }),
    async close() {
      for (const thread of pool) thread.alive = false;
      await Promise.all(pool.map((thread) => thread.worker.terminate()));
      await fallen?.close();
    },
  };
}
