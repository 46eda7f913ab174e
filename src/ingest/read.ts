import type { Stats } from "node:fs";
import { constants } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { PdfContent } from "./pdf.ts";
import { isPdf, readPdf } from "./pdf.ts";
import { formatOfPath } from "./sources.ts";
import type { Source, SourceFormat } from "./sources.ts";
import type { IngestFailure } from "./failure.ts";

/** The bytes of one input and how to read them. */
export interface RawInput {
  readonly uri: string;
  readonly bytes: Uint8Array;
  readonly format: SourceFormat;
  /** The character set a server declared, if any; otherwise UTF-8 is required. */
  readonly charset: string | null;
  /** A PDF's text and metadata, read from `bytes` (async, so here rather than in the pure `prepareDocument`). */
  readonly pdf?: PdfContent;
}

export type ReadResult =
  { readonly ok: true; readonly raw: RawInput } | { readonly ok: false; readonly failure: IngestFailure };

export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<Response>;

export interface ReadOptions {
  /** Inputs larger than this many bytes are refused. */
  readonly maxBytes: number;
  /** How long a URL may take, body included. */
  readonly timeoutMs: number;
  readonly fetch: FetchLike;
  /** Reads all of stdin, refusing more than `maxBytes` (see `readStream`). */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
}

/** Thrown by `readStream` when a stream has more than its limit. */
export class TooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`too large (over ${formatBytes(maxBytes)})`);
    this.name = "TooLargeError";
  }
}

/** `5 MB` for 5,000,000 bytes, `512 bytes` below a kilobyte. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(1))} MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

function tooLarge(maxBytes: number): ReadResult {
  return { ok: false, failure: { kind: "too_large", message: new TooLargeError(maxBytes).message } };
}

/** Reads one source (a PDF's text too); never throws: a failure is a result. */
export async function readSource(source: Source, options: ReadOptions): Promise<ReadResult> {
  const read = await readBytes(source, options);
  if (!read.ok || read.raw.format !== "pdf") return read;
  const pdf = await readPdf(read.raw.bytes);
  if (!pdf.ok) return { ok: false, failure: { kind: "undecodable", message: pdf.message } };
  return { ok: true, raw: { ...read.raw, pdf: pdf.pdf } };
}

async function readBytes(source: Source, options: ReadOptions): Promise<ReadResult> {
  switch (source.kind) {
    case "file":
      return readFileSource(source.uri, source.path, source.format, options.maxBytes);
    case "url":
      return fetchSource(source.uri, options);
    case "stdin":
      try {
        const bytes = await options.readStdin(options.maxBytes);
        return { ok: true, raw: { uri: "-", bytes, format: sniffFormat(bytes), charset: null } };
      } catch (error) {
        if (error instanceof TooLargeError) return tooLarge(options.maxBytes);
        return { ok: false, failure: { kind: "missing", message: `cannot read stdin: ${messageOf(error)}` } };
      }
    default:
      return assertNever(source);
  }
}

async function readFileSource(
  uri: string,
  path: string,
  format: SourceFormat,
  maxBytes: number,
): Promise<ReadResult> {
  try {
    // Non-blocking, so that opening a FIFO returns at once (a blocking open
    // waits for a writer for ever); links are followed, and what they lead
    // to is checked on the open handle, so it cannot change in between.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        return {
          ok: false,
          failure: { kind: "unsupported", message: `not a regular file (${fileKind(info)})` },
        };
      }
      // The size a file reports is not trusted (a file in /proc says 0, one
      // may grow while read): at most `maxBytes + 1` bytes are read.
      const bytes = await readAtMost(handle, maxBytes + 1, info.size);
      if (bytes.byteLength > maxBytes) return tooLarge(maxBytes);
      return { ok: true, raw: { uri, bytes, format, charset: null } };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const gone = error instanceof Error && "code" in error && error.code === "ENOENT";
    return {
      ok: false,
      failure: {
        kind: "missing",
        message: gone ? "no such file or folder" : `cannot read: ${messageOf(error)}`,
      },
    };
  }
}

