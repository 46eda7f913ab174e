import { describe, expect, it } from "vitest";
import { verdictCaveat } from "./verdict-caveat.ts";

const name = (code: string) => ({ AZE: "Azerbaijan", IRN: "Iran", ISR: "Israel" })[code] ?? code;

describe("a triangle verdict's caveat", () => {
  it("is none when every edge rests on three events or more", () => {
    const edges = [
      { a: "AZE", b: "IRN", events: 3 },
      { a: "AZE", b: "ISR", events: 12 },
      { a: "IRN", b: "ISR", events: 5 },
    ];
    expect(verdictCaveat(edges, name)).toBeNull();
  });

  it("names the thin edges, fewest events first", () => {
    const edges = [
      { a: "AZE", b: "IRN", events: 2 },
      { a: "AZE", b: "ISR", events: 9 },
      { a: "IRN", b: "ISR", events: 1 },
    ];
    expect(verdictCaveat(edges, name)).toBe(
      "Rests on 1 event between Iran and Israel and 2 events between Azerbaijan and Iran",
    );
    expect(verdictCaveat([{ a: "AZE", b: "ISR", events: 1 }], name)).toBe(
      "Rests on 1 event between Azerbaijan and Israel",
    );
  });
});
