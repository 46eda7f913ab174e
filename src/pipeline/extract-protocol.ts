import type { Extraction } from "../core/records.ts";
import type { ExtractInput, SentenceFindings } from "../extract/pipeline.ts";
import type { PackedSentences } from "../nlp/packed.ts";

/**
 * What the extraction threads are sent and answer (see `worker-rpc.ts` for
 * how). Two kinds of thread: one that extracts whole documents, and one that
 * only finds sentences, tokens, actors and dates, leaving the rest to the calling thread.
 */

/** The module of a thread that extracts whole documents: it loads its own engine and knowledge. */
export const EXTRACT_WORKER = "extract-worker";
export type ExtractRequest = ExtractInput;
export type ExtractReply = Extraction;

/**
 * The module of a thread that loads only the NLP engine, the gazetteer and
 * the unit table, and sends back sentences, packed in typed arrays, with
 * their actors and dates. Asked whether it has loaded them, it answers once
 * it has, or with the error their loading threw (as it answers every text then):
 * the calling thread does not load the gazetteer, and checks it so.
 */
export const ANALYSE_WORKER = "analyse-worker";
export type AnalyseRequest =
  { readonly kind: "loaded" } | { readonly kind: "analyse"; readonly input: ExtractInput };
export type AnalyseReply =
  | { readonly kind: "loaded" }
  | {
      readonly kind: "analysed";
      readonly sentences: PackedSentences;
      /** `findInSentences` of the sentences. */
      readonly found: SentenceFindings;
    };
