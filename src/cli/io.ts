import type { CliIo } from "./command.ts";

/** The real process's streams, environment and directory, for `bin/triangulate.js`. */
export function processIo(): CliIo {
  // Write errors reach writers through their write callbacks; without a listener
  // an EPIPE (`triangulate export | head`) would also crash the process.
  process.stdout.on("error", () => undefined);
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    interactive: process.stderr.isTTY,
  };
}
