import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testLexicon } from "./testing.ts";

describe("EventLexicon.possiblePatterns", () => {
  const lexicon = testLexicon();
  // Triggers with hundreds of patterns, where the guard index does its work, and some with few.
  const triggers = ["set", "fight", "give", "provide", "hold", "lift", "attack", "meet", "agree", "send"];
  const wordsOf = (trigger: string): string[] => [
    ...new Set(lexicon.patternsFor(trigger).flatMap((pattern) => pattern.required.flat())),
  ];

  it("lets through exactly the patterns whose every required element has a word present", () => {
    const sentenceWords = fc
      .constantFrom(...triggers)
      .chain((trigger) => fc.tuple(fc.constant(trigger), fc.subarray(wordsOf(trigger), { maxLength: 10 })));
    fc.assert(
      fc.property(sentenceWords, ([trigger, words]) => {
        const present = new Set(words);
        const expected = lexicon
          .patternsFor(trigger)
          .filter((pattern) =>
            pattern.required.every((alternatives) => alternatives.some((w) => present.has(w))),
          );
        expect(lexicon.possiblePatterns(trigger, () => present)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