/** What a file that is not a regular one is, for the message that refuses it. */
function fileKind(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a file";
}

/**
 * Reads from the start of a file until its end or `limit` bytes, whichever
 * comes first. `sizeHint`, the size the file reports, only sizes the first
 * read (one read and one that finds the end, for a file that tells the truth).
 */
async function readAtMost(handle: FileHandle, limit: number, sizeHint: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  let next = Math.max(sizeHint + 1, 1 << 16);
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, next));
    next = 1 << 20;
    const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

async function fetchSource(url: string, options: ReadOptions): Promise<ReadResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const failed = (message: string): ReadResult => ({ ok: false, failure: { kind: "fetch_failed", message } });
  try {
    const response = await options.fetch(url, {
      signal,
      headers: {
        accept: "text/html, text/plain;q=0.9, text/markdown;q=0.9, application/pdf;q=0.9, */*;q=0.1",
      },
    });
    if (!response.ok) {
      await response.body?.cancel();
      return failed(
        `fetch failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
      );
    }
    const type = parseContentType(response.headers.get("content-type"));
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      return tooLarge(options.maxBytes);
    }
    const format = type.mediaType ? formatOfMediaType(type.mediaType) : undefined;
    if (format === null) {
      await response.body?.cancel();
      return {
        ok: false,
        failure: { kind: "unsupported", message: `unsupported content type ${type.mediaType}` },
      };
    }
    const bytes = await readBody(response, options.maxBytes);
    if (!bytes) return tooLarge(options.maxBytes);
    const byPath = formatOfPath(new URL(url).pathname);
    return {
      ok: true,
      raw: { uri: url, bytes, format: format ?? byPath ?? sniffFormat(bytes), charset: type.charset },
    };
  } catch (error) {
    if (signal.aborted) return failed(`fetch failed: timed out after ${options.timeoutMs / 1000} s`);
    return failed(`fetch failed: ${messageOf(error)}`);
  }
}

/** The body's bytes, or null (and the download stopped) once it passes `maxBytes`. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early cancels the download.
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a stream to its end, throwing `TooLargeError` once it passes
 * `maxBytes` (the rest is not kept).
 */
export async function readStream(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += buffer.byteLength;
    if (total > maxBytes) {
      stream.destroy();
      throw new TooLargeError(maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

function parseContentType(header: string | null): { mediaType: string | null; charset: string | null } {
  if (!header) return { mediaType: null, charset: null };
  const [mediaType, ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  const charset = params.find((param) => param.startsWith("charset="))?.slice("charset=".length);
  return { mediaType: mediaType || null, charset: charset?.replace(/^"|"$/g, "") || null };
}

/** A media type's format; undefined when it says nothing useful, null when it is not text. */
function formatOfMediaType(mediaType: string): SourceFormat | null | undefined {
  if (mediaType === "text/html" || mediaType === "application/xhtml+xml") return "html";
  if (mediaType === "text/markdown" || mediaType === "text/x-markdown") return "markdown";
  if (mediaType === "text/plain") return "text";
  if (mediaType === "application/pdf") return "pdf";
  if (mediaType === "application/octet-stream" || mediaType.startsWith("text/")) return undefined;
  return null;
}

/** PDF or HTML by their opening bytes, else plain text: for stdin and untyped downloads. */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
  if (isPdf(bytes)) return "pdf";
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString("latin1")
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "");
  return /^\s*<(?:!doctype\s+html|html|head|body|article|main|div|p|h[1-6])[\s>]/i.test(head)
    ? "html"
    : "text";
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed"; the reason is its cause.
  if (error.message === "fetch failed" && error.cause instanceof Error) return error.cause.message;
  return error.message;
}

function assertNever(value: never): never {
  throw new Error(`unexpected source: ${JSON.stringify(value)}`);
}
