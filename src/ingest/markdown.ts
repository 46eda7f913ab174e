import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { LineCounter, isMap, isNode, isScalar, parseDocument } from "yaml";
import type { Node as YamlNode } from "yaml";
import { decodeEntities } from "./entities.ts";

/**
 * Markdown to readable text: the words a reader sees, without markup. Each
 * paragraph, heading, list item and table row becomes one line (soft-wrapped
 * lines are joined, since a sentence never spans a line break downstream),
 * with blank lines between them. The Markdown is parsed by a CommonMark
 * parser (markdown-it, with GFM tables and strikethrough), its front matter
 * by a YAML parser.
 */

export interface MarkdownDocument {
  readonly text: string;
  /** `title:` of a leading YAML front matter block. */
  readonly title: string | null;
  /** `date:` or `published:` of the front matter, as written. */
  readonly date: string | null;
  /** `outlet:`, `source:` or `publisher:` of the front matter. */
  readonly outlet: string | null;
}

/** A document, or why its front matter cannot be read: `line` counts from 1 in the whole file. */
export type MarkdownResult =
  | ({ readonly ok: true } & MarkdownDocument)
  | { readonly ok: false; readonly line: number; readonly message: string };

// Nesting (block quotes in list items in block quotes...) is capped so that a
// hostile file parses in linear time: what lies deeper than 100 levels is
// dropped. The CommonMark preset's cap of 20 could cut real documents short.
const parser = new MarkdownIt("commonmark", { maxNesting: 100 }).enable(["table", "strikethrough"]);

/**
 * Converts Markdown to plain text and reads its front matter.
 *
 * @example markdownToText("# Talks\n\n**Baku** and [Tehran](https://x.ir)\nmet.") // { ok: true, text: "Talks\n\nBaku and Tehran met.", ... }
 */
export function markdownToText(markdown: string): MarkdownResult {
  const front = splitFrontMatter(markdown);
  const fields = front ? readFrontMatter(front.yaml) : NO_FIELDS;
  if (!fields.ok) return fields;
  const body = front ? markdown.slice(front.bodyStart) : markdown;
  const { title, date, outlet } = fields;
  return { ok: true, text: blocksOf(parser.parse(body, {})).join("\n\n"), title, date, outlet };
}

/** Each block's text, in order: the flat token stream is walked without recursion. */
function blocksOf(tokens: readonly Token[]): string[] {
  const blocks: string[] = [];
  let row: string[] | null = null;
  let itemStart = false;
  for (const token of tokens) {
    switch (token.type) {
      case "list_item_open":
        itemStart = true;
        break;
      case "tr_open":
        row = [];
        break;
      case "tr_close":
        blocks.push((row ?? []).filter(Boolean).join("; "));
        row = null;
        break;
      case "inline": {
        const text = inlineText(token.children ?? []);
        // A task list item's box (`- [x] done`) is not text.
        const block = itemStart ? text.replace(/^\[[ xX]\]\s+/, "") : text;
        itemStart = false;
        if (row) row.push(block);
        else blocks.push(block);
        break;
      }
      case "code_block":
        // Indented "code" in an article is nearly always an indented paragraph or
        // quotation, so it stays text; fenced code is marked as code and dropped.
        blocks.push(...token.content.split(/\n\s*\n/).map((part) => tidy(part.replace(/\s*\n\s*/g, " "))));
        break;
      case "html_block":
        blocks.push(...htmlBlockText(token.content));
        break;
      default:
        break;
    }
  }
  return blocks.filter(Boolean);
}

/** Inline tokens to their text: links keep their text, images and HTML tags go, hard breaks stay. */
function inlineText(tokens: readonly Token[]): string {
  let text = "";
  for (const token of tokens) {
    switch (token.type) {
      case "text":
        text += token.content;
        break;
      case "code_inline":
        text += token.content.trim();
        break;
      case "softbreak":
        text += " ";
        break;
      case "hardbreak":
        text += "\n";
        break;
      default:
        // Markup (emphasis, link and strikethrough marks), images and inline HTML.
        break;
    }
  }
  return tidy(text);
}

