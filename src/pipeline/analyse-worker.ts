import { parentPort } from "node:worker_threads";
import { findWithUnits } from "../extract/pipeline.ts";
import { DATA_DIR } from "../knowledge/data-dir.ts";
import { loadUnitTable } from "../knowledge/units.ts";
import { packSentences } from "../nlp/packed.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";
import { serveRpc } from "../threads/worker-rpc.ts";
import type { AnalyseReply, AnalyseRequest } from "./extract-protocol.ts";

// Runs only as a worker thread. It loads the NLP engine and the unit table
// (for dates and quantities), not the rest of the knowledge, so that it is
// ready about as soon as the main thread is; what it finds with the units
// leaves the main thread that much less to do.
if (parentPort) {
  const nlp = createWinkEngine();
  const units = loadUnitTable(DATA_DIR);
  serveRpc<AnalyseRequest, AnalyseReply>(
    parentPort,
    (input) => {
      const sentences = nlp.analyse(input.text);
      return { sentences: packSentences(sentences), found: findWithUnits(input, sentences, units) };
    },
    // The typed arrays move to the calling thread rather than being copied.
    {
      transfer: ({ sentences }) => [sentences.offsets.buffer, sentences.sizes.buffer, sentences.tags.buffer],
    },
  );
}
