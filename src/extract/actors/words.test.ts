import { describe, expect, it } from "vitest";
import { foldKey, joins, possessiveAfter, splitWords } from "./words.ts";

describe("splitWords", () => {
  it.each([
    ["Iran's foreign minister", ["iran", "s", "foreign", "minister"]],
    ["Gideon Sa'ar", ["gideon", "sa", "ar"]],
    ["U.S.-backed", ["u", "s", "backed"]],
    ["Amir-Abdollahian", ["amir", "abdollahian"]],
    ["Erdoğan and Çavuşoğlu", ["erdogan", "and", "cavusoglu"]],
    ["İlham Əliyev, Türkiye", ["ilham", "aliyev", "turkiye"]],
    ["relationsAzerbaijan and Israel", ["relations", "azerbaijan", "and", "israel"]],
    ["40–65% of 2024", ["40", "65", "of", "2024"]],
    ["", []],
  ])("cuts %j into words keyed without case or accents", (text, keys) => {
    expect(splitWords(text).map((w) => w.key)).toEqual(keys);
  });

  it("keeps offsets, gaps and case", () => {
    const words = splitWords("the US, Iran's", 100);
    expect(words.map((w) => [w.raw, w.start, w.end, w.gap, w.capital, w.upper])).toEqual([
      ["the", 100, 103, "", false, false],
      ["US", 104, 106, " ", true, true],
      ["Iran", 108, 112, ", ", true, false],
      ["s", 113, 114, "'", false, false],
    ]);
  });

  it("takes the part of speech of the token a word starts in", () => {
    const sentence = {
      start: 0,
      end: 9,
      text: "Iran said",
      tokens: [
        { text: "Iran", start: 0, end: 4, pos: "PROPN", lemma: "iran" },
        { text: "said", start: 5, end: 9, pos: "VERB", lemma: "say" },
      ],
    };
    expect(splitWords(sentence.text, 0, sentence).map((w) => w.pos)).toEqual(["PROPN", "VERB"]);
  });
});

describe("foldKey", () => {
  it("folds case and diacritics, including letters NFKD keeps", () => {
    expect(foldKey("Yıldırım")).toBe("yildirim");
    expect(foldKey("Məmmədyarov")).toBe("mammadyarov");
    expect(foldKey("Élysée")).toBe("elysee");
    expect(foldKey("plain")).toBe("plain");
  });
});

describe("joins and possessives", () => {
  it.each([
    [" ", true],
    ["'", true],
    [". ", true],
    ["-", true],
    [", ", false],
    [" – ", false],
    ["", false],
    ["    ", false],
  ])("joins(%j) is %s", (gap, expected) => {
    expect(joins(gap)).toBe(expected);
  });

  it("finds 's and a plural's apostrophe", () => {
    expect(possessiveAfter(splitWords("Iran's army"), 0)).toEqual({ next: 2, end: 6 });
    expect(possessiveAfter(splitWords("Azerbaijanis’ views"), 0)).toEqual({ next: 1, end: 13 });
    expect(possessiveAfter(splitWords("Iran said"), 0)).toBeNull();
  });
});
