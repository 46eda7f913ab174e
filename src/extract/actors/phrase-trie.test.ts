import { describe, expect, it } from "vitest";
import { createPhraseTrie } from "./phrase-trie.ts";
import { splitWords } from "./words.ts";

describe("createPhraseTrie", () => {
  const trie = createPhraseTrie<string>();
  trie.add("US", "USA");
  trie.add("ICE", "ice-agency");
  trie.add("Chad", "TCD");
  trie.add("Tel Aviv", "ISR");
  trie.add("the two countries", "pair");
  trie.add("Islamic Republic", "IRN");
  trie.add("Islamic Republic of Iran", "IRN-full");
  trie.add("Sa'ar", "saar");

  const first = (text: string): string | null => trie.match(splitWords(text), 0)?.value ?? null;

  it.each([
    ["US officials", "USA"],
    ["us officials", null],
    ["Us and them", null],
    ["ICE agents", "ice-agency"],
    ["Ice covered it", null],
    ["Chad voted", "TCD"],
    ["chad voted", null],
    ["Tel Aviv said", "ISR"],
    ["Tel-Aviv said", "ISR"],
    ["Tel, Aviv", null],
    ["The Two Countries", "pair"],
    ["Islamic Republic of Iran", "IRN-full"],
    ["Islamic Republic of Pakistan", "IRN"],
    ["Sa’ar wrote", "saar"],
    ["Saar wrote", null],
  ])("%j starts with %j", (text, expected) => {
    expect(first(text)).toBe(expected);
  });

  it("reports the words a match covers", () => {
    expect(trie.match(splitWords("in Tel Aviv today"), 1)).toEqual({ value: "ISR", start: 1, end: 3 });
    expect(trie.starts("tel")).toBe(true);
    expect(trie.starts("aviv")).toBe(false);
    expect(trie.size).toBe(8);
  });
});
