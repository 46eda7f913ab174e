import { parentPort } from "node:worker_threads";
import { errorMessage } from "../core/errors.ts";
import type { PackedSentences } from "../nlp/packed.ts";
import { packSentences } from "../nlp/packed.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";

/** A text whose sentences and tokens an analysing thread finds (see `createSplitExtractor`). */
export interface AnalyseRequest {
  readonly id: number;
  readonly text: string;
}

/** What the thread sends back: the packed sentences, or the message of what went wrong. */
export type AnalyseReply =
  | { readonly id: number; readonly sentences: PackedSentences }
  | { readonly id: number; readonly error: string };

// Runs only as a worker thread. It loads the NLP engine and nothing of
// extraction, so that it is ready about as soon as the main thread is.
if (parentPort) {
  const port = parentPort;
  const nlp = createWinkEngine();
  port.on("message", (request: AnalyseRequest) => {
    try {
      const sentences = packSentences(nlp.analyse(request.text));
      const reply: AnalyseReply = { id: request.id, sentences };
      port.postMessage(reply, [sentences.offsets.buffer, sentences.sizes.buffer, sentences.tags.buffer]);
    } catch (error) {
      const reply: AnalyseReply = { id: request.id, error: errorMessage(error) };
      port.postMessage(reply);
    }
  });
}
