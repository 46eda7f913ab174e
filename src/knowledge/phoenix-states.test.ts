import { describe, expect, it } from "vitest";
import { convertPhoenixStateForms } from "./phoenix-states.ts";

// A small dictionary in the Phoenix actor format, written for this test.
const DICTIONARY = `
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREEDONESE_
+FREEDONIAS_
+FREEDONIA_CITY_
+FREEDISH_
+MARXIAN_
+FREEBURG_

SYLVANIA_  [SYL]
+SYLVANIAN_

FREEDONIAN_ARMY [FRDMIL]
+FREEDONIC_
`;

const names: Record<string, string> = { FRD: "Freedonia", SYL: "Sylvania" };
const lookup = {
  nameOf: (code: string) => names[code],
  inStateName: (word: string) => word === "freedish",
  isKnown: (form: string) => form === "Freedonian" || form === "Sylvanian",
};

describe("convertPhoenixStateForms", () => {
  it("keeps one-word adjectives of a state that open with its name's stem", () => {
    expect(convertPhoenixStateForms(DICTIONARY, lookup)).toEqual({ FRD: ["Freedonese"] });
  });
});
