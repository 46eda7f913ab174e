import { describe, expect, it } from "vitest";
import { ftsQuery } from "./fts-query.ts";

describe("ftsQuery", () => {
  it.each([
    ["Iran", '"Iran"'],
    ["  Iran   Baku ", '"Iran" "Baku"'],
    ['say "hello"', '"say" """hello"""'],
    ["emb*", '"emb"*'],
    ["AND OR NOT", '"AND" "OR" "NOT"'],
    ["NEAR(a b)", '"NEAR(a" "b)"'],
    ["title:Iran", '"title:Iran"'],
    ["- * ( ) \" '", null],
    ["", null],
    ["Azərbaycan", '"Azərbaycan"'],
  ])("%j -> %j", (input, expected) => {
    expect(ftsQuery(input)).toBe(expected);
  });

  it("keeps at most 32 words", () => {
    expect(ftsQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" "))?.split(" ")).toHaveLength(32);
  });
});
