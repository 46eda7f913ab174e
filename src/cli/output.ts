import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { TriangulateError, errorMessage } from "../core/errors.ts";

/** Small chunks (one a record) are gathered to about this many characters per write. */
const BATCH_CHARS = 1 << 16;

/** Writes text somewhere, resolving once it is accepted. */
export type Sink = (text: string) => Promise<void>;

/** Feeds chunks to a sink in batches, waiting for each batch: memory stays flat however much is written. */
export async function pump(chunks: AsyncIterable<string>, sink: Sink): Promise<void> {
  let buffer = "";
  for await (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= BATCH_CHARS) {
      await sink(buffer);
      buffer = "";
    }
  }
  if (buffer !== "") await sink(buffer);
}

/** A sink on a stream; the write callback both paces the writer and reports errors (EPIPE). */
export function streamSink(stream: Writable): Sink {
  return (text) =>
    new Promise((resolve, reject) => {
      stream.write(text, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
}

/**
 * Writes a file through a temporary file in the same folder that is renamed
 * over `path` only when everything is written and synced: a failed or
 * interrupted write leaves `path` as it was and no half file behind.
 * @throws TriangulateError `invalid_input` naming the path when it cannot be written (the
 *   `-o` argument is the input at fault); TriangulateErrors thrown by `write` pass through.
 */
export async function writeFileAtomically(path: string, write: (sink: Sink) => Promise<void>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, "wx");
  } catch (error) {
    throw new TriangulateError("invalid_input", `cannot write ${path}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  try {
    const file = handle;
    await write(async (text) => {
      await file.write(text);
    });
    await file.sync();
    await file.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    if (error instanceof TriangulateError) throw error;
    throw new TriangulateError("invalid_input", `cannot write ${path}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}
