import { describe, expect, it } from "vitest";
import { searchSpans, searchTerms } from "./search-terms.ts";

describe("search terms in the reader", () => {
  it("takes the words of a search, once each, without punctuation or one-letter words", () => {
    expect(searchTerms('"Embassy attack" a Tehran, embassy')).toEqual(["embassy", "attack", "tehran"]);
    expect(searchTerms("  ")).toEqual([]);
  });

  it("marks each word of the text that starts with a term, whatever its case", () => {
    const text = "Diplomats left; the diplomat's car. Non-diplomatic staff stayed.";
    expect(searchSpans(text, "diplomat").map((s) => text.slice(s.start, s.end))).toEqual([
      "Diplomats",
      "diplomat",
      "diplomatic",
    ]);
  });

  it("finds nothing inside a word, and treats regular-expression characters as text", () => {
    expect(searchSpans("Azerbaijani oil", "baijan")).toEqual([]);
    expect(searchSpans("40% (of oil)", "(of")).toEqual([
      { start: 5, end: 7, id: "search-0", kind: "search" },
    ]);
    expect(searchSpans("Bakı and Baku", "bakı")).toEqual([
      { start: 0, end: 4, id: "search-0", kind: "search" },
    ]);
  });
});
