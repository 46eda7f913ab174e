import { parentPort } from "node:worker_threads";
import { packSentences } from "../nlp/packed.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";
import { serveRpc } from "../threads/worker-rpc.ts";
import type { AnalyseReply, AnalyseRequest } from "./extract-protocol.ts";

// Runs only as a worker thread. It loads the NLP engine and nothing of
// extraction, so that it is ready about as soon as the main thread is.
if (parentPort) {
  const nlp = createWinkEngine();
  serveRpc<AnalyseRequest, AnalyseReply>(
    parentPort,
    (request) => packSentences(nlp.analyse(request.text)),
    // The typed arrays move to the calling thread rather than being copied.
    { transfer: (sentences) => [sentences.offsets.buffer, sentences.sizes.buffer, sentences.tags.buffer] },
  );
}
