import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testLexicon } from "./testing.ts";

describe("EventLexicon.candidatesIn", () => {
  const lexicon = testLexicon();
  // Triggers with hundreds of patterns, where the guard index does its work, and some with few.
  const triggers = ["set", "fight", "give", "provide", "hold", "lift", "attack", "meet", "agree", "send"];
  const wordsOf = (trigger: string): string[] => [
    ...new Set(lexicon.patternsFor(trigger).flatMap((pattern) => pattern.required.flat())),
  ];
  const possible = (trigger: string, present: ReadonlySet<string>) =>
    lexicon
      .patternsFor(trigger)
      .filter((pattern) =>
        pattern.required.every((alternatives) => alternatives.some((w) => present.has(w))),
      );

  it("lets through exactly the patterns whose every required element has a word present", () => {
    const sentenceWords = fc
      .constantFrom(...triggers)
      .chain((trigger) => fc.tuple(fc.constant(trigger), fc.subarray(wordsOf(trigger), { maxLength: 10 })));
    fc.assert(
      fc.property(sentenceWords, ([trigger, words]) => {
        const tokens = [trigger, ...words, "zebra"];
        const candidates = lexicon.candidatesIn(tokens, tokens);
        expect(candidates.at(0)).toEqual(possible(trigger, new Set(tokens)));
        expect(candidates.at(tokens.length - 1)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("finds required words among the lemmas too, and gives a token's word's patterns, then its lemma's", () => {
    // "sign * grant" requires "grant", which only the lemma of "grants" gives.
    const words = ["signed", "the", "grants"];
    const lemmas = ["sign", "the", "grant"];
    const present = new Set([...words, ...lemmas]);
    const candidates = lexicon.candidatesIn(words, lemmas).at(0);
    expect(candidates).toEqual([...possible("signed", present), ...possible("sign", present)]);
    expect(candidates.map((pattern) => pattern.text)).toContain("sign * grant");
  });
});
