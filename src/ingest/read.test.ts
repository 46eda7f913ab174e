import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReadOptions } from "./read.ts";
import { TooLargeError, formatBytes, readSource, readStream, sniffFormat } from "./read.ts";

const MAX = 1000;

/** A local server standing in for news sites: each path answers as its handler says. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case "/article.html":
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end("<p>Baku and Tbilisi signed a deal.</p>");
        return;
      case "/story":
        response.writeHead(200, { "content-type": "text/plain" });
        response.end("Plain story.");
        return;
      case "/notes.md":
        response.writeHead(200, { "content-type": "application/octet-stream" });
        response.end("# Notes");
        return;
      case "/latin1":
        response.writeHead(200, { "content-type": "text/plain; charset=ISO-8859-1" });
        response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
        return;
      case "/missing":
        response.writeHead(404, "Not Found");
        response.end("gone");
        return;
      case "/image":
        response.writeHead(200, { "content-type": "image/png" });
        response.end(Buffer.alloc(10));
        return;
      case "/declared-large":
        response.writeHead(200, { "content-type": "text/plain", "content-length": String(MAX + 1) });
        response.end("x".repeat(MAX + 1));
        return;
      case "/streamed-large":
        // No content-length: the cap must stop the download itself.
        response.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 5; i++) response.write("x".repeat(400));
        response.end();
        return;
      case "/slow":
        // Never answers; the timeout must give up.
        return;
      default:
        response.writeHead(500);
        response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options: ReadOptions = {
  maxBytes: MAX,
  timeoutMs: 300,
  fetch: (url, init) => fetch(url, init),
  readStdin: (maxBytes) => readStream(Readable.from([Buffer.from("From stdin.")]), maxBytes),
};

const readUrl = (path: string) => readSource({ kind: "url", uri: `${base}${path}` }, options);

describe("readSource: URLs", () => {
  it.each([
    ["/article.html", "html", "utf-8", "<p>Baku and Tbilisi signed a deal.</p>"],
    ["/story", "text", null, "Plain story."],
    // An untyped download takes its format from the path.
    ["/notes.md", "markdown", null, "# Notes"],
    ["/latin1", "text", "iso-8859-1", "caf\u00e9"],
  ])("fetches %s as %s", async (path, format, charset, body) => {
    const result = await readUrl(path);
    expect(result).toMatchObject({ ok: true, raw: { uri: `${base}${path}`, format, charset } });
    if (result.ok)
      expect(Buffer.from(result.raw.bytes).toString("latin1")).toBe(
        Buffer.from(body, "latin1").toString("latin1"),
      );
  });

  it.each([
    ["/missing", "fetch_failed", "fetch failed: HTTP 404 Not Found"],
    ["/image", "unsupported", "unsupported content type image/png"],
    ["/declared-large", "too_large", "too large (over 1 kB)"],
    ["/streamed-large", "too_large", "too large (over 1 kB)"],
    ["/slow", "fetch_failed", "fetch failed: timed out after 0.3 s"],
  ])("fails %s: %s", async (path, kind, message) => {
    expect(await readUrl(path)).toEqual({ ok: false, failure: { kind, message } });
  });

  it("fails a host that does not answer", async () => {
    const result = await readSource({ kind: "url", uri: "http://127.0.0.1:1/x" }, options);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.kind).toBe("fetch_failed");
      expect(result.failure.message).toMatch(/^fetch failed: \S/);
    }
  });
});

describe("readSource: files and stdin", () => {
  const folder = mkdtempSync(join(tmpdir(), "triangulate-read-"));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("reads a file", async () => {
    writeFileSync(join(folder, "a.txt"), "Text.");
    const result = await readSource(
      { kind: "file", uri: "a.txt", path: join(folder, "a.txt"), format: "text" },
      options,
    );
    expect(result).toMatchObject({ ok: true, raw: { uri: "a.txt", format: "text", charset: null } });
  });

  it("refuses a file over the limit, reading no more than the limit", async () => {
    writeFileSync(join(folder, "big.txt"), "x".repeat(MAX + 1));
    const result = await readSource(
      { kind: "file", uri: "big.txt", path: join(folder, "big.txt"), format: "text" },
      options,
    );
    expect(result).toEqual({ ok: false, failure: { kind: "too_large", message: "too large (over 1 kB)" } });
  });

  it.each([
    [
      "a FIFO",
      "fifo.txt",
      (path: string) => {
        execFileSync("mkfifo", [path]);
      },
      "a FIFO",
    ],
    [
      "a link to /dev/zero",
      "zero.txt",
      (path: string) => {
        symlinkSync("/dev/zero", path);
      },
      "a character device",
    ],
  ])("refuses %s at once, without reading it", async (_, name, make, kind) => {
    const path = join(folder, name);
    make(path);
    // Opening a FIFO would wait for a writer for ever; /dev/zero never ends.
    expect(await readSource({ kind: "file", uri: name, path, format: "text" }, options)).toEqual({
      ok: false,
      failure: { kind: "unsupported", message: `not a regular file (${kind})` },
    });
  });

  it.runIf(existsSync("/proc/self/status"))(
    "reads a file whose reported size is not its length",
    async () => {
      // Files in /proc report a size of 0 and have content: what is read is what counts.
      const result = await readSource(
        { kind: "file", uri: "status.txt", path: "/proc/self/status", format: "text" },
        { ...options, maxBytes: 100_000 },
      );
      expect(result.ok && Buffer.from(result.raw.bytes).toString("utf8")).toMatch(/^Name:/);
    },
  );

  it("fails a file that vanished after planning", async () => {
    const result = await readSource(
      { kind: "file", uri: "gone.txt", path: join(folder, "gone.txt"), format: "text" },
      options,
    );
    expect(result).toEqual({ ok: false, failure: { kind: "missing", message: "no such file or folder" } });
  });

  it("reads stdin and sniffs its format", async () => {
    const result = await readSource({ kind: "stdin", uri: "-" }, options);
    expect(result).toMatchObject({ ok: true, raw: { uri: "-", format: "text" } });
  });

  it("refuses stdin over the limit", async () => {
    const big = {
      ...options,
      readStdin: (max: number) => readStream(Readable.from(["x".repeat(600), "y".repeat(600)]), max),
    };
    expect(await readSource({ kind: "stdin", uri: "-" }, big)).toEqual({
      ok: false,
      failure: { kind: "too_large", message: "too large (over 1 kB)" },
    });
  });
});

describe("readStream", () => {
  it("joins a stream's chunks", async () => {
    const bytes = await readStream(Readable.from([Buffer.from("ab"), "cd"]), 10);
    expect(Buffer.from(bytes).toString()).toBe("abcd");
  });

  it("throws TooLargeError past the limit", async () => {
    await expect(readStream(Readable.from(["abc", "def"]), 5)).rejects.toBeInstanceOf(TooLargeError);
  });
});

describe("sniffFormat and formatBytes", () => {
  it.each([
    ["<!DOCTYPE html><html>", "html"],
    ["\n  <html lang=en>", "html"],
    ["<p>Para</p>", "html"],
    ["\uFEFF<div>x</div>", "html"],
    ["Plain <b>text</b> with a tag later", "text"],
    ["# Heading", "text"],
    ["%PDF-1.7\n%\u00e2\u00e3", "pdf"],
  ])("%j is %s", (head, format) => {
    expect(sniffFormat(Buffer.from(head))).toBe(format);
  });

  it.each([
    [5_000_000, "5 MB"],
    [5_500_000, "5.5 MB"],
    [1000, "1 kB"],
    [512, "512 bytes"],
  ])("%d bytes is %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
