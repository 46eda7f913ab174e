import { describe, expect, it } from "vitest";
import { parsePatterns } from "../extract/events/lexicon.ts";
import { convertPetrarchVerbs } from "./petrarch-verbs.ts";

// A small dictionary in PETRARCH-2's verb format, written for this test.
const DICTIONARY = `
# comment line
&SHIP
+FRIGATE
+GUNBOAT_
+MI-8/HIP

&AUXVERB_
+WAS

####### VERB PATTERNS #######

---  DEPORT   [174]  ---
EXPEL {EXPELS EXPELLED }  # a comment
+KICK_OUT
ACCUSE [112]
- * DIPLOMAT                          [161]   # EXPEL
- * (FROM OFFICE)                     [160]   # REMOVE
- * {NAVAL &SHIP}                     [0873]  # EXPEL
- $ * (INTO +)                        [0862]  # EXPEL
- * (AS &NEGOTIATOR) +                [045]   # unknown synset
- &MILITARY * TROOPS                  [154]   # words before the verb
- * RULER                             [---]   # no event
- * CRITICISM                         [:111]  # the reverse direction only
- * ENVOY                             [1611]  # a code finer than the table's
- * ROGUES                            [999]   # a code the table lacks
- * DIPLOMAT                          [174]   # the same words again

---  OBSERVE   [---]  ---
WATCH
- * (BY/WITH PROTESTS)                [141]
`;

const KNOWN = new Set(["174", "112", "161", "160", "0873", "0862", "045", "154", "141"]);
const lookup = (code: string): string | null =>
  [code, code.slice(0, 3)].find((candidate) => KNOWN.has(candidate)) ?? null;

describe("convertPetrarchVerbs", () => {
  const { lines, skipped } = convertPetrarchVerbs(DICTIONARY, lookup);

  it("gives each pattern to every verb of its block, with the verbs' irregular forms and phrasal verbs", () => {
    expect(lines).toContain("161 expel|expels|expelled|kick_out|accuse * diplomat");
  });

  it("turns phrases, compounds, synsets, slots and alternatives into our syntax", () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        "160 expel|expels|expelled|kick_out|accuse * from * office",
        "0873 expel|expels|expelled|kick_out|accuse * naval frigate|gunboat",
        "0862 expel|expels|expelled|kick_out|accuse * into * @T",
        "141 watch * by|with * protests",
      ]),
    );
  });

  it("maps a code the table lacks to the one it has, and leaves out what our syntax cannot say", () => {
    expect(lines).toContain("161 expel|expels|expelled|kick_out|accuse * envoy");
    expect(lines.some((line) => line.includes("rogues") || line.includes("troops"))).toBe(false);
    expect(skipped).toEqual({
      "verb-alone": 5,
      "words-before-verb": 1,
      "null-code": 1,
      "reverse-only": 1,
      "unknown-code": 1,
      unsupported: 1,
      duplicate: 1,
    });
  });

  it("writes only lines our pattern parser accepts", () => {
    expect(parsePatterns(lines.join("\n"), "verb", "converted.txt", "dictionary")).toHaveLength(lines.length);
  });
});
