import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../core/module-worker.ts";
import type { NlpEngine } from "../core/ports.ts";
import type { Extraction } from "../core/records.ts";
import type { Knowledge } from "../extract/knowledge.ts";
import type { ExtractInput } from "../extract/pipeline.ts";
import { extractDocument } from "../extract/pipeline.ts";
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
  let nextId = 0;
  let fallen: Extractor | null = null;
  const pool: Thread[] = Array.from({ length: Math.max(1, threads) }, () => {
    const thread: Thread = {
      worker: startModuleWorker(import.meta.url, "extract-worker"),
      jobs: new Map(),
      alive: true,
    };
    thread.worker.on("message", (reply: WorkerReply) => {
      const job = thread.jobs.get(reply.id);
      if (!job) return;
      thread.jobs.delete(reply.id);
      if ("extraction" in reply) job.resolve(reply.extraction);
      else job.reject(new Error(reply.error));
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
    const request: WorkerRequest = { id, input: job.input };
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
