import { DOMParser } from "linkedom";

/**
 * The little of linkedom's XML DOM the export tests read. linkedom's types
 * refer to the browser DOM lib, which the project leaves out, so this states
 * what is used. Attribute values come back decoded (linkedom leaves entity
 * references in XML attributes as written).
 */
export interface XmlElement {
  attr(name: string): string | null;
  find(selectors: string): XmlElement | null;
  findAll(selectors: string): XmlElement[];
}

interface LinkedomElement {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): LinkedomElement | null;
  querySelectorAll(selectors: string): Iterable<LinkedomElement>;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

function wrap(element: LinkedomElement): XmlElement {
  return {
    attr: (name) =>
      element
        .getAttribute(name)
        ?.replace(/&(lt|gt|quot|apos|amp);/g, (_: string, entity: string) => ENTITIES[entity] ?? "") ?? null,
    find: (selectors) => {
      const found = element.querySelector(selectors);
      return found ? wrap(found) : null;
    },
    findAll: (selectors) => [...element.querySelectorAll(selectors)].map(wrap),
  };
}

/** Parses XML with linkedom (lenient: check well-formedness with `xmlProblems` first). */
export function parseXml(xml: string): XmlElement {
  const Parser = DOMParser as unknown as new () => {
    parseFromString(text: string, type: string): LinkedomElement;
  };
  return wrap(new Parser().parseFromString(xml, "text/xml"));
}
