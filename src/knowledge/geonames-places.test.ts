import { describe, expect, it } from "vitest";
import { type GeoCity, type PlaceRules, selectPlaces } from "./geonames-places.ts";

const RULES: PlaceRules = {
  minPopulation: 250_000,
  sharedPopulation: 30_000,
  dominance: 4,
  isStateName: (lower) => ["armenia", "niger"].includes(lower),
  isOtherUse: (lower, kind) => lower === "reading" || (kind === "division" && lower === "delta"),
};
const city = (name: string, country: string, population: number): GeoCity => ({ name, country, population });

describe("selectPlaces", () => {
  it("keeps large cities and the divisions of states that have one, by state", () => {
    const places = selectPlaces(
      [city("Karachi", "PK", 14_000_000), city("Sukkur", "PK", 100_000), city("Vaduz", "LI", 5_000)],
      [
        { name: "Sindh", country: "PK" },
        { name: "Balzers", country: "LI" },
      ],
      RULES,
    );
    expect(places).toEqual({ PK: ["Karachi", "Sindh"] });
  });

  it("leaves out a name two states share unless one place is far larger", () => {
    const places = selectPlaces(
      [
        city("London", "GB", 8_900_000),
        city("London", "CA", 380_000),
        city("Hyderabad", "IN", 6_800_000),
        city("Hyderabad", "PK", 2_000_000),
      ],
      [
        { name: "Punjab", country: "IN" },
        { name: "Punjab", country: "PK" },
      ],
      RULES,
    );
    expect(places).toEqual({ GB: ["London"] });
  });

  it("leaves out the names of states, words of other use and names without four letters", () => {
    const places = selectPlaces(
      [
        city("Armenia", "CO", 300_000),
        city("Reading", "GB", 300_000),
        city("Ufa", "RU", 1_100_000),
        city("Kazan", "RU", 1_200_000),
        city("Lagos", "NG", 9_000_000),
      ],
      [
        { name: "Delta", country: "NG" },
        { name: "Niger State", country: "NG" },
        { name: "Borno State", country: "NG" },
        { name: "Lagos", country: "NG" },
      ],
      RULES,
    );
    expect(places).toEqual({ NG: ["Borno", "Borno State", "Lagos", "Niger State"], RU: ["Kazan"] });
  });

  it("leaves a division to a city of its name in another state", () => {
    const places = selectPlaces(
      [city("Savannah", "US", 150_000), city("Accra", "GH", 2_500_000), city("Atlanta", "US", 500_000)],
      [{ name: "Savannah Region", country: "GH" }],
      RULES,
    );
    expect(places).toEqual({ GH: ["Accra", "Savannah Region"], US: ["Atlanta"] });
  });

  it("names a division also without its kind", () => {
    const places = selectPlaces(
      [city("Maiduguri", "NG", 800_000)],
      [{ name: "Borno State", country: "NG" }],
      RULES,
    );
    expect(places).toEqual({ NG: ["Borno", "Borno State", "Maiduguri"] });
  });
});
