import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isTriangulateError } from "../core/errors.ts";
import { compareAtPrecision } from "../extract/actors/gazetteer.ts";
import { phraseKeys } from "../extract/actors/phrase-trie.ts";
import { GROUP_CODES } from "../core/codes.ts";
import { loadActorSources, loadGazetteer, readWorldCountries } from "./actors.ts";
import { DATA_DIR } from "./load.ts";

const sources = loadActorSources(DATA_DIR);
const gazetteer = loadGazetteer(DATA_DIR);
const states = new Set(
  sources.actors.filter((a) => a.actor.kind === "state").map((a) => a.actor.id as string),
);

describe("the actor data files", () => {
  it("hold every state of world-countries by its alpha-3 code (Kosovo as XKX)", () => {
    const codes = readWorldCountries().map((c) => (c.cca3 === "UNK" ? "XKX" : c.cca3));
    expect(codes.length).toBeGreaterThan(240);
    for (const code of codes) expect(states.has(code), code).toBe(true);
    expect(states.has("UNK")).toBe(false); // kept for unidentified actors
  });

  it("give every state at least one name and the package's English demonym", () => {
    for (const { actor, aliases } of sources.actors.filter((a) => a.actor.kind === "state")) {
      expect(
        aliases.some((a) => a.via === "name"),
        actor.id,
      ).toBe(true);
    }
    expect(gazetteer.lookup("Azerbaijani")?.id).toBe("AZE");
    expect(gazetteer.lookup("Azeri")?.id).toBe("AZE");
    expect(gazetteer.lookup("Iranians")?.id).toBe("IRN");
    expect(gazetteer.lookup("Baku")?.id).toBe("AZE");
    expect(gazetteer.lookup("Tel Aviv")?.id).toBe("ISR");
  });

  it("know the demonyms news writes that the package spells otherwise or lacks", () => {
    const spellings = {
      Ecuadorian: "ECU",
      Nepali: "NPL",
      Slovenians: "SVN",
      Maldivian: "MDV",
      Djiboutian: "DJI",
    };
    for (const [demonym, code] of Object.entries(spellings))
      expect(gazetteer.lookup(demonym)?.id, demonym).toBe(code);
  });

  it("leave no phrase claimed by two actors at equal standing", () => {
    expect(gazetteer.conflicts).toEqual([]);
    // Resolved on purpose: shared by two states, given to the one news mean.
    expect(gazetteer.lookup("Congolese")?.id).toBe("COD");
    expect(gazetteer.lookup("Dominicans")?.id).toBe("DOM");
    expect(gazetteer.lookup("French")?.id).toBe("FRA");
    expect(gazetteer.lookup("American")?.id).toBe("USA");
    // Dropped on purpose: ordinary words and names.
    expect(gazetteer.lookup("Island")).toBeNull();
    expect(gazetteer.lookup("Victoria")).toBeNull();
    expect(gazetteer.lookup("Persian")).toBeNull();
  });

  it("give every organisation, body and group a known code", () => {
    for (const { actor } of sources.actors) {
      const country = actor.country ?? "";
      expect(states.has(country) || (GROUP_CODES as readonly string[]).includes(country), actor.id).toBe(
        true,
      );
    }
    const kinds = new Set(sources.actors.map((a) => a.actor.kind));
    expect([...kinds].sort()).toEqual(["group", "igo", "organization", "state"]);
  });

  it("give every person a valid state and roles whose terms are in order", () => {
    const ids = new Set<string>();
    for (const person of sources.persons) {
      const { actor, terms } = person;
      expect(ids.has(actor.id), `${actor.id} twice`).toBe(false);
      ids.add(actor.id);
      expect(actor.kind).toBe("person");
      expect(states.has(actor.country ?? "") || actor.country === "IGO", actor.id).toBe(true);
      expect(terms.length, actor.id).toBeGreaterThan(0);
      for (const term of terms) {
        expect(states.has(term.country) || term.country === "IGO", `${actor.id} ${term.role}`).toBe(true);
        if (term.from && term.to)
          expect(compareAtPrecision(term.from, term.to), actor.id).toBeLessThanOrEqual(0);
      }
      // One person never holds one office twice at once.
      const byOffice = new Map<string, typeof terms>();
      for (const term of terms)
        byOffice.set(`${term.role} ${term.country}`, [
          ...(byOffice.get(`${term.role} ${term.country}`) ?? []),
          term,
        ]);
      for (const [office, list] of byOffice) {
        const dated = [...list]
          .filter((t) => t.from)
          .sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""));
        for (let i = 1; i < dated.length; i++) {
          const before = dated[i - 1]?.to;
          const next = dated[i]?.from ?? "";
          expect(before, `${actor.id} ${office} open term before another`).toBeTruthy();
          expect(compareAtPrecision(before ?? "", next), `${actor.id} ${office}`).toBeLessThanOrEqual(0);
        }
      }
    }
  });

  it("let at most one person answer to a bare surname", () => {
    const alone = new Map<string, string>();
    for (const person of sources.persons.filter((p) => p.surnameAlone)) {
      for (const surname of person.surnames) {
        const key = phraseKeys(surname).join(" ");
        expect(alone.get(key) ?? person.actor.id, `${surname}: ${alone.get(key) ?? ""}`).toBe(
          person.actor.id,
        );
        alone.set(key, person.actor.id);
      }
    }
  });

  it("record the offices the region's news names", () => {
    const offices = (name: string): string[] =>
      gazetteer.person(name)?.terms.map((t) => `${t.role} ${t.country} ${t.from ?? ""}-${t.to ?? ""}`) ?? [];
    expect(offices("Ilham Aliyev")).toEqual(["president AZE 2003-10-"]);
    expect(offices("Ebrahim Raisi")).toEqual(["president IRN 2021-08-2024-05"]);
    expect(offices("Masoud Pezeshkian")).toEqual(["president IRN 2024-07-"]);
    expect(offices("Hakan Fidan")).toContain("foreign-minister TUR 2023-06-");
    expect(gazetteer.person("Mevlut Cavusoglu")?.actor.id).toBe("person:mevlut-cavusoglu");
  });
});

