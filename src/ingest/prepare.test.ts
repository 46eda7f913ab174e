import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../core/ids.ts";
import { createLanguageDetector } from "./language.ts";
import { loadFunctionWords } from "./language-data.ts";
import type { GivenMeta } from "./manifest.ts";
import type { PrepareOptions } from "./prepare.ts";
import { prepareDocument } from "./prepare.ts";
import type { RawInput } from "./read.ts";
import type { SourceFormat } from "./sources.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "test", "fixtures", "ingest");
const NONE: GivenMeta = { published: null, outlet: null, title: null };
const OPTIONS: PrepareOptions = {
  given: NONE,
  detectLanguage: createLanguageDetector(loadFunctionWords()),
  maxBytes: 5_000_000,
};

const SENTENCE = "Georgia and Armenia signed a trade agreement in Tbilisi on Monday, officials said.";

function raw(content: string | Uint8Array, format: SourceFormat = "text", uri = "in.txt"): RawInput {
  return { uri, bytes: typeof content === "string" ? Buffer.from(content) : content, format, charset: null };
}

function fixture(path: string, format: SourceFormat): RawInput {
  return raw(readFileSync(join(FIXTURES, path)), format, path);
}

describe("prepareDocument", () => {
  it("stores the normalised text, identified by its SHA-256", () => {
    const prepared = prepareDocument(raw(`\uFEFF${SENTENCE}  \r\n\r\n\r\nMore text follows.\r\n`), OPTIONS);
    const text = `${SENTENCE}\n\nMore text follows.`;
    const sha256 = createHash("sha256").update(text).digest("hex");
    expect(prepared).toEqual({
      ok: true,
      doc: {
        type: "document",
        id: sha256.slice(0, 16),
        sha256,
        text,
        uri: "in.txt",
        title: null,
        outlet: null,
        published: null,
        language: "eng",
      },
    });
  });

  it("gives the same identity to the same text however its bytes differ", () => {
    const ids = [`${SENTENCE}\n`, `\uFEFF${SENTENCE}\r\n\r\n`, `${SENTENCE}   `, `\n\n${SENTENCE}`].map(
      (text) => {
        const prepared = prepareDocument(raw(text), OPTIONS);
        return prepared.ok ? prepared.doc.id : null;
      },
    );
    expect(new Set(ids)).toEqual(new Set([ids[0]]));
    expect(ids[0]).not.toBeNull();
  });

  it.each([
    ["bad/binary.txt", "text", "binary", "binary data, not text"],
    ["bad/invalid-utf8.txt", "text", "undecodable", "not valid UTF-8"],
    ["bad/empty.txt", "text", "empty", "empty"],
    ["bad/blank.md", "markdown", "empty", "empty"],
    [
      "bad/front-matter.md",
      "markdown",
      "invalid_front_matter",
      "front matter line 3: Nested mappings are not allowed in compact mappings",
    ],
    ["bad/no-article.html", "html", "empty", "no article text in the page"],
    ["foreign/french.txt", "text", "not_english", "not English (detected fra)"],
    ["foreign/german.txt", "text", "not_english", "not English (detected deu)"],
    ["foreign/russian.txt", "text", "not_english", "not English (detected rus)"],
    ["foreign/azerbaijani.txt", "text", "not_english", "not English (detected azj)"],
  ] as const)("refuses %s: %s", (path, format, kind, message) => {
    expect(prepareDocument(fixture(path, format), OPTIONS)).toEqual({
      ok: false,
      failure: { kind, message },
    });
  });

  it("refuses a text over the size limit", () => {
    expect(prepareDocument(raw(SENTENCE.repeat(3)), { ...OPTIONS, maxBytes: 100 })).toEqual({
      ok: false,
      failure: { kind: "too_large", message: "too large (over 100 bytes of text)" },
    });
  });

  it("reads an HTML page's article and metadata", () => {
    const prepared = prepareDocument(fixture("good/pipeline-deal.html", "html"), OPTIONS);
    expect(prepared).toMatchObject({
      ok: true,
      doc: {
        title: "Turkey and Azerbaijan extend gas pipeline deal",
        outlet: "Example Times",
        published: "2025-03-18",
      },
    });
    if (prepared.ok) expect(prepared.doc.text).toMatch(/^Turkey and Azerbaijan agreed on Tuesday/);
  });

  it("reads Markdown front matter and text", () => {
    const prepared = prepareDocument(fixture("good/embassy-reopens.md", "markdown"), OPTIONS);
    expect(prepared).toMatchObject({
      ok: true,
      doc: { title: "Embassy reopens after two years", outlet: "Example Wire", published: "2024-07" },
    });
    if (prepared.ok) expect(prepared.doc.text).not.toMatch(/[*#>[\]]/);
  });

  it("reads a plain text's dateline", () => {
    expect(prepareDocument(fixture("good/caspian-talks.txt", "text"), OPTIONS)).toMatchObject({
      ok: true,
      doc: { published: "2025-02-12", title: null, outlet: null },
    });
  });

  it("prefers given metadata to what the document says", () => {
    const given = { published: "2025" as IsoDate, outlet: "Given Outlet", title: "Given title" };
    expect(prepareDocument(fixture("good/pipeline-deal.html", "html"), { ...OPTIONS, given })).toMatchObject({
      ok: true,
      doc: given,
    });
  });

  it("falls back, field by field, to what the document says", () => {
    const given = { ...NONE, outlet: "Given Outlet" };
    expect(prepareDocument(fixture("good/caspian-talks.txt", "text"), { ...OPTIONS, given })).toMatchObject({
      ok: true,
      doc: { outlet: "Given Outlet", published: "2025-02-12" },
    });
  });

  it("falls back to a dateline in an HTML page without a date in its markup", () => {
    const html = `<html><body><article><p>Published: 3 May 2024</p><p>${SENTENCE} ${SENTENCE}</p></article></body></html>`;
    expect(prepareDocument(raw(html, "html"), OPTIONS)).toMatchObject({
      ok: true,
      doc: { published: "2024-05-03" },
    });
  });
});
