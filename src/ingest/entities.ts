import type { DomElement } from "./dom.ts";
import { parseDocument } from "./dom.ts";

let decoder: DomElement | null = null;

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

/**
 * Decodes HTML character references (`&amp;`, `&#8212;`, `&mdash;`) with an
 * HTML parser, so every named entity is known; text without `&` is returned
 * as it is.
 *
 * @example decodeEntities("Tel&nbsp;Aviv &amp; Baku") === "Tel\u00A0Aviv & Baku"
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (entity) => {
    decoder ??= parseDocument("<p></p>").querySelector("p");
    if (!decoder) return entity;
    decoder.innerHTML = entity;
    return decoder.textContent ?? entity;
  });
}
