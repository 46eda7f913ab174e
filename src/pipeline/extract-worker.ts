import { parentPort } from "node:worker_threads";
import { extractDocument } from "../extract/pipeline.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";
import { serveRpc } from "../threads/worker-rpc.ts";
import type { ExtractReply, ExtractRequest } from "./extract-protocol.ts";

// Runs only as a worker thread: loads its own engine and knowledge, then extracts what it is sent.
if (parentPort) {
  const nlp = createWinkEngine();
  const knowledge = loadKnowledge();
  serveRpc<ExtractRequest, ExtractReply>(parentPort, (input) => extractDocument(input, nlp, knowledge));
}
