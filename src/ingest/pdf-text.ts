/**
 * A PDF's text lines as paragraphs: PDFs break lines where the page ran out,
 * and sentences must not end at a line break (the NLP stage never lets a
 * sentence cross one). Pure; `pdf.ts` reads the lines with PDF.js.
 */

/** One line of a page as PDF.js placed it. */
export interface PdfLine {
  readonly text: string;
  /** The baseline's height on the page (PDF units, growing upwards). */
  readonly y: number;
  /** The font size, about the line's height. */
  readonly size: number;
}

/** A gap between lines this many times the font size or more starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;

/**
 * Joins each page's lines into paragraphs (a wider gap than the usual line
 * spacing, or a new page, starts one), undoes words hyphenated across lines
 * (`inter-` + `national`), and puts a blank line between paragraphs.
 *
 * @example reflowPages([[{ text: "Baku and", y: 700, size: 12 }, { text: "Tel Aviv met.", y: 686, size: 12 }]]) === "Baku and Tel Aviv met."
 */
export function reflowPages(pages: readonly (readonly PdfLine[])[]): string {
  const paragraphs: string[] = [];
  for (const lines of pages) {
    let paragraph = "";
    let previous: PdfLine | null = null;
    for (const line of lines) {
      const text = line.text.replace(/\s+/g, " ").trim();
      if (!text) continue;
      const gap = previous === null ? 0 : previous.y - line.y;
      const newParagraph =
        previous !== null && (gap > PARAGRAPH_GAP * Math.max(previous.size, line.size) || gap < 0);
      if (newParagraph && paragraph) {
        paragraphs.push(paragraph);
        paragraph = "";
      }
      paragraph = joinLine(paragraph, text);
      previous = line;
    }
    if (paragraph) paragraphs.push(paragraph);
  }
  return paragraphs.join("\n\n");
}

function joinLine(paragraph: string, line: string): string {
  if (!paragraph) return line;
  // "inter-" + "national": a word broken at the margin (a lower-case letter follows).
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/**
 * A PDF date (`D:20240306120000+04'00'`) as its calendar date, or null.
 *
 * @example pdfDate("D:20240306120000Z") === "2024-03-06"
 */
export function pdfDate(value: string | null | undefined): string | null {
  const parts = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value?.trim() ?? "");
  if (!parts) return null;
  const [, year, month, day] = parts;
  return [year, month, day].filter((part) => part !== undefined).join("-");
}
