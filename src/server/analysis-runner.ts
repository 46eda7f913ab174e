import type { Worker } from "node:worker_threads";
import type { AnalysisAnswers, AnalysisQueries, AnalysisQueryKind } from "../analysis/queries.ts";
import type { Store } from "../core/ports.ts";
import { startModuleWorker } from "../threads/module-worker.ts";
import type { WorkerRpc } from "../threads/worker-rpc.ts";
import { createWorkerRpc } from "../threads/worker-rpc.ts";
import type {
  AnalysisReply,
  AnalysisRequest,
  AnalysisSource,
  AnalysisWorkerData,
} from "./analysis-protocol.ts";

const ANALYSIS_WORKER = "analysis-worker";

/** An answer, and whether the knowledge base has changed since the reading it comes from. */
export interface AnalysisAnswer<K extends AnalysisQueryKind> {
  readonly body: AnalysisAnswers[K];
  /** True while a newer reading is being analysed: the answer is the last one completed. */
  readonly stale: boolean;
}

export interface AnalysisRunner {
  ask<K extends AnalysisQueryKind>(query: {
    readonly kind: K;
    readonly params: AnalysisQueries[K];
  }): Promise<AnalysisAnswer<K>>;
  /** Stops the analysis threads; questions still open fail. */
  close(): Promise<void>;
}

export interface AnalysisRunnerOptions {
  /** The knowledge base the threads read. */
  readonly source: AnalysisSource;
  /** The same knowledge base, asked on each question whether it changed (its revision). */
  readonly store: Pick<Store, "revision">;
}

/** A worker thread and the calls it has not answered yet. */
interface Thread {
  readonly worker: Worker;
  readonly rpc: WorkerRpc<AnalysisRequest, AnalysisReply>;
  /** Calls not yet answered (the thread keeps the process alive only while there are some). */
  calls: number;
  /** Replaced by a newer reading: stops once its last call is answered. */
  retired: boolean;
}

/** One reading of the knowledge base and its analysis, on a thread of its own. */
interface Generation {
  /** The revision of the knowledge base when the reading began. */
  readonly version: string;
  readonly thread: Thread;
  /** Settles once the reading is analysed. */
  readonly ready: Promise<void>;
}

async function call(thread: Thread, request: AnalysisRequest): Promise<AnalysisReply> {
  if (thread.calls++ === 0) thread.worker.ref();
  try {
    return await thread.rpc.call(request);
  } finally {
    if (--thread.calls === 0) {
      thread.worker.unref();
      if (thread.retired) void thread.rpc.terminate();
    }
  }
}

function retire(thread: Thread): void {
  thread.retired = true;
  if (thread.calls === 0) void thread.rpc.terminate();
}

/**
 * Answers the analysis endpoints off the server's thread, and keeps answering
 * while the knowledge base changes: the analysis of a reading (every record,
 * every text for near-copies, then the clusters) is made on a worker
 * thread; when the revision of the knowledge base differs from that of the
 * last completed reading, a new thread reads and analyses it while the last
 * one goes on answering, marked stale (stale-while-revalidate). Only the
 * first question waits for an analysis. One reading is made at a time:
 * during a long ingest the next starts when the previous completes.
 *
 * @example
 * const analysis = createAnalysisRunner({ source: { location: path }, store });
 * const { body, stale } = await analysis.ask({ kind: "sources", params: {} });
 */
export function createAnalysisRunner(options: AnalysisRunnerOptions): AnalysisRunner {
  let current: Generation | undefined;
  let next: Generation | undefined;
  let closed = false;

  const start = (version: string): Generation => {
    const data: AnalysisWorkerData = { source: options.source };
    const worker = startModuleWorker(import.meta.url, ANALYSIS_WORKER, data);
    worker.unref();
    const thread: Thread = {
      worker,
      rpc: createWorkerRpc<AnalysisRequest, AnalysisReply>(worker, "analysis"),
      calls: 0,
      retired: false,
    };
    const ready = call(thread, { kind: "ready" }).then(
      () => {
        if (next?.thread !== thread) return;
        next = undefined;
        if (current) retire(current.thread);
        current = generation;
      },
      (error: unknown) => {
        // The callers waiting for this reading get the error; the next question starts another.
        if (next?.thread === thread) next = undefined;
        retire(thread);
        throw error;
      },
    );
    // While an older reading answers, nobody may wait for this one: its failure is not unhandled.
    ready.catch(() => undefined);
    const generation: Generation = { version, thread, ready };
    return generation;
  };

  return {
    async ask(query) {
      if (closed) throw new Error("the analysis runner is closed");
      const version = await options.store.revision();
      if (current && !current.thread.rpc.alive) current = undefined;
      if (current?.version !== version) next ??= start(version);
      const serving = current ?? next;
      if (!serving) throw new Error("no analysis thread");
      await serving.ready;
      // A question of kind K is one of the requests, and its reply the answer of that kind (answerQuery).
      const request = query as AnalysisRequest;
      const body = (await call(serving.thread, request)) as AnalysisAnswers[typeof query.kind];
      return { body, stale: serving.version !== version };
    },
    async close() {
      closed = true;
      const generations = [current, next].filter((g): g is Generation => g !== undefined);
      current = next = undefined;
      await Promise.all(generations.map((generation) => generation.thread.rpc.terminate()));
    },
  };
}
