import type { IngestSummary, ItemResult, Reporter } from "../pipeline/report.ts";
import type { CliIo } from "./command.ts";

/** Redraws of the progress bar are at least this far apart. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface CliReporterOptions {
  /** Milliseconds, for the rate and the redraw throttle; tests pass their own. */
  readonly now?: () => number;
}

/**
 * The ingest reporter of the command line: one stderr line for each failed
 * input (`path: reason`) and, on a terminal only, a progress bar on stderr
 * that the failure lines and the end of the run clear.
 */
export function createCliReporter(io: CliIo, options: CliReporterOptions = {}): Reporter {
  const now = options.now ?? (() => performance.now());
  let total = 0;
  let done = 0;
  let started = 0;
  let lastDraw = -Infinity;
  let drawn = false;

  const clear = (): void => {
    if (drawn) io.stderr.write("\r\x1b[K");
    drawn = false;
  };
  const draw = (force: boolean): void => {
    if (!io.interactive || total === 0) return;
    const time = now();
    if (!force && time - lastDraw < REDRAW_MS) return;
    lastDraw = time;
    io.stderr.write(`\r\x1b[K${progressLine(done, total, time - started)}`);
    drawn = true;
  };

  return {
    start(count) {
      total = count;
      started = now();
      draw(true);
    },
    item(result: ItemResult) {
      if (result.status === "skipped") return;
      done++;
      if (result.status === "failed") {
        clear();
        io.stderr.write(`${result.uri}: ${result.failure.message}\n`);
        draw(true);
      } else {
        draw(done === total);
      }
    },
    finish() {
      clear();
    },
  };
}

/** `[=========>           ]  412/1000  38 docs/s` */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const share = total > 0 ? Math.min(done / total, 1) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const bar =
    filled >= BAR_WIDTH
      ? "=".repeat(BAR_WIDTH)
      : `${"=".repeat(filled)}>${" ".repeat(BAR_WIDTH - filled - 1)}`;
  const rate = elapsedMs > 0 ? ` ${Math.round((done * 1000) / elapsedMs)} docs/s` : "";
  const width = String(total).length;
  return `[${bar}] ${String(done).padStart(width)}/${total}${rate}`;
}

/**
 * The line that ends an ingest run:
 * `ingested 4 documents: 4 added, 0 updated, 0 unchanged, 0 failed, 2 skipped; 37 actors, 55 events, 12 claims`.
 */
export function formatSummary(summary: IngestSummary): string {
  const attempted = summary.added + summary.updated + summary.unchanged + summary.failed;
  return (
    `ingested ${attempted} document${attempted === 1 ? "" : "s"}: ` +
    `${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
    `${summary.failed} failed, ${summary.skipped} skipped; ` +
    `${summary.actors} actors, ${summary.events} events, ${summary.claims} claims`
  );
}
