import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { errorMessage } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import { isIsoDate } from "../core/ids.ts";
import type { PdfLine } from "./pdf-text.ts";
import { pdfDate, reflowPages } from "./pdf-text.ts";

/** What a PDF holds for ingest: its text as paragraphs, and the title and date of its information dictionary. */
export interface PdfContent {
  readonly text: string;
  readonly title: string | null;
  readonly published: IsoDate | null;
}

export type PdfResult =
  { readonly ok: true; readonly pdf: PdfContent } | { readonly ok: false; readonly message: string };

/** Whether bytes open as a PDF file does. */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-");
}

const require = createRequire(import.meta.url);

/**
 * Reads a PDF's text with Mozilla's PDF.js (the legacy build, for Node),
 * entirely offline: its worker runs in this thread from the package's own
 * file, the standard fonts come from the package, and no script is
 * evaluated. Never throws: an unreadable or encrypted PDF is a result.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  // Loaded on the first PDF: most runs never read one.
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const packageRoot = dirname(require.resolve("pdfjs-dist/package.json"));
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]> | undefined;
  try {
    document = await pdfjs.getDocument({
      // PDF.js takes ownership of (detaches) the buffer it is given.
      data: new Uint8Array(bytes),
      standardFontDataUrl: `${pathToFileURL(join(packageRoot, "standard_fonts")).href}/`,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      // Errors only: malformed PDFs make PDF.js warn on the console.
      verbosity: 0,
    }).promise;
    const pages: PdfLine[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      pages.push(linesOf((await page.getTextContent()).items));
      page.cleanup();
    }
    // The information dictionary's values are whatever the PDF wrote.
    const info = (await document.getMetadata()).info as Partial<Record<string, unknown>>;
    const title = typeof info.Title === "string" ? info.Title.trim() || null : null;
    const date = pdfDate(typeof info.CreationDate === "string" ? info.CreationDate : null);
    return {
      ok: true,
      pdf: { text: reflowPages(pages), title, published: date !== null && isIsoDate(date) ? date : null },
    };
  } catch (error) {
    return { ok: false, message: `unreadable PDF: ${errorMessage(error)}` };
  } finally {
    await document?.destroy();
  }
}

/** What PDF.js gives for a run of text on one baseline (marked-content items have no `str`). */
interface TextRun {
  readonly str: string;
  readonly transform: readonly number[];
  readonly height: number;
  readonly hasEOL: boolean;
}

/** Text runs as lines: a line ends where PDF.js saw a line break. */
function linesOf(items: readonly object[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = "";
  let y: number | null = null;
  let size = 0;
  for (const item of items) {
    if (!("str" in item)) continue;
    const run = item as TextRun;
    if (y === null && run.str.trim()) {
      y = run.transform[5] ?? 0;
      size = run.height;
    }
    text += run.str;
    if (run.hasEOL) {
      if (y !== null) lines.push({ text, y, size });
      text = "";
      y = null;
    }
  }
  if (y !== null) lines.push({ text, y, size });
  return lines;
}
