import PgBoss from "pg-boss";
import { z } from "zod";
import type {
  DocumentJob,
  JobError,
  JobQueue,
  JobState,
  QueuePolicy,
  QueueStatus,
  TakenJob,
} from "./job-queue.ts";
import { JOB_STATES } from "./job-queue.ts";
import { jobInput } from "./document-job.ts";

/** The pg-boss queue of documents to ingest. */
const QUEUE = "triangulate-documents";
/** pg-boss's own schema (its default), beside the knowledge base's tables when both share a database. */
const SCHEMA = "pgboss";
/** Jobs a statement inserts: one round trip for many, well under PostgreSQL's limits. */
const INSERT_CHUNK = 1000;

/**
 * A job fails 3 more times at most, 30 s, 60 s, then 120 s later (with
 * jitter); a worker that dies gives its jobs back after 5 minutes.
 */
export const DEFAULT_POLICY: QueuePolicy = { retries: 3, retryDelaySeconds: 30, timeoutSeconds: 300 };

export interface PgBossQueueOptions {
  /**
   * Whether this process takes its turn at pg-boss's upkeep (archiving and
   * deleting old jobs, failing timed-out ones): workers do, a command that
   * only queues or reads does not.
   */
  readonly upkeep: boolean;
  /** Errors of pg-boss's background work (upkeep), which no call returns. */
  readonly onError: (error: Error) => void;
}

/** pg-boss's names for our states. */
const STATE_OF: Readonly<Record<string, JobState>> = {
  created: "queued",
  retry: "retrying",
  active: "active",
  completed: "completed",
  failed: "failed",
  // Completed with a refusal: see `refuse`.
  refused: "failed",
  cancelled: "cancelled",
};

const PolicyRow = z.object({
  retryLimit: z.number().int().nullish(),
  retryDelay: z.number().int().nullish(),
  expireInSeconds: z.number().int().nullish(),
});

const CountRow = z.object({ state: z.string(), count: z.coerce.number() });

const ErrorRow = z.object({
  id: z.string(),
  state: z.enum(["retry", "failed", "refused"]),
  data: z.unknown(),
  attempts: z.coerce.number(),
  output: z.unknown(),
  at: z.coerce.date(),
});

// What `fail` and `refuse` store, and what pg-boss stores when it fails a job by timeout.
const FailureOutput = z.union([
  z.object({ message: z.string() }),
  z.object({ refused: z.string() }).transform((output) => ({ message: output.refused })),
  z.object({ value: z.object({ message: z.string() }) }).transform((output) => output.value),
]);

const FetchedJob = z.object({ id: z.string(), data: z.unknown(), retryCount: z.number().int() });

/**
 * Opens the document queue in the PostgreSQL database at `url` (pg-boss
 * installs or migrates its schema there on first use, and the queue is
 * created with `DEFAULT_POLICY` if missing). Close it when done.
 * @throws the driver's error when the database cannot be reached.
 */
export async function openPgBossQueue(url: string, options: PgBossQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    application_name: "triangulate",
    max: 4,
    // No cron jobs: the timekeeper would only poll for them.
    schedule: false,
    supervise: options.upkeep,
  });
  boss.on("error", options.onError);
  try {
    await boss.start();
    if ((await boss.getQueue(QUEUE)) === null) await boss.createQueue(QUEUE, bossPolicy(DEFAULT_POLICY));
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  const db = boss.getDb();
  const sql = async (text: string, values: unknown[]): Promise<readonly unknown[]> =>
    (await db.executeSql(text, values)).rows as unknown[];

  return {
    async enqueue(jobs: readonly DocumentJob[]) {
      for (let start = 0; start < jobs.length; start += INSERT_CHUNK) {
        await boss.insert(jobs.slice(start, start + INSERT_CHUNK).map((data) => ({ name: QUEUE, data })));
      }
    },
    async take(limit) {
      const rows = await boss.fetch(QUEUE, { batchSize: limit, includeMetadata: true });
      return rows.map((row): TakenJob => {
        const job = FetchedJob.parse(row);
        return { id: job.id, data: job.data, attempt: job.retryCount + 1 };
      });
    },
    async complete(ids) {
      if (ids.length > 0) await boss.complete(QUEUE, [...ids]);
    },
    async fail(id, message) {
      await boss.fail(QUEUE, id, { message });
    },
    async refuse(id, message) {
      // pg-boss 10 cannot fail a job without its retries: a refused job is
      // completed with the refusal as its output, and counted as failed.
      await boss.complete(QUEUE, id, { refused: message });
    },
    async pending() {
      return boss.getQueueSize(QUEUE, { before: "completed" });
    },
    async reclaim() {
      await boss.expire();
    },
    async status(errors): Promise<QueueStatus> {
      const queue = PolicyRow.parse(await boss.getQueue(QUEUE));
      return {
        counts: countStates(await sql(COUNTS_SQL, [QUEUE])),
        policy: {
          retries: queue.retryLimit ?? 0,
          retryDelaySeconds: queue.retryDelay ?? 0,
          timeoutSeconds: queue.expireInSeconds ?? 0,
        },
        errors: (await sql(ERRORS_SQL, [QUEUE, errors])).map(jobError),
      };
    },
    async setPolicy(policy) {
      await boss.updateQueue(QUEUE, bossPolicy(policy));
    },
    async close() {
      await boss.stop({ graceful: false, close: true, wait: true });
    },
  };
}

function bossPolicy(policy: QueuePolicy): PgBoss.Queue {
  return {
    name: QUEUE,
    retryLimit: policy.retries,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: policy.timeoutSeconds,
  };
}

// pg-boss 10 has no call that counts or lists a queue's jobs by state, so
// these read its tables (and never write them): jobs, and those archived
// once done for a while.
const STATE_SQL = `CASE WHEN state = 'completed' AND output ? 'refused' THEN 'refused' ELSE state::text END`;
const COUNTS_SQL = `
  SELECT state, count(*) AS count FROM (
    SELECT ${STATE_SQL} AS state FROM ${SCHEMA}.job WHERE name = $1
    UNION ALL SELECT ${STATE_SQL} AS state FROM ${SCHEMA}.archive WHERE name = $1
  ) AS jobs GROUP BY state`;

const ERROR_COLUMNS = "id, state, data, retry_count, output, completed_on, started_on";
const ERRORS_SQL = `
  SELECT id::text, ${STATE_SQL} AS state, data, retry_count + 1 AS attempts, output,
         coalesce(completed_on, started_on) AS at
  FROM (
    SELECT ${ERROR_COLUMNS} FROM ${SCHEMA}.job WHERE name = $1
    UNION ALL SELECT ${ERROR_COLUMNS} FROM ${SCHEMA}.archive WHERE name = $1
  ) AS jobs
  WHERE (state IN ('retry', 'failed') OR output ? 'refused') AND output IS NOT NULL
  ORDER BY at DESC LIMIT $2`;

function countStates(rows: readonly unknown[]): Record<JobState, number> {
  const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
  for (const row of rows) {
    const { state, count } = CountRow.parse(row);
    const ours = STATE_OF[state];
    if (ours) counts[ours] += count;
  }
  return counts;
}

function jobError(row: unknown): JobError {
  const { id, state, data, attempts, output, at } = ErrorRow.parse(row);
  const failure = FailureOutput.safeParse(output);
  return {
    id,
    state: state === "retry" ? "retrying" : "failed",
    input: jobInput(data),
    attempts,
    message: failure.success ? failure.data.message : JSON.stringify(output),
    at: at.toISOString(),
  };
}
