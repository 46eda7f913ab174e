import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { CliIo, ExitCode } from "../../src/cli/command.ts";
import { main } from "../../src/cli/main.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import type { FixtureDocument } from "../../src/store/testing/fixtures.ts";

/** The repository root and its `bin/triangulate.js`. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "bin", "triangulate.js");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function capture(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** Runs `triangulate ...args` in-process through `main`, with captured streams. */
export async function runMain(
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: Record<string, string>; readonly stdin?: string },
): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const io: CliIo = {
    stdin: Readable.from([options.stdin ?? ""]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd,
    interactive: false,
  };
  const code: ExitCode = await main(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the real `node bin/triangulate.js ...args` in a child process. */
export function runBin(
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: { PATH: process.env.PATH ?? "", ...options.env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "triangulate-cli-"));
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Creates a knowledge base at `path` holding `docs`, saved through the store port. */
export async function createKnowledgeBase(path: string, docs: readonly FixtureDocument[]): Promise<void> {
  const store = openSqliteStore(path);
  try {
    for (const { doc, extraction } of docs) await store.saveDocument(doc, extraction);
  } finally {
    await store.close();
  }
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A `triangulate serve` child process and the address it serves. */
export interface ServeProcess {
  readonly url: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built bin with `args` (a `serve` command) and waits for its "Serving URL" line. */
export async function startServe(args: readonly string[], cwd: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "" } });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const served = /^Serving (\S+)$/m.exec(out);
      if (served?.[1]) resolve(served[1]);
    });
    child.once("exit", (code) => {
      reject(new Error(`serve exited with ${code}: ${out}`));
    });
  });
  return {
    url,
    stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
