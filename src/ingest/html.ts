import type { Readability as ReadabilityClass } from "@mozilla/readability";
import { Parser } from "htmlparser2";
import { createRequire } from "node:module";
import type { IsoDate } from "../core/ids.ts";
import { isoDateFromTimestamp } from "./dates.ts";
import type { DomDocument, DomNode } from "./dom.ts";
import { ELEMENT_NODE, TEXT_NODE, parseDocument } from "./dom.ts";

/**
 * HTML pages to article text and metadata: Readability (Firefox's reader view)
 * on a linkedom DOM picks the article; a walk over its nodes keeps paragraphs
 * as lines. linkedom decodes entities while parsing.
 */

// Readability, like linkedom (see dom.ts), is loaded when the first page is read: plain-text ingest never needs it.
const require = createRequire(import.meta.url);
let Readability: typeof ReadabilityClass | undefined;

export interface HtmlArticle {
  /** The article text: one paragraph, heading or list item a line, blank lines between blocks. */
  readonly text: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: IsoDate | null;
}

/** Elements that start a new line of text. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIALOG",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "TR",
  "UL",
]);
/** Table cells stay on their row's line, apart. */
const CELLS = new Set(["TD", "TH"]);
/** Elements whose content is never article text. */
const NEVER_TEXT = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "CANVAS",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "HEAD",
  "TITLE",
]);
/** Page furniture, dropped before Readability looks for the article (it sometimes keeps menus) and before the fallback. */
const FURNITURE = "script, style, noscript, template, nav, header, footer, aside, form, svg, iframe, button";

/** Readability's guess is kept only when it has at least this many letters; else the body is read. */
const MIN_ARTICLE_LETTERS = 20;

/**
 * Pages whose elements nest deeper than this are refused. No article needs
 * it, and the DOM's cost grows with the square of the depth or worse:
 * linkedom took minutes to parse 100,000 levels, Readability a second or
 * more from about a hundred.
 */
export const MAX_HTML_DEPTH = 256;
/**
 * Readability looks for the article only in pages up to this deep (real
 * pages nest 15 to 40 levels); a deeper page is read whole, furniture
 * removed, in time linear in its size.
 */
const MAX_READABILITY_DEPTH = 64;

/** Stops the depth scan once the depth passes its limit. */
class DepthPassed extends Error {}

/**
 * How deep the elements of a page nest as linkedom will build them (it parses
 * with htmlparser2 too, closing the same implied tags), or `limit + 1` as soon
 * as the depth passes `limit`: one pass over the markup, building nothing.
 */
export function htmlDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser({
    onopentag() {
      depth++;
      deepest = Math.max(deepest, depth);
      // Stopped early: htmlparser2's own stack costs time with the square of the depth.
      if (depth > limit) throw new DepthPassed();
    },
    onclosetag() {
      depth--;
    },
  });
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof DepthPassed) return limit + 1;
    throw error;
  }
  return deepest;
}

/**
 * Reads an HTML page: the main article text and the page's metadata. Its
 * `depth`, as `htmlDepth` measures it, must be at most `MAX_HTML_DEPTH`
 * (the caller refuses deeper pages).
 *
 * @example extractHtml("<title>T</title><p>Tehran &amp; Baku met.</p>").text === "Tehran & Baku met."
 */
export function extractHtml(html: string, depth = htmlDepth(html, MAX_HTML_DEPTH)): HtmlArticle {
  if (depth > MAX_HTML_DEPTH) throw new Error(`HTML nested over ${MAX_HTML_DEPTH} levels deep`);
  const meta = readMetadata(parseDocument(html));
  // Readability changes the DOM it reads, so it gets a document of its own.
  const article = depth <= MAX_READABILITY_DEPTH ? readArticle(withoutFurniture(parseDocument(html))) : null;
  const text = article ?? readPage(withoutFurniture(parseDocument(html)));
  return { text, ...meta };
}

function readArticle(document: DomDocument): string | null {
  let content: DomNode | null | undefined;
  Readability ??= (require("@mozilla/readability") as { Readability: typeof ReadabilityClass }).Readability;
  try {
    // The serializer hands back the article's root node, so that paragraphs can become lines.
    const reader = new Readability<DomNode>(document, { serializer: (node: DomNode) => node });
    content = reader.parse()?.content;
  } catch {
    // Readability trips over some malformed pages; the body walk below still reads them.
    return null;
  }
  if (!content) return null;
  const text = textOf(content);
  return countLetters(text) >= MIN_ARTICLE_LETTERS ? text : null;
}

