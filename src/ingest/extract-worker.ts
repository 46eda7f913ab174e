import { parentPort } from "node:worker_threads";
import { errorMessage } from "../core/errors.ts";
import type { Extraction } from "../core/records.ts";
import type { ExtractInput } from "../extract/pipeline.ts";
import { extractDocument } from "../extract/pipeline.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";

/** A document for an extraction thread (see `createWorkerExtractor`). */
export interface WorkerRequest {
  readonly id: number;
  readonly input: ExtractInput;
}

/** What the thread sends back: the extraction, or the message of what went wrong. */
export type WorkerReply =
  { readonly id: number; readonly extraction: Extraction } | { readonly id: number; readonly error: string };

// Runs only as a worker thread: loads its own engine and knowledge, then extracts what it is sent.
if (parentPort) {
  const port = parentPort;
  const nlp = createWinkEngine();
  const knowledge = loadKnowledge();
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id: request.id, extraction: extractDocument(request.input, nlp, knowledge) };
    } catch (error) {
      reply = { id: request.id, error: errorMessage(error) };
    }
    port.postMessage(reply);
  });
}
