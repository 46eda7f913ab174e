import { createRequire } from "node:module";

/**
 * The part of linkedom's DOM that ingest uses. linkedom's own types refer to
 * the browser DOM lib, which the project leaves out (nothing else runs in a
 * browser context), so this module states the little it needs.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: Iterable<DomNode>;
}

export interface DomElement extends DomNode {
  readonly textContent: string | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomElement {
  readonly body: DomElement | null;
  readonly documentElement: DomElement | null;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

type ParseHtml = (html: string) => { readonly document: DomDocument };

// linkedom is loaded on first use: it is a large module graph, and plain-text
// ingest never needs it (a static import cost start-up a third of a second).
// `require` keeps parsing synchronous; it loads linkedom's own CommonJS build.
const require = createRequire(import.meta.url);
let parse: ParseHtml | undefined;

/** Parses an HTML page (or fragment) into a DOM document; never throws on bad markup. */
export function parseDocument(html: string): DomDocument {
  parse ??= (require("linkedom") as { parseHTML: ParseHtml }).parseHTML;
  return parse(html).document;
}
