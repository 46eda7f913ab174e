import { describe, expect, it } from "vitest";
import { readPdf } from "./pdf.ts";
import { pdfDate, reflowPages } from "./pdf-text.ts";
import { makePdf } from "./testing/make-pdf.ts";

describe("reflowPages", () => {
  const line = (text: string, y: number) => ({ text, y, size: 12 });
  it.each([
    [
      "lines of a paragraph join with a space",
      [[line("Baku and", 700), line("Tel Aviv met.", 686)]],
      "Baku and Tel Aviv met.",
    ],
    ["a wider gap starts a paragraph", [[line("One.", 700), line("Two.", 672)]], "One.\n\nTwo."],
    ["a new page starts a paragraph", [[line("One", 700)], [line("two.", 700)]], "One\n\ntwo."],
    [
      "a word broken at the margin is mended",
      [[line("an inter-", 700), line("national deal", 686)]],
      "an international deal",
    ],
    [
      "a hyphen before a capital stays",
      [[line("Azerbaijan-", 700), line("Israel ties", 686)]],
      "Azerbaijan- Israel ties",
    ],
    [
      "spaces collapse, and an empty line is a paragraph's gap",
      [[line("  a   b ", 700), line(" ", 686), line("c", 672)]],
      "a b\n\nc",
    ],
  ])("%s", (_, pages, text) => {
    expect(reflowPages(pages)).toBe(text);
  });
});

describe("pdfDate", () => {
  it.each([
    ["D:20240306120000Z", "2024-03-06"],
    ["D:202403", "2024-03"],
    ["20240306", "2024-03-06"],
    ["yesterday", null],
    [null, null],
  ])("%s is %s", (value, date) => {
    expect(pdfDate(value)).toBe(date);
  });
});

describe("readPdf", () => {
  it("reads the text as paragraphs, and the title and date, offline", async () => {
    const bytes = makePdf({
      title: "Caspian energy brief",
      created: "D:20240306120000Z",
      pages: [
        [
          ["Azerbaijan supplies about 40 percent of", "Israeli oil, officials said on Tuesday."],
          ["Iran condemned the agreement."],
        ],
        [["Talks resume next month."]],
      ],
    });
    const result = await readPdf(bytes);
    expect(result).toEqual({
      ok: true,
      pdf: {
        text:
          "Azerbaijan supplies about 40 percent of Israeli oil, officials said on Tuesday.\n\n" +
          "Iran condemned the agreement.\n\nTalks resume next month.",
        title: "Caspian energy brief",
        published: "2024-03-06",
      },
    });
  });

  it("says why a broken PDF cannot be read", async () => {
    const result = await readPdf(Buffer.from("%PDF-1.4\nnot really a pdf"));
    expect(result).toMatchObject({ ok: false, message: /^unreadable PDF: / });
  });
});
