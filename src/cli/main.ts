import { readFileSync } from "node:fs";
import type { ErrorCode } from "../core/errors.ts";
import { errorMessage, isTriangulateError } from "../core/errors.ts";
import type { CliIo, Command, ExitCode } from "./command.ts";
import { EXIT } from "./command.ts";
import { processIo } from "./io.ts";
import { PACKAGE_JSON } from "./project-paths.ts";

/** A command, loaded when it is run (so `stats` never loads the NLP model `ingest` needs). */
export type CommandLoader = () => Promise<Command>;

/** Every `triangulate <name>` command, in `--help` order. Adding one is one line. */
export const COMMANDS: Readonly<Record<string, CommandLoader>> = {
  ingest: async () => (await import("./commands/ingest.ts")).ingestCommand,
  export: async () => (await import("./commands/export.ts")).exportCommand,
  stats: async () => (await import("./commands/stats.ts")).statsCommand,
  serve: async () => (await import("./commands/serve.ts")).serveCommand,
  claims: async () => (await import("./commands/claims.ts")).claimsCommand,
  events: async () => (await import("./commands/events.ts")).eventsCommand,
  dyads: async () => (await import("./commands/dyads.ts")).dyadsCommand,
  episodes: async () => (await import("./commands/episodes.ts")).episodesCommand,
  triads: async () => (await import("./commands/triads.ts")).triadsCommand,
  sources: async () => (await import("./commands/sources.ts")).sourcesCommand,
  feeds: async () => (await import("./commands/feeds.ts")).feedsCommand,
  watch: async () => (await import("./commands/watch.ts")).watchCommand,
  worker: async () => (await import("./commands/worker.ts")).workerCommand,
  queue: async () => (await import("./commands/queue.ts")).queueCommand,
  alerts: async () => (await import("./commands/alerts.ts")).alertsCommand,
  corrections: async () => (await import("./commands/corrections.ts")).correctionsCommand,
};

/**
 * The exit code of each error code: the one place the CLI maps errors (the
 * server maps them to HTTP statuses in its own one place).
 */
const EXIT_CODES: Readonly<Record<ErrorCode, ExitCode>> = {
  usage: EXIT.usage,
  invalid_input: EXIT.failed,
  invalid_id: EXIT.failed,
  invalid_offset: EXIT.failed,
  invalid_date: EXIT.failed,
  invalid_data: EXIT.failed,
  not_found: EXIT.failed,
  unauthorized: EXIT.failed,
  forbidden: EXIT.failed,
  unsupported: EXIT.failed,
  too_large: EXIT.failed,
  fetch_failed: EXIT.failed,
  store_failed: EXIT.failed,
};

const HELP_FLAGS = new Set(["-h", "--help"]);

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(PACKAGE_JSON, "utf8"));
  const value =
    typeof manifest === "object" && manifest !== null ? (manifest as { version?: unknown }).version : null;
  return typeof value === "string" ? value : "unknown";
}

async function mainHelp(commands: Readonly<Record<string, CommandLoader>>): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  return `Usage: triangulate <command> [options]

Evidence-grounded event and claim extraction for state relations: who did
what to whom and when (CAMEO), every figure with its unit, and the sentence
each came from.

Commands:
${loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Options:
  -h, --help     show this help; triangulate <command> --help for a command's
  -v, --version  print the version

The knowledge base is ./triangulate.db unless TRIANGULATE_DB or --db names
another: a SQLite file, or a PostgreSQL database as postgres://USER@HOST/DB.

Exit status: 0 success, 1 some input or the knowledge base failed, 2 usage
error.
`;
}

/**
 * Runs `triangulate ARGV...` against `io` and returns the exit code; never
 * throws. Errors become one line on stderr, mapped to exit codes here only.
 */
export async function main(
  argv: readonly string[],
  io: CliIo,
  commands: Readonly<Record<string, CommandLoader>> = COMMANDS,
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      io.stderr.write(await mainHelp(commands));
      return EXIT.usage;
    }
    if (HELP_FLAGS.has(name) || name === "help") {
      io.stdout.write(await mainHelp(commands));
      return EXIT.ok;
    }
    if (name === "-v" || name === "--version") {
      io.stdout.write(`triangulate ${version()}\n`);
      return EXIT.ok;
    }
    const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (load === undefined) {
      const what = name.startsWith("-") ? "option" : "command";
      io.stderr.write(`triangulate: unknown ${what} "${name}" (see triangulate --help)\n`);
      return EXIT.usage;
    }
    const command = await load();
    // `--help` anywhere before a `--` asks for help, whatever else is on the line.
    const end = rest.indexOf("--");
    if ((end < 0 ? rest : rest.slice(0, end)).some((arg) => HELP_FLAGS.has(arg))) {
      io.stdout.write(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    return report(error, name, io);
  }
}

/** One stderr line for an error, and its exit code. */
function report(error: unknown, name: string | undefined, io: CliIo): ExitCode {
  const prefix = name === undefined ? "triangulate" : `triangulate ${name}`;
  const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ");
  if (isTriangulateError(error)) {
    const hint = error.code === "usage" ? ` (see ${prefix} --help)` : "";
    io.stderr.write(`${prefix}: ${oneLine(error.message)}${hint}\n`);
    return EXIT_CODES[error.code];
  }
  // The reader of stdout went away (`triangulate export | head`): nothing is wrong.
  if ((error as { code?: unknown } | null)?.code === "EPIPE") return EXIT.ok;
  io.stderr.write(`${prefix}: internal error: ${oneLine(errorMessage(error))}\n`);
  if (io.env.TRIANGULATE_DEBUG) io.stderr.write(`${String((error as Error | null)?.stack)}\n`);
  return EXIT.failed;
}

/** The process entry (`bin/triangulate.js`): real IO, and the exit code for Node to exit with. */
export async function runCli(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