/** Removed markup (an image, a tag) leaves doubled or edge spaces. */
function tidy(text: string): string {
  return text.replace(/ {2,}/g, " ").replace(/^ | $/gm, "").trim();
}

// Raw text elements hold code and styles, not prose; an unclosed one runs to the end.
const RAW_ELEMENT = /<(script|style|pre|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const BLOCK_BREAK =
  /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|section|table|tbody|td|tfoot|th|thead|tr|ul)\b[^<>]*>|\n\s*\n/i;
// `[^<>]`, not `[^>]`: a stray `<` then ends the scan, which keeps this linear.
const TAG = /<\/?[A-Za-z][^<>]*>/g;

/** An HTML block's paragraphs: block-level tags and blank lines separate them, other tags go. */
function htmlBlockText(html: string): string[] {
  return html
    .replace(COMMENT, "")
    .replace(RAW_ELEMENT, "")
    .split(BLOCK_BREAK)
    .map((part) => tidy(decodeEntities(part.replace(TAG, "")).replace(/\s+/g, " ")));
}

/** A `---` line at the very start up to the next `---` or `...` line: the YAML and where the body begins. */
function splitFrontMatter(markdown: string): { yaml: string; bodyStart: number } | null {
  const open = /^---[ \t]*(?:\r\n?|\n)/.exec(markdown);
  if (!open) return null;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/m.exec(markdown.slice(open[0].length));
  if (!close) return null;
  const yamlEnd = open[0].length + close.index;
  return { yaml: markdown.slice(open[0].length, yamlEnd), bodyStart: yamlEnd + close[0].length };
}

type Fields =
  ({ readonly ok: true } & Omit<MarkdownDocument, "text">) | Extract<MarkdownResult, { ok: false }>;

const NO_FIELDS: Fields = { ok: true, title: null, date: null, outlet: null };

/**
 * Reads a front matter block: YAML whose top level maps keys (any case) to
 * values. Every value is read as the string written (the failsafe schema:
 * `date: 2024-07` stays "2024-07"); a key we read whose value is a list or a
 * map, or YAML that does not parse, is an error at its line.
 */
function readFrontMatter(yaml: string): Fields {
  const lines = new LineCounter();
  const document = parseDocument(yaml, { schema: "failsafe", lineCounter: lines, prettyErrors: false });
  // The YAML starts on the file's second line, after the opening `---`.
  const fail = (offset: number, message: string): Fields => ({
    ok: false,
    line: lines.linePos(offset).line + 1,
    message,
  });
  const [error] = document.errors;
  if (error) return fail(error.pos[0], error.message);
  const contents: YamlNode | null = document.contents;
  if (contents === null) return NO_FIELDS;
  if (!isMap(contents))
    return fail(contents.range?.[0] ?? 0, "front matter is not a list of `key: value` lines");
  const values = new Map<string, string>();
  for (const { key, value } of contents.items) {
    if (!isScalar(key)) continue;
    const name = String(key.value).toLowerCase();
    if (!FIELDS.has(name) || !isNode(value)) continue;
    // A list, a map or an alias (`*name`) is not the single value a title or a date is.
    if (!isScalar(value)) return fail(value.range?.[0] ?? 0, `${name} should be a single value`);
    // `title:` with nothing after it is read as no title.
    const text = typeof value.value === "string" ? value.value.trim() : "";
    if (text) values.set(name, text);
  }
  const first = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = values.get(key);
      if (value) return value;
    }
    return null;
  };
  return {
    ok: true,
    title: first("title"),
    date: first("published", "date"),
    outlet: first("outlet", "source", "publisher"),
  };
}

const FIELDS: ReadonlySet<string> = new Set(["title", "published", "date", "outlet", "source", "publisher"]);
