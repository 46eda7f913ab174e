import type { AnalysisAnswers, AnalysisQuery, AnalysisQueryKind } from "../analysis/queries.ts";

/**
 * What the analysis thread (`analysis-worker.ts`) is told and asked. It
 * reads the knowledge base itself, over a connection of its own, so that
 * the server's thread never reads every record nor clusters them.
 */

/**
 * The knowledge base the thread reads, as `--db` names it: a SQLite file
 * (opened read-only) or a `postgres://` URL (see `openStore`).
 */
export interface AnalysisSource {
  readonly location: string;
}

export interface AnalysisWorkerData {
  readonly source: AnalysisSource;
}

/** `ready` resolves once the thread has read the knowledge base and clustered it; the others are the API's questions. */
export type AnalysisRequest = { readonly kind: "ready" } | AnalysisQuery;

export type AnalysisReply = AnalysisAnswers[AnalysisQueryKind] | null;
