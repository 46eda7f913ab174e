import { parentPort } from "node:worker_threads";
import { findInSentences } from "../extract/pipeline.ts";
import { loadGazetteer } from "../knowledge/actors.ts";
import { DATA_DIR } from "../knowledge/data-dir.ts";
import { loadUnitTable } from "../knowledge/units.ts";
import { packSentences } from "../nlp/packed.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";
import { serveRpc } from "../threads/worker-rpc.ts";
import type { AnalyseReply, AnalyseRequest } from "./extract-protocol.ts";

// Runs only as a worker thread. It loads the NLP engine, the gazetteer (for
// actors) and the unit table (for dates), not the rest of the
// knowledge: the main thread has the event coding, the larger part of what is
// left, and the two threads' shares of the work come out about even. The main
// thread loads and checks all the knowledge itself before anything is read.
if (parentPort) {
  const nlp = createWinkEngine();
  const knowledge = { gazetteer: loadGazetteer(DATA_DIR), units: loadUnitTable(DATA_DIR) };
  serveRpc<AnalyseRequest, AnalyseReply>(
    parentPort,
    (input) => {
      const sentences = nlp.analyse(input.text);
      return { sentences: packSentences(sentences), found: findInSentences(input, sentences, knowledge) };
    },
    // The typed arrays move to the calling thread rather than being copied.
    {
      transfer: ({ sentences }) => [sentences.offsets.buffer, sentences.sizes.buffer, sentences.tags.buffer],
    },
  );
}
