import { TriangulateError } from "../../core/errors.ts";
import type { JobQueue, QueuePolicy, QueueStatus } from "../../queue/job-queue.ts";
import { JOB_STATES } from "../../queue/job-queue.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { durationOrThrow } from "../duration.ts";
import { parseFlags } from "../flags.ts";
import { QUEUE_HELP, openQueue, queueUrlOrThrow } from "../queue-url.ts";
import { clip, formatTable, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate queue status [--json] [--errors N]
       triangulate queue setup [--retries N] [--retry-delay D] [--job-timeout D]

The durable job queue that triangulate ingest --queue and watch --queue
fill and triangulate worker processes empty.

  status   how many jobs are queued, retrying, active, completed and
           failed, and the latest errors (what failed, on which try, why)
  setup    how jobs queued from now on are retried: --retries N more tries
           (default 3), the first --retry-delay D later (default 30s, then
           doubled each time), and a job still active after --job-timeout D
           (default 5m: its worker died) is tried again

Options:
${QUEUE_HELP}
                     (or --db, when that is PostgreSQL)
  --db URL           a PostgreSQL knowledge base, whose database holds the
                     queue when --queue is not given
  --json             (status) the counts, policy and errors as JSON
  --errors N         (status) how many of the latest errors (default 10)
  -h, --help         show this help
`;

/** `triangulate queue`: the state of the job queue, and how it retries. */
export const queueCommand: Command = {
  name: "queue",
  summary: "the job queue's counts and latest errors, and its retry policy",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        db: { type: "string" },
        queue: { type: "string" },
        json: { type: "boolean", default: false },
        errors: { type: "string" },
        retries: { type: "string" },
        "retry-delay": { type: "string" },
        "job-timeout": { type: "string" },
      },
      { positionals: true },
    );
    const [action, extra] = positionals;
    if (extra !== undefined) throw new TriangulateError("usage", `unexpected argument '${extra}'`);
    const setupFlags = [values.retries, values["retry-delay"], values["job-timeout"]];
    if (action !== "setup" && setupFlags.some((flag) => flag !== undefined))
      throw new TriangulateError("usage", "--retries, --retry-delay and --job-timeout go with queue setup");
    if (action !== "status" && (values.json || values.errors !== undefined))
      throw new TriangulateError("usage", "--json and --errors go with queue status");
    if (action !== "status" && action !== "setup") {
      throw new TriangulateError(
        "usage",
        action === undefined ? "give status or setup" : `unknown action "${action}": use status or setup`,
      );
    }
    const url = queueUrlOrThrow(values.queue, values.db, io);
    const errors = countOrThrow("--errors", values.errors ?? "10", 0);
    const queue = await openQueue(url, io, false);
    try {
      if (action === "setup") {
        const policy = await setup(queue, values.retries, values["retry-delay"], values["job-timeout"]);
        io.stdout.write(`${formatPolicy(policy)}\n`);
        return EXIT.ok;
      }
      const status = await queue.status(errors);
      if (values.json) writeJson(io, status);
      else io.stdout.write(formatStatus(status));
      return EXIT.ok;
    } finally {
      await queue.close();
    }
  },
};

/** Changes the flags given, keeps the rest of the queue's policy. */
async function setup(
  queue: JobQueue,
  retries: string | undefined,
  retryDelay: string | undefined,
  jobTimeout: string | undefined,
): Promise<QueuePolicy> {
  const { policy } = await queue.status(0);
  const seconds = (flag: string, value: string): number => Math.ceil(durationOrThrow(flag, value) / 1000);
  const next: QueuePolicy = {
    retries: retries === undefined ? policy.retries : countOrThrow("--retries", retries, 0),
    retryDelaySeconds:
      retryDelay === undefined ? policy.retryDelaySeconds : seconds("--retry-delay", retryDelay),
    timeoutSeconds: jobTimeout === undefined ? policy.timeoutSeconds : seconds("--job-timeout", jobTimeout),
  };
  await queue.setPolicy(next);
  return next;
}

function countOrThrow(flag: string, value: string, min: number): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < min)
    throw new TriangulateError("usage", `${flag}: not a whole number of at least ${min}: ${value}`);
  return Number(value);
}

/** `jobs are tried 4 times at most, 30s then twice as long after each failure; a job active 300s is tried again` */
export function formatPolicy(policy: QueuePolicy): string {
  return (
    `jobs are tried ${policy.retries + 1} time${policy.retries === 0 ? "" : "s"} at most, ` +
    `${policy.retryDelaySeconds}s apart at first, then twice as long after each failure; ` +
    `a job still active after ${policy.timeoutSeconds}s is tried again`
  );
}

/** The counts on one line, the policy, and the latest errors as a table. */
export function formatStatus(status: QueueStatus): string {
  const counts = JOB_STATES.map((state) => `${status.counts[state]} ${state}`).join(", ");
  const errors =
    status.errors.length === 0
      ? "no errors\n"
      : formatTable(
          ["when", "state", "try", "input", "error"],
          status.errors.map((error) => [
            error.at.slice(0, 19).replace("T", " "),
            error.state,
            error.attempts,
            clip(error.input, 60),
            clip(error.message, 80),
          ]),
        );
  return `${counts}\n${formatPolicy(status.policy)}\n${errors}`;
}