describe("loading bad actor data", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function withFile(path: string, edit: (json: Record<string, unknown>) => unknown): string {
    const dir = mkdtempSync(join(tmpdir(), "triangulate-actors-"));
    dirs.push(dir);
    cpSync(join(DATA_DIR, "actors"), join(dir, "actors"), { recursive: true });
    const file = join(dir, "actors", path);
    writeFileSync(
      file,
      JSON.stringify(edit(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)),
    );
    return dir;
  }

  it.each([
    [
      "an unknown country",
      "organizations.json",
      () => ({ organizations: [{ name: "Nowhere Corp", country: "ZZZ", aliases: [] }] }),
      /organizations\.json: organizations\.0\.country: unknown country code ZZZ/,
    ],
    [
      "a term that ends before it starts",
      "persons.json",
      () => ({
        persons: [
          {
            name: "A Person",
            country: "AZE",
            roles: [{ role: "president", country: "AZE", from: "2020", to: "2019" }],
          },
        ],
      }),
      /persons\.json: persons\.0\.roles\.0: ends before it starts/,
    ],
    [
      "a malformed date",
      "persons.json",
      () => ({
        persons: [
          {
            name: "A Person",
            country: "AZE",
            roles: [{ role: "president", country: "AZE", from: "May 2020" }],
          },
        ],
      }),
      /persons\.json: persons\.0\.roles\.0\.from/,
    ],
    ["a missing field", "igos.json", () => ({ bodies: [{ aliases: [] }] }), /igos\.json: bodies\.0\.name/],
  ])("names the place of %s", (_what, file, edit, message) => {
    const dir = withFile(file, edit);
    let error: unknown;
    try {
      loadGazetteer(dir);
    } catch (caught) {
      error = caught;
    }
    expect(isTriangulateError(error) && error.code).toBe("invalid_data");
    expect(String(error)).toMatch(message);
  });
});
