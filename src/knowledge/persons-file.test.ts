import { describe, expect, it } from "vitest";
import { personsFileShape } from "./persons-file.ts";

const ROLE = { role: "foreign-minister", country: "AZE", from: "2004-04", to: "2024" };
const PERSON = { name: "Elmar Mammadyarov", country: "AZE", surnames: ["Mammadyarov"], roles: [ROLE] };

describe("the persons files' shape", () => {
  it("accepts a valid file and gives back the parsed value itself", () => {
    const raw = {
      persons: [
        PERSON,
        { name: "A", country: "IGO", surnameAlone: true, roles: [{ role: "x", country: "IGO" }] },
      ],
    };
    const checked = personsFileShape.safeParse(raw);
    expect(checked.success).toBe(true);
    expect(checked.success && checked.data).toBe(raw);
  });

  it.each([
    ["not an object", [], ""],
    ["no persons", {}, "persons"],
    ["an empty name", { persons: [{ ...PERSON, name: "" }] }, "persons.0.name"],
    [
      "an unknown country code",
      { persons: [PERSON, { ...PERSON, country: "Azerbaijan" }] },
      "persons.1.country",
    ],
    ["an unknown key", { persons: [{ ...PERSON, born: "1960" }] }, "persons.0.born"],
    [
      "an alias that is not a string",
      { persons: [{ ...PERSON, aliases: ["E. M.", 3] }] },
      "persons.0.aliases.1",
    ],
    [
      "a flag that is not a boolean",
      { persons: [{ ...PERSON, surnameAlone: "yes" }] },
      "persons.0.surnameAlone",
    ],
    ["no roles", { persons: [{ ...PERSON, roles: [] }] }, "persons.0.roles"],
    [
      "a role in capitals",
      { persons: [{ ...PERSON, roles: [{ ...ROLE, role: "Minister" }] }] },
      "persons.0.roles.0.role",
    ],
    [
      "a role's unknown key",
      { persons: [{ ...PERSON, roles: [ROLE, { ...ROLE, note: "" }] }] },
      "persons.0.roles.1.note",
    ],
    [
      "a malformed date",
      { persons: [{ ...PERSON, roles: [{ ...ROLE, from: "May 2020" }] }] },
      "persons.0.roles.0.from",
    ],
    [
      "a day out of range",
      { persons: [{ ...PERSON, roles: [{ ...ROLE, to: "2023-02-30" }] }] },
      "persons.0.roles.0.to",
    ],
  ])("refuses %s, naming where", (_what, raw, path) => {
    const checked = personsFileShape.safeParse(raw);
    expect(checked.success).toBe(false);
    expect(!checked.success && checked.error.issues[0]?.path.join(".")).toBe(path);
  });
});
