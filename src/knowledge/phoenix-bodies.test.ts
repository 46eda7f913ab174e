import { describe, expect, it } from "vitest";
import { convertPhoenixInternational, convertPhoenixStateBodies } from "./phoenix-bodies.ts";

// Small dictionaries in the Phoenix actor format, written for this test.
const COUNTRIES = `
# Phoenix countries actor file
FREEDONIA_  [FRD]
+FREEDONIAN_

FREEDONIAN_BUREAU_OF_INVESTIGATION_ [FRDCOP]
+FBOI_
+BUREAU_
+FEDERAL_LAW_ENFORCEMENT_

FREEDONIA_HIGH_COURT_ [FRDGOVJUD]
+SUPREME_COURT_
+FREEDONIA_PRESIDENT_

RUFUS_FIREFLY_ [FRDGOV]

MARX_PARTY_ [FRDPTY]

FREEDONIA_ISLES_ [FRDISL]

RUFUS_T._FIREFLY_
	[FRDGOV 330101-331231]

FREEDONIA_LIBERATION_ARMY_ [FRDREB]
`;

const INTERNATIONAL = `
UNITED_NATIONS_ [IGOUNO]
+UN_
SAVE_THE_PANDAS_ [NGOENV]
+STP_
CONCERN_ [NGOHLH]
ACME_CORPORATION_ [MNC]
MARGARET_DUMONT_ [NGO]
`;

const ENGLISH = new Set([
  "bureau",
  "federal",
  "law",
  "enforcement",
  "supreme",
  "court",
  "high",
  "save",
  "concern",
]);
const lookup = {
  isState: (prefix: string) => prefix === "FRD",
  isEnglishWord: (word: string) => ENGLISH.has(word),
  hasTitle: (phrase: string) => /president/i.test(phrase),
  isFirstName: (word: string) => word === "Rufus" || word === "Margaret",
};

describe("convertPhoenixStateBodies", () => {
  const bodies = convertPhoenixStateBodies(COUNTRIES, lookup);

  it("keeps the undated institutions of a state, coded by the state", () => {
    expect(bodies.map((b) => [b.name, b.country])).toEqual([
      ["Freedonian Bureau of Investigation", "FRD"],
      ["Freedonia High Court", "FRD"],
    ]);
  });

  it("leaves out short generic names, titles and one English word; keeps acronyms and long names", () => {
    expect(bodies[0]?.aliases).toEqual([
      "Freedonian Bureau of Investigation",
      "FBOI",
      "Federal Law Enforcement",
    ]);
    expect(bodies[1]?.aliases).toEqual(["Freedonia High Court"]);
  });

  it("leaves out the state itself, territories, parties, rebels and persons, dated or not", () => {
    const names = bodies.map((b) => b.name);
    for (const name of [
      "Freedonia",
      "Freedonia Isles",
      "Marx Party",
      "Freedonia Liberation Army",
      "Rufus Firefly",
    ])
      expect(names).not.toContain(name);
  });
});

describe("convertPhoenixInternational", () => {
  it("codes intergovernmental and non-governmental bodies IGO, without corporations, persons or English words", () => {
    expect(convertPhoenixInternational(INTERNATIONAL, lookup)).toEqual([
      { name: "United Nations", country: "IGO", aliases: ["United Nations", "UN"] },
      { name: "Save the Pandas", country: "IGO", aliases: ["Save the Pandas", "STP"] },
    ]);
  });
});