function withoutFurniture(document: DomDocument): DomDocument {
  for (const element of [...document.querySelectorAll(FURNITURE)]) element.remove();
  return document;
}

/** All text of the page. From the root, not `<body>`: linkedom leaves content outside a body the page did not write. */
function readPage(document: DomDocument): string {
  return document.documentElement ? textOf(document.documentElement) : "";
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Stands for a `<br>` while spaces are collapsed; no whitespace class matches it. */
const BREAK = "\u2028";

/** A step of the walk in `textOf`: a node to enter, or the end of an element entered before. */
type Step =
  | { readonly kind: "enter"; readonly node: DomNode; readonly inPre: boolean }
  | { readonly kind: "leave"; readonly block: boolean; readonly cell: boolean };

/**
 * The text under a node: blocks on lines of their own with blank lines
 * between, spaces collapsed as a browser shows them. The walk keeps its own
 * stack rather than recursing, so no depth of nesting overflows the call stack.
 */
function textOf(root: DomNode): string {
  const blocks: string[] = [];
  let line = "";
  const endLine = (): void => {
    const text = line
      .replace(/[ \t\n\r\f]+/g, " ")
      .replace(/ *\u2028+ */g, "\n")
      .trim();
    if (text) blocks.push(text);
    line = "";
  };
  const stack: Step[] = [{ kind: "enter", node: root, inPre: false }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if (step.kind === "leave") {
      if (step.cell) line += " ";
      if (step.block) endLine();
      continue;
    }
    const { node, inPre } = step;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? "";
      line += inPre ? value.replace(/\n/g, BREAK) : value;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = node.nodeName.toUpperCase();
    if (NEVER_TEXT.has(name)) continue;
    if (name === "BR") {
      // A line break inside a paragraph ends the line but not the paragraph.
      line += BREAK;
      continue;
    }
    const block = BLOCKS.has(name);
    const cell = CELLS.has(name);
    if (block) endLine();
    if (cell) line += " ";
    stack.push({ kind: "leave", block, cell });
    // Pushed last child first, so that the first is taken first.
    const children = [...node.childNodes];
    const childInPre = inPre || name === "PRE";
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ kind: "enter", node: child, inPre: childInPre });
    }
  }
  endLine();
  return blocks.join("\n\n");
}

/** Reads title, outlet and publication date from `<meta>`, `<title>` and `<time>`. */
function readMetadata(document: DomDocument): Omit<HtmlArticle, "text"> {
  const metaContent = (...selectors: string[]): string | null => {
    for (const selector of selectors) {
      const value = document.querySelector(selector)?.getAttribute("content")?.trim();
      if (value) return value;
    }
    return null;
  };
  const titleElement = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim();
  const outlet = metaContent('meta[property="og:site_name"]', 'meta[name="application-name"]');
  const title = withoutOutlet(
    titleElement || metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]'),
    outlet,
  );
  const published = firstDate([
    metaContent(
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="date"]',
      'meta[name="pubdate"]',
      'meta[name="publish-date"]',
      'meta[name="dc.date"]',
      'meta[name="DC.date"]',
    ),
    document.querySelector("time[datetime]")?.getAttribute("datetime") ?? null,
  ]);
  return { title, outlet, published };
}

/** `Talks resume | Example Times` is `Talks resume` when the outlet is Example Times. */
function withoutOutlet(title: string | null | undefined, outlet: string | null): string | null {
  if (!title) return null;
  if (!outlet) return title;
  for (const separator of [" | ", " - ", " – ", " — ", " :: ", " · "]) {
    if (title.endsWith(`${separator}${outlet}`))
      return title.slice(0, -(separator.length + outlet.length)).trim() || title;
  }
  return title;
}

function firstDate(candidates: readonly (string | null)[]): IsoDate | null {
  for (const candidate of candidates) {
    const date = candidate ? isoDateFromTimestamp(candidate) : null;
    if (date) return date;
  }
  return null;
}
