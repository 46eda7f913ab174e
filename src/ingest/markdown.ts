import { decodeEntities } from "./entities.ts";

/**
 * Markdown to readable text: the words a reader sees, without markup. Each
 * paragraph, heading, list item and table row becomes one line (soft-wrapped
 * lines are joined, since a sentence never spans a line break downstream),
 * with blank lines between them.
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

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE = /^ {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,}|=+ *)$/;
const HEADING = /^ {0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$/;
const QUOTE = /^ {0,3}>\s?/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const HARD_BREAK = /(?: {2,}|\\)$/;

/**
 * Converts Markdown to plain text.
 *
 * @example markdownToText("# Talks\n\n**Baku** and [Tehran](https://x.ir)\nmet.").text === "Talks\n\nBaku and Tehran met."
 */
export function markdownToText(markdown: string): MarkdownDocument {
  const lines = markdown.split(/\r\n?|\n/);
  const front = readFrontMatter(lines);
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let inListItem = false;
  let fence: string | null = null;

  const flush = (): void => {
    const text = paragraph.join("").trim();
    if (text) paragraphs.push(inline(text));
    paragraph = [];
    inListItem = false;
  };
  const add = (line: string): void => {
    const hard = HARD_BREAK.test(line);
    const content = line.replace(HARD_BREAK, "").trim();
    if (!content) return;
    if (paragraph.length > 0 && !paragraph[paragraph.length - 1]?.endsWith("\n")) paragraph.push(" ");
    paragraph.push(hard ? `${content}\n` : content);
  };

  for (let line of lines.slice(front.bodyStart)) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      // Code is not article prose: everything up to the closing fence is dropped.
      if (fenceMark?.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark.slice(0, 3);
      continue;
    }
    while (QUOTE.test(line)) line = line.replace(QUOTE, "");
    if (!line.trim() || RULE.test(line) || TABLE_RULE.test(line) || REFERENCE.test(line)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      add(heading[1] ?? "");
      flush();
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      const cells = line.trim().slice(1, -1).split("|");
      add(
        cells
          .map((cell) => cell.trim())
          .filter(Boolean)
          .join("; "),
      );
      flush();
      continue;
    }
    const marker = LIST_ITEM.exec(line)?.[0];
    // As in CommonMark, only `1.` starts a numbered list inside a paragraph: a wrapped line may begin "2024. ".
    if (marker && (paragraph.length === 0 || inListItem || !/\d/.test(marker) || /^\s*1[.)]/.test(marker))) {
      flush();
      add(line.replace(LIST_ITEM, ""));
      inListItem = true;
      continue;
    }
    add(line);
  }
  flush();
  return { text: paragraphs.join("\n\n"), ...front.fields };
}

/** A `---` block at the very start: its simple `key: value` lines are read, the block is not text. */
function readFrontMatter(lines: readonly string[]): {
  bodyStart: number;
  fields: Omit<MarkdownDocument, "text">;
} {
  const none = { bodyStart: 0, fields: { title: null, date: null, outlet: null } };
  if (lines[0]?.trim() !== "---") return none;
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (end < 0) return none;
  const values = new Map<string, string>();
  for (const line of lines.slice(1, end)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.+?)\s*$/.exec(line);
    if (match?.[1] && match[2]) values.set(match[1].toLowerCase(), match[2].replace(/^(["'])(.*)\1$/, "$2"));
  }
  const first = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = values.get(key);
      if (value) return value;
    }
    return null;
  };
  return {
    bodyStart: end + 1,
    fields: {
      title: first("title"),
      date: first("published", "date"),
      outlet: first("outlet", "source", "publisher"),
    },
  };
}

/** Private-use stand-ins for backslash-escaped punctuation, so that `\*` is never emphasis. */
const ESCAPE_BASE = 0xe000;

/** Inline markup to its text: code spans, images, links, emphasis, HTML tags, escapes and entities. */
function inline(text: string): string {
  return decodeEntities(
    text
      .replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) =>
        String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)),
      )
      .replace(/(`+)(.+?)\1/g, (_, _ticks: string, code: string) => code.trim())
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?|mailto):[^>\s]+|[^>\s@]+@[^>\s@]+)>/g, "$1")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
      .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, "$1")
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1")
      .replace(/[\uE000-\uE07F]/g, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPE_BASE))
      // Removed markup (an image, a tag) leaves doubled or edge spaces.
      .replace(/ {2,}/g, " ")
      .replace(/^ | $/gm, ""),
  );
}
