import { parentPort } from "node:worker_threads";
import type { Knowledge } from "../extract/knowledge.ts";
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
// thread loads the rest of the knowledge, not the gazetteer: it learns whether
// this thread's loaded by asking (`kind: "loaded"`) before anything is extracted
// or stored (it reads local files meanwhile: see `ingest`).
if (parentPort) {
  const nlp = createWinkEngine();
  let knowledge: Pick<Knowledge, "gazetteer" | "units"> | null = null;
  let loadError: unknown = null;
  try {
    knowledge = { gazetteer: loadGazetteer(DATA_DIR), units: loadUnitTable(DATA_DIR) };
  } catch (error) {
    loadError = error;
  }
  serveRpc<AnalyseRequest, AnalyseReply>(
    parentPort,
    (request) => {
      // Broken knowledge is every request's answer, with the error's code and message.
      if (!knowledge) throw loadError;
      if (request.kind === "loaded") return { kind: "loaded" };
      const { input } = request;
      const sentences = nlp.analyse(input.text);
      return {
        kind: "analysed",
        sentences: packSentences(sentences),
        found: findInSentences(input, sentences, knowledge),
      };
    },
    // The typed arrays move to the calling thread rather than being copied.
    {
      transfer: (reply) =>
        reply.kind === "analysed"
          ? [reply.sentences.offsets.buffer, reply.sentences.sizes.buffer, reply.sentences.tags.buffer]
          : [],
    },
  );
}
