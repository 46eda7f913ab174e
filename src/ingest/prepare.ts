import { createHash } from "node:crypto";
import type { IsoDate } from "../core/ids.ts";
import { docIdFromSha256 } from "../core/ids.ts";
import type { DocumentRecord } from "../core/records.ts";
import { findDateline } from "./dateline.ts";
import { isoDateFromTimestamp } from "./dates.ts";
import { decodeBytes } from "./decode.ts";
import { MAX_HTML_DEPTH, extractHtml, htmlDepth } from "./html.ts";
import type { LanguageDetector } from "./language.ts";
import type { GivenMeta } from "./manifest.ts";
import { markdownToText } from "./markdown.ts";
import { hasText, normaliseText } from "./normalise.ts";
import { formatBytes } from "./read.ts";
import type { RawInput } from "./read.ts";
import type { IngestFailure } from "./failure.ts";
import type { SourceFormat } from "./sources.ts";

export interface PrepareOptions {
  /** Metadata from a manifest or the command line; it wins over what the document says. */
  readonly given: GivenMeta;
  readonly detectLanguage: LanguageDetector;
  /** Texts longer than this many bytes (UTF-8) are refused. */
  readonly maxBytes: number;
}

export type Prepared =
  | { readonly ok: true; readonly doc: DocumentRecord }
  | { readonly ok: false; readonly failure: IngestFailure };

type Extracted =
  | {
      readonly ok: true;
      readonly text: string;
      readonly title: string | null;
      readonly outlet: string | null;
      readonly published: IsoDate | null;
    }
  | { readonly ok: false; readonly failure: IngestFailure };

/**
 * Turns an input's bytes into the document to store, or says why not:
 * decode, extract the text (HTML, Markdown or plain), normalise, check that
 * there is English text of a sensible size, and gather the metadata. Pure:
 * the same bytes and options give the same document.
 */
export function prepareDocument(raw: RawInput, options: PrepareOptions): Prepared {
  const fail = (kind: IngestFailure["kind"], message: string): Prepared => ({
    ok: false,
    failure: { kind, message },
  });
  const decoded = raw.pdf ? { ok: true as const, text: raw.pdf.text } : decodeBytes(raw.bytes, raw.charset);
  if (!decoded.ok) return fail(decoded.kind, decoded.message);

  const depth = raw.format === "html" ? htmlDepth(decoded.text, MAX_HTML_DEPTH) : 0;
  if (depth > MAX_HTML_DEPTH) return fail("too_large", `HTML nested over ${MAX_HTML_DEPTH} levels deep`);
  const extracted = extractText(decoded.text, raw, depth);
  if (!extracted.ok) return fail(extracted.failure.kind, extracted.failure.message);
  const text = normaliseText(extracted.text);
  if (!hasText(text)) return fail("empty", EMPTY[raw.format]);
  if (Buffer.byteLength(text, "utf8") > options.maxBytes) {
    return fail("too_large", `too large (over ${formatBytes(options.maxBytes)} of text)`);
  }
  const language = options.detectLanguage(text);
  if (!language.english) return fail("not_english", `not English (detected ${language.language})`);

  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  const { given } = options;
  return {
    ok: true,
    doc: {
      type: "document",
      id: docIdFromSha256(sha256),
      sha256,
      text,
      uri: raw.uri,
      title: given.title ?? extracted.title,
      outlet: given.outlet ?? extracted.outlet,
      published: given.published ?? extracted.published ?? findDateline(text),
      language: language.language,
    },
  };
}

const EMPTY: Readonly<Record<SourceFormat, string>> = {
  html: "no article text in the page",
  pdf: "no text in the PDF (a scan needs OCR first)",
  markdown: "empty",
  text: "empty",
};

/** The text and metadata of a decoded input; `depth` is an HTML page's, as `htmlDepth` measures it. */
function extractText(decoded: string, raw: RawInput, depth: number): Extracted {
  switch (raw.format) {
    case "html":
      return { ok: true, ...extractHtml(decoded, depth) };
    case "markdown": {
      const markdown = markdownToText(decoded);
      if (!markdown.ok) {
        const message = `front matter line ${markdown.line}: ${markdown.message}`;
        return { ok: false, failure: { kind: "invalid_front_matter", message } };
      }
      return {
        ok: true,
        text: markdown.text,
        title: markdown.title,
        outlet: markdown.outlet,
        published: markdown.date ? isoDateFromTimestamp(markdown.date) : null,
      };
    }
    case "text":
      return { ok: true, text: decoded, title: null, outlet: null, published: null };
    case "pdf":
      return {
        ok: true,
        text: decoded,
        title: raw.pdf?.title ?? null,
        outlet: null,
        published: raw.pdf?.published ?? null,
      };
    default:
      return assertNever(raw.format);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected format: ${String(value)}`);
}
