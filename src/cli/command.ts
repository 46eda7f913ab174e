import type { Readable, Writable } from "node:stream";

/** What a command may touch of the process: tests pass their own. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly interactive: boolean;
}

/** Exit codes: 0 success, 1 some input failed, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One `triangulate <name>` subcommand; `src/cli/main.ts` lists them. */
export interface Command {
  readonly name: string;
  /** One line for `triangulate --help`. */
  readonly summary: string;
  /** The full text of `triangulate <name> --help`. */
  readonly help: string;
  run(argv: readonly string[], io: CliIo): Promise<ExitCode>;
}
