import { parentPort, workerData } from "node:worker_threads";
import type { Analysis } from "../analysis/analysis.ts";
import { createAnalysis } from "../analysis/analysis.ts";
import { readAnalysisInput } from "../analysis/from-store.ts";
import { answerQuery } from "../analysis/queries.ts";
import { openStore } from "../store/open.ts";
import { serveRpc } from "../threads/worker-rpc.ts";
import type {
  AnalysisReply,
  AnalysisRequest,
  AnalysisSource,
  AnalysisWorkerData,
} from "./analysis-protocol.ts";

// The analysis thread: reads the knowledge base once, clusters it, then
// answers questions about that reading until the server replaces it.

/** Reads the knowledge base and computes the clusters, which every answer starts from. */
async function analyse(source: AnalysisSource): Promise<Analysis> {
  const store = await openStore(source.location, { readOnly: true });
  try {
    const analysis = createAnalysis(await readAnalysisInput(store));
    analysis.claimClusters();
    analysis.eventClusters();
    return analysis;
  } finally {
    await store.close();
  }
}

if (parentPort) {
  const { source } = (workerData as { data: AnalysisWorkerData }).data;
  const ready = analyse(source);
  // A failed reading is reported to every call, through `await ready`.
  ready.catch(() => undefined);
  serveRpc<AnalysisRequest, AnalysisReply>(parentPort, async (request) => {
    const analysis = await ready;
    return request.kind === "ready" ? null : answerQuery(analysis, request);
  });
}
