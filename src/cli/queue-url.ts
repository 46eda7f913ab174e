import { TriangulateError, errorMessage } from "../core/errors.ts";
import type { JobQueue } from "../queue/job-queue.ts";
import { isPostgresUrl, redactUrl } from "../store/location.ts";
import type { CliIo } from "./command.ts";

/** The help line of `--queue`, the same in every command that takes it. */
export const QUEUE_HELP = `  --queue URL        the job queue, a PostgreSQL database (postgres://...;
                     default: $TRIANGULATE_QUEUE)`;

/**
 * The queue `ingest` and `watch` put jobs on: `--queue URL`, else
 * `$TRIANGULATE_QUEUE`; null for none (they then ingest in this process).
 * @throws TriangulateError `usage` for a value that is not a PostgreSQL URL.
 */
export function resolveQueueUrl(flag: string | undefined, io: CliIo): string | null {
  const chosen = flag ?? (io.env.TRIANGULATE_QUEUE?.trim() || undefined);
  return chosen === undefined ? null : postgresUrlOrThrow("--queue", chosen);
}

/**
 * The queue `worker` and `queue` work on: as `resolveQueueUrl`, else the
 * knowledge base (`--db`, else `$TRIANGULATE_DB`) when that is PostgreSQL.
 * @throws TriangulateError `usage` when there is none, or for a value that is not a PostgreSQL URL.
 */
export function queueUrlOrThrow(flag: string | undefined, db: string | undefined, io: CliIo): string {
  const given = resolveQueueUrl(flag, io);
  if (given !== null) return given;
  const dbUrl = db ?? io.env.TRIANGULATE_DB?.trim();
  if (dbUrl !== undefined && isPostgresUrl(dbUrl)) return postgresUrlOrThrow("--db", dbUrl);
  throw new TriangulateError(
    "usage",
    "no queue: give --queue postgres://... (or TRIANGULATE_QUEUE, or a PostgreSQL --db)",
  );
}

function postgresUrlOrThrow(flag: string, value: string): string {
  if (!isPostgresUrl(value) || !URL.canParse(value)) {
    throw new TriangulateError("usage", `${flag}: not a PostgreSQL URL (postgres://host/database): ${value}`);
  }
  return value;
}

/**
 * Opens the queue for a command; pg-boss's background errors go to stderr.
 * `upkeep`: whether this process takes its turn at the queue's upkeep (a worker does).
 */
export async function openQueue(url: string, io: CliIo, upkeep: boolean): Promise<JobQueue> {
  try {
    // pg-boss and node-postgres load only for a command that uses a queue.
    const { openPgBossQueue } = await import("../queue/pg-boss-queue.ts");
    return await openPgBossQueue(url, {
      upkeep,
      onError: (error) => {
        io.stderr.write(`triangulate: queue: ${error.message}\n`);
      },
    });
  } catch (error) {
    throw new TriangulateError(
      "store_failed",
      `cannot open the queue at ${redactUrl(url)}: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}
