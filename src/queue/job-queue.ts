import type { GivenMeta } from "../ingest/manifest.ts";

/**
 * One document to ingest, as a job carries it: a file (its absolute path, as
 * every worker must see it) or an http(s) URL, with the metadata it is
 * stored under (null fields are left to the document).
 */
export type DocumentJob = GivenMeta &
  (
    | {
        readonly kind: "file";
        readonly path: string;
        /** The document's address when the file is a saved page (a manifest entry's `url`). */
        readonly address: string | null;
      }
    | { readonly kind: "url"; readonly url: string }
  );

/** A job a worker has taken: its data as stored (checked when it is read) and which attempt this is. */
export interface TakenJob {
  readonly id: string;
  readonly data: unknown;
  /** 1 for the first try. */
  readonly attempt: number;
}

/** How the queue treats a job that fails or whose worker dies; set per queue, applied to jobs as they are queued. */
export interface QueuePolicy {
  /** Tries after the first, with a growing delay (the retry delay doubled each time, with jitter). */
  readonly retries: number;
  readonly retryDelaySeconds: number;
  /** A job still active after this long is failed (its worker died) and tried again. */
  readonly timeoutSeconds: number;
}

export const JOB_STATES = ["queued", "retrying", "active", "completed", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job's last error: a failure waiting for its retry, or final. */
export interface JobError {
  readonly id: string;
  readonly state: "retrying" | "failed";
  /** The file or URL of the job (or its data, when that is not a document job). */
  readonly input: string;
  readonly attempts: number;
  readonly message: string;
  readonly at: string;
}

export interface QueueStatus {
  readonly counts: Readonly<Record<JobState, number>>;
  readonly policy: QueuePolicy;
  /** The latest errors, newest first. */
  readonly errors: readonly JobError[];
}

/**
 * The durable job queue, as Triangulate uses it (the adapter on pg-boss is
 * `pg-boss-queue.ts`). A job taken by a worker is locked for it until the
 * worker completes or fails it, or until the policy's timeout when the
 * worker dies; each job is taken by one worker at a time.
 */
export interface JobQueue {
  /** Queues one job a document, with the queue's policy. */
  enqueue(jobs: readonly DocumentJob[]): Promise<void>;
  /** Takes up to `limit` waiting jobs, oldest first; none when there are none. */
  take(limit: number): Promise<readonly TakenJob[]>;
  complete(ids: readonly string[]): Promise<void>;
  /** Stores the error on the job, which is tried again after its delay until its retries are spent. */
  fail(id: string, message: string): Promise<void>;
  /** Fails the job for good with the error: its input can never be stored (not English, empty...). */
  refuse(id: string, message: string): Promise<void>;
  /** Jobs not yet done with: waiting, waiting for a retry, or active. */
  pending(): Promise<number>;
  /** Fails the jobs active beyond the timeout (their workers died), so that they are tried again. */
  reclaim(): Promise<void>;
  status(errors: number): Promise<QueueStatus>;
  /** Sets the policy of the jobs queued from now on. */
  setPolicy(policy: QueuePolicy): Promise<void>;
  close(): Promise<void>;
}
