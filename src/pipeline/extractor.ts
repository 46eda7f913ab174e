import type { NlpEngine } from "../core/ports.ts";
import type { Extraction } from "../core/records.ts";
import type { CodingKnowledge, Knowledge } from "../extract/knowledge.ts";
import type { ExtractInput } from "../extract/pipeline.ts";
import { extractAnalysed, extractDocument } from "../extract/pipeline.ts";
import { unpackSentences } from "../nlp/packed.ts";
import { startModuleWorker } from "../threads/module-worker.ts";
import type { WorkerRpc } from "../threads/worker-rpc.ts";
import { ThreadStoppedError, createWorkerRpc } from "../threads/worker-rpc.ts";
import type { AnalyseReply, AnalyseRequest, ExtractReply, ExtractRequest } from "./extract-protocol.ts";
import { ANALYSE_WORKER, EXTRACT_WORKER } from "./extract-protocol.ts";

/** Runs the extraction pipeline on documents, here or on other threads. */
export interface Extractor {
  extract(input: ExtractInput): Promise<Extraction>;
  /** How many documents it works on at once: how far ahead ingest may prepare. */
  readonly concurrency: number;
  /**
   * Resolves once the knowledge that its threads load and this one does not
   * is loaded; rejects with the error its loading threw (a `TriangulateError`).
   */
  loaded(): Promise<void>;
  close(): Promise<void>;
}

/** Extraction on this thread, one document at a time. */
export function createInProcessExtractor(nlp: NlpEngine, knowledge: Knowledge): Extractor {
  return {
    concurrency: 1,
    loaded: () => Promise.resolve(),
    extract: (input) => {
      try {
        return Promise.resolve(extractDocument(input, nlp, knowledge));
      } catch (error) {
        return Promise.reject(asError(error));
      }
    },
    close: () => Promise.resolve(),
  };
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
 * Sentences, tokens, actors and dates found on one worker thread, the
 * rest of extraction done on this one with `knowledge`: two cores busy on
 * each document, with little to copy between them (packed sentences, the
 * actors and dates). The gazetteer is loaded and checked on the thread only
 * (`loaded`). Should the thread die, `fallback` extracts instead.
 */
export function createSplitExtractor(knowledge: () => CodingKnowledge, fallback: () => Extractor): Extractor {
  return createThreadExtractor(1, fallback, knowledge);
}

type Thread =
  | { readonly kind: "extract"; readonly rpc: WorkerRpc<ExtractRequest, ExtractReply> }
  | {
      readonly kind: "analyse";
      readonly rpc: WorkerRpc<AnalyseRequest, AnalyseReply>;
      /** What this thread extracts with once a text's sentences come back. */
      readonly knowledge: () => CodingKnowledge;
    };

/**
 * Worker threads that extract whole documents, or, when `finishHere` gives
 * the knowledge to extract with on this thread, that only analyse them.
 */
function createThreadExtractor(
  threads: number,
  fallback: () => Extractor,
  finishHere: (() => CodingKnowledge) | null,
): Extractor {
  let fallen: Extractor | null = null;
  const pool: Thread[] = Array.from({ length: threads }, (): Thread => {
    if (!finishHere) {
      const worker = startModuleWorker(import.meta.url, EXTRACT_WORKER);
      return { kind: "extract", rpc: createWorkerRpc(worker, "extraction") };
    }
    const worker = startModuleWorker(import.meta.url, ANALYSE_WORKER);
    return { kind: "analyse", rpc: createWorkerRpc(worker, "analysis"), knowledge: finishHere };
  });

  const run = (thread: Thread, input: ExtractInput): Promise<Extraction> => {
    if (thread.kind === "extract") return thread.rpc.call(input);
    return thread.rpc
      .call({ kind: "analyse", input: { id: input.id, text: input.text, published: input.published } })
      .then((reply) => {
        if (reply.kind !== "analysed") throw new Error(`the analysis thread answered "${reply.kind}"`);
        const { sentences, found } = reply;
        return extractAnalysed(input, unpackSentences(input.text, sentences), thread.knowledge(), found);
      });
  };
  const dispatch = (input: ExtractInput): Promise<Extraction> => {
    const thread = pool
      .filter((candidate) => candidate.rpc.alive)
      .reduce<Thread | undefined>(
        (best, candidate) => (best && best.rpc.pending <= candidate.rpc.pending ? best : candidate),
        undefined,
      );
    if (!thread) return (fallen ??= fallback()).extract(input);
    // A document whose thread died goes to the other threads, or to the fallback once none is left.
    return run(thread, input).catch((error: unknown) =>
      error instanceof ThreadStoppedError ? dispatch(input) : Promise.reject(asError(error)),
    );
  };

  const loadedOn = async (thread: Thread): Promise<void> => {
    if (thread.kind === "extract") return;
    try {
      await thread.rpc.call({ kind: "loaded" });
    } catch (error) {
      if (!(error instanceof ThreadStoppedError)) throw error;
      // No thread to load it: the fallback loads (and checks) the knowledge here, now rather than on a document.
      fallen ??= fallback();
    }
  };

  return {
    concurrency: pool.length,
    loaded: async () => {
      await Promise.all(pool.map(loadedOn));
    },
    extract: dispatch,
    async close() {
      await Promise.all(pool.map((thread) => thread.rpc.terminate()));
      await fallen?.close();
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
