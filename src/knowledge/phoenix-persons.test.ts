import { describe, expect, it } from "vitest";
import { phoenixDate } from "./phoenix-dictionary.ts";
import { convertPhoenixPersons, distinctiveSurnames } from "./phoenix-persons.ts";

// A small dictionary in the Phoenix countries format, written for this test.
const DICTIONARY = `
KENYA_  [KEN]
+KENYAN_

AMINA_WANJIRU_ODHIAMBO_  # CountryInfo.txt
+PRESIDENT_ODHIAMBO_
+ODHIAMBO_
	[KENELI 750101-980512]
	[KENGOV >980512]

GRACE_MAY_  # CountryInfo.txt
+MAY_
	[GHAGOVMIL 20010301-20090115]

SAMUEL_OSEI_
	[GHAGOV 090230-100101]
	[GHAGOV 120101-110101]

KENYA_DEFENCE_FORCES
+KDF_
	[KENMIL]

JOSEPH_KONY_
	[UGAREB 870101-]

MADONNA_
	[USAELI 850101-]
`;

const lookup = {
  isState: (prefix: string) => ["KEN", "GHA", "UGA", "USA"].includes(prefix),
  isEnglishWord: (word: string) => word === "may",
};

describe("phoenixDate", () => {
  it("reads six-digit dates with the 2014 dictionary's century and eight-digit dates as they are", () => {
    expect(phoenixDate("980512")).toBe("1998-05-12");
    expect(phoenixDate("110909")).toBe("2011-09-09");
    expect(phoenixDate("20110909")).toBe("2011-09-09");
  });

  it("gives null for what is no calendar date", () => {
    expect(phoenixDate("090230")).toBeNull();
    expect(phoenixDate("1999")).toBeNull();
  });
});

describe("convertPhoenixPersons", () => {
  const persons = convertPhoenixPersons(DICTIONARY, lookup);
  const named = (name: string) => persons.find((p) => p.name === name);

  it("gives a person's roles with the dates each held, and the state of the latest", () => {
    expect(named("Amina Wanjiru Odhiambo")).toEqual({
      name: "Amina Wanjiru Odhiambo",
      country: "KEN",
      aliases: ["Amina Wanjiru Odhiambo", "President Odhiambo"],
      surnames: ["Odhiambo"],
      roles: [
        { role: "elite", country: "KEN", from: "1975-01-01", to: "1998-05-12" },
        { role: "government", country: "KEN", from: "1998-05-12" },
      ],
    });
  });

  it("keeps a surname that is an English word out", () => {
    expect(named("Grace May")).toMatchObject({
      surnames: [],
      roles: [{ from: "2001-03-01", to: "2009-01-15" }],
    });
  });

  it("leaves a date that is no calendar date open, and an end before the start unset", () => {
    expect(named("Samuel Osei")?.roles).toEqual([
      { role: "government", country: "GHA", to: "2010-01-01" },
      { role: "government", country: "GHA", from: "2012-01-01" },
    ]);
  });

  it("leaves out states, undated bodies, rebels and one-word names", () => {
    expect(persons.map((p) => p.name).sort()).toEqual(["Amina Wanjiru Odhiambo", "Grace May", "Samuel Osei"]);
  });
});

describe("distinctiveSurnames", () => {
  const persons = [
    { name: "Kostas Andrianopoulos", country: "GRC" },
    { name: "Eleni Papadaki", country: "GRC" },
    { name: "Nikos Papadaki", country: "GRC" },
    { name: "Pedro Castellanos", country: "HND" },
    { name: "Rosa Castellanos", country: "VEN" },
    { name: "Hussein Tarawneh", country: "JOR" },
    { name: "Karim Hussein", country: "IRQ" },
    { name: "Ana Lee", country: "KOR" },
    { name: "Liberation Movement", country: "SDN" },
  ];
  const distinct = distinctiveSurnames(persons, (word) => word === "movement");

  it("keeps a surname only one person bears", () => {
    expect([...distinct].sort()).toEqual(["andrianopoulos", "tarawneh"]);
  });

  it("leaves out surnames of two states, first names, short ones and English words", () => {
    for (const surname of ["castellanos", "hussein", "lee", "movement"])
      expect(distinct).not.toContain(surname);
  });
});
