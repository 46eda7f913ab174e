import { describe, expect, it } from "vitest";
import { charOffset, docIdOrThrow, isoDateOrThrow } from "../../../src/core/ids.ts";
import { countryCodeOrThrow } from "../../../src/core/records.ts";
import type { ClaimClusterItem, SourceItem } from "../api.ts";
import { figureAxisPlot, figureRowsOf } from "./figure-axis.ts";
import { FRAMING_STATES, framingOf, framingPlot } from "./framing.ts";
import { negativeRects, renderPlot } from "./testing.ts";

function framing(actor: string, events: number, goldsteinMean: number) {
  const side = { events, goldsteinMean };
  return { actor, events, goldsteinMean, asSource: side, asTarget: side };
}

function profile(outlet: string | null, actors: ReturnType<typeof framing>[]): SourceItem {
  return {
    outlet,
    articles: 1,
    events: actors.reduce((n, a) => n + a.events, 0),
    actors,
    claims: { total: 0, corroborated: 0, contradicted: 0, alone: 0 },
  };
}

const PROFILES = [
  profile("Courier", [framing("AZE", 10, 2.5), framing("IRN", 6, -3), framing("igo:un", 9, 1)]),
  profile(null, [framing("IRN", 5, -6), framing("ISR", 1, 4)]),
];

const names: Readonly<Record<string, string>> = { AZE: "Azerbaijan", IRN: "Iran", ISR: "Israel" };
const name = (code: string) => names[code] ?? code;

describe("framingOf", () => {
  it("keeps states only, the most reported first, one dot per outlet and state", () => {
    const result = framingOf(PROFILES, name);
    expect(result.actors).toEqual(["Iran", "Azerbaijan", "Israel"]);
    expect(result.dots).toContainEqual({ outlet: "No outlet named", actor: "Iran", mean: -6, events: 5 });
    expect(result.dots.map((d) => d.actor)).not.toContain("igo:un");
  });

  it(`shows at most ${FRAMING_STATES} states`, () => {
    const many = profile(
      "Wire",
      Array.from({ length: 12 }, (_, i) => framing(`S${String.fromCharCode(65 + i)}A`, 12 - i, 0)),
    );
    expect(framingOf([many], name).actors).toHaveLength(FRAMING_STATES);
  });

  it("draws the outlets' dots on the whole Goldstein scale as before", async () => {
    const svg = renderPlot(framingPlot(framingOf(PROFILES, name), 640));
    expect(svg).toContain(">−10<");
    await expect(svg).toMatchFileSnapshot("__snapshots__/framing.svg");
  });
});

function claim(outlet: string | null, value: number, valueMax: number | null, qualifier: "exact" | "approx") {
  return {
    doc: docIdOrThrow("0123456789abcdef"),
    quote: "",
    start: charOffset(0),
    end: charOffset(1),
    outlet,
    published: isoDateOrThrow("2024-05-03"),
    value,
    valueMax,
    qualifier,
    period: null,
  };
}

const CLUSTER: ClaimClusterItem = {
  id: "c1",
  metric: "share of Israel's oil imports",
  unit: "percent",
  subjects: [countryCodeOrThrow("AZE"), countryCodeOrThrow("ISR")],
  status: "conflict",
  sources: 3,
  claims: [
    claim("Courier", 40, null, "exact"),
    claim(null, 40, 65, "approx"),
    claim("Ledger", 25, null, "exact"),
  ],
  disagreement: {
    sides: [
      { claims: [2], outlets: ["Ledger"] },
      { claims: [0, 1], outlets: ["Courier", null] },
    ],
    difference: 15,
    time: "same",
    years: 0,
  },
  summary:
    "Figures disagree: 25 % (Ledger, 2024-05-03) against 40 % or about 40–65 % (Courier, 2024-05-03; an unnamed outlet, 2024-05-03), 15 percentage points apart. They are given for the same time, so time does not explain the difference.",
};

describe("the Compare view's figure axis", () => {
  it("names each row by its place, outlet and date, hollow when approximate", () => {
    expect(figureRowsOf(CLUSTER).map((r) => [r.label, r.text, r.hollow])).toEqual([
      ["1. Courier, 3 May 2024", "40%", false],
      ["2. Unknown outlet, 3 May 2024", "≈ 40–65%", true],
      ["3. Ledger, 3 May 2024", "25%", false],
    ]);
  });

  it.each([1280, 390])("draws the figures on one axis at %i pixels", async (width) => {
    const svg = renderPlot(figureAxisPlot(figureRowsOf(CLUSTER), CLUSTER.unit, width));
    expect(negativeRects(svg)).toEqual([]);
    await expect(svg).toMatchFileSnapshot(`__snapshots__/figure-axis-${width}.svg`);
  });
});
