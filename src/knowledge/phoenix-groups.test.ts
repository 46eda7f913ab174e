import { describe, expect, it } from "vitest";
import { displayName } from "./phoenix-dictionary.ts";
import { convertPhoenixGroups } from "./phoenix-groups.ts";

// A small dictionary in the Phoenix actor format, written for this test.
const DICTIONARY = `
# Phoenix MNSA actor file
BOKO_HARAM [NGAREB]

LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ [LKAREB] #  note
+TAMIL_TIGERS_
+TIGERS_

GAZTERIAK_ [FRAREB] #  note
+YOUTH_

AL-QAIDA_ [IMGMUSALQ]
+LET_
+313

THE_ISLAMIC_STATE
+ISIS_
+DAESH_
	[IMGMUSISI >20130408] # dated

TIGERS [MEAREB]
+FREEDOM_TIGERS_

NATIONAL_PARTY_ [ZAFPTY]
`;

const STATES = new Set(["NGA", "LKA", "FRA", "ZAF"]);
const lookup = {
  isState: (prefix: string) => STATES.has(prefix),
  isPluralWord: (word: string) => word === "tigers",
  isFunctionWord: (word: string) => word === "let",
};

describe("convertPhoenixGroups", () => {
  const groups = convertPhoenixGroups(DICTIONARY, lookup);
  const named = (name: string) => groups.find((g) => g.name === name);

  it("codes a group by the state its code names, else as transnational (IMG)", () => {
    expect(named("Boko Haram")).toEqual({
      name: "Boko Haram",
      country: "NGA",
      aliases: ["Boko Haram"],
      shortForms: [],
    });
    expect(named("al-Qaida")?.country).toBe("IMG");
    expect(named("Tigers")?.country).toBe("IMG");
  });

  it("keeps multiword aliases and bracketed acronyms, and makes bare one-word aliases short forms", () => {
    expect(named("Liberation Tigers of Tamil Eelam")).toEqual({
      name: "Liberation Tigers of Tamil Eelam",
      country: "LKA",
      aliases: ["Liberation Tigers of Tamil Eelam", "LTTE", "Tamil Tigers"],
      shortForms: ["Tigers"],
    });
    expect(named("Gazteriak")).toMatchObject({ aliases: ["Gazteriak"], shortForms: ["Youth"] });
  });

  it("reads a code on a line of its own, drops a leading article, keeps acronyms that are not words", () => {
    expect(named("Islamic State")).toMatchObject({
      country: "IMG",
      aliases: ["Islamic State", "ISIS"],
      shortForms: ["Daesh"],
    });
    expect(named("al-Qaida")?.aliases).toEqual(["al-Qaida"]);
  });

  it("does not let an English plural stand alone even as a name", () => {
    expect(named("Tigers")).toMatchObject({ aliases: ["Freedom Tigers"], shortForms: ["Tigers"] });
  });

  it("leaves out entries that are not armed groups", () => {
    expect(named("National Party")).toBeUndefined();
  });
});

describe("displayName", () => {
  it("writes particles in lower case and capitalises the other words", () => {
    expect(displayName("HARAKAT_AL-SHABAAB_AL-MUJAHIDEEN")).toBe("Harakat al-Shabaab al-Mujahideen");
    expect(displayName("PKK")).toBe("PKK");
  });
});
