import { describe, expect, it } from "vitest";
import { actorIdFor, actorIdOrThrow, isoDateOrThrow } from "../../core/ids.ts";
import { countryCodeOrThrow } from "../../core/records.ts";
import type { Sentence } from "../../core/ports.ts";
import { resolveDates } from "../dates/resolve.ts";
import { findQuantities } from "../quantities/find.ts";
import { sentencesOf, testUnits } from "../quantities/testing.ts";
import type { ActorMention, AnalysedSentence, MentionVia } from "../types.ts";
import { buildClaims } from "./build.ts";

const units = testUnits();

/** A hand-built mention of `text` (its first occurrence in the sentence) for `country`. */
function mention(sentence: Sentence, text: string, country: string, via: MentionVia = "name"): ActorMention {
  const at = sentence.text.indexOf(text);
  if (at < 0) throw new Error(`no "${text}" in: ${sentence.text}`);
  const code = countryCodeOrThrow(country);
  const state = /^[A-Z]{3}$/.test(country) && !["IGO", "MUS", "UNK"].includes(country);
  return {
    start: sentence.start + at,
    end: sentence.start + at + text.length,
    text,
    actor: {
      type: "actor",
      id: state ? actorIdOrThrow(country) : actorIdFor("igo", text),
      kind: state ? "state" : "igo",
      name: text,
      country: code,
    },
    country: code,
    via,
  };
}

/** A hand-built mention: its text, its state and (by default "name") how it was recognised. */
type Named = [string, string] | [string, string, MentionVia];

/**
 * Analyses a text as the pipeline does, with hand-built mentions: `actors`
 * maps each sentence's index to `[text, country, via?]` tuples.
 */
function analyse(text: string, published: string, actors: Record<number, Named[]> = {}): AnalysedSentence[] {
  const sentences = sentencesOf(text);
  const dates = resolveDates(sentences, isoDateOrThrow(published), { units, text });
  return sentences.map((sentence, index) => ({
    index,
    sentence,
    mentions: (actors[index] ?? []).map(([t, c, via]) => mention(sentence, t, c, via)),
    dates: dates[index] ?? { mentions: [], reference: null },
    quantities: findQuantities(sentence, units),
  }));
}

function claimsOf(text: string, published: string, actors: Record<number, Named[]> = {}) {
  const analysed = analyse(text, published, actors);
  return analysed.flatMap((sentence, k) =>
    buildClaims(sentence, { previous: analysed.slice(0, k), text, units }).map((c) => ({
      value: c.value,
      unit: c.unit,
      subjects: c.subjects,
      metric: c.metric,
      period: c.period,
    })),
  );
}

describe("buildClaims", () => {
  it.each([
    {
      text: "Trade turnover between Azerbaijan and Israel grew in 2024–2025 and amounted to $360 million last year.",
      actors: {
        0: [
          ["Azerbaijan", "AZE"],
          ["Israel", "ISR"],
        ] as [string, string][],
      },
      claim: {
        value: 360e6,
        unit: "USD",
        subjects: ["AZE", "ISR"],
        metric: "trade turnover between Azerbaijan and Israel",
        period: "2025",
      },
    },
    {
      text: "Of the two, Azerbaijan is a far more important partner for Israel: it supplies Israel with about 40 percent of its oil needs.",
      actors: {
        0: [
          ["Azerbaijan", "AZE"],
          ["Israel", "ISR"],
        ] as [string, string][],
      },
      claim: {
        value: 40,
        unit: "percent",
        subjects: ["AZE", "ISR"],
        metric: "share of its oil needs",
        period: null,
      },
    },
    {
      text: "Today, 130 commercial entities with Israeli capital operate in Azerbaijan.",
      actors: {
        0: [
          ["Israeli", "ISR"],
          ["Azerbaijan", "AZE"],
        ] as [string, string][],
      },
      claim: {
        value: 130,
        unit: "count",
        subjects: ["AZE", "ISR"],
        metric: "commercial entities with Israeli capital",
        period: "2026-01",
      },
    },
    {
      text: "Azerbaijan now supplies 40% of Israel's needs after the conflict in Ukraine.",
      actors: {
        0: [
          ["Azerbaijan", "AZE"],
          ["Israel", "ISR"],
          ["Ukraine", "UKR"],
        ] as [string, string][],
      },
      claim: {
        value: 40,
        unit: "percent",
        subjects: ["AZE", "ISR"],
        metric: "share of Israel's needs",
        period: null,
      },
    },
    {
      text: "According to the Stockholm institute, Israel is responsible for almost 70 percent of Azerbaijan's weapons.",
      actors: {
        0: [
          ["Stockholm", "SWE"],
          ["Israel", "ISR"],
          ["Azerbaijan", "AZE"],
        ] as [string, string][],
      },
      claim: {
        value: 70,
        unit: "percent",
        subjects: ["AZE", "ISR"],
        metric: "share of Azerbaijan's weapons",
        period: null,
      },
    },
    {
      text: "The UN said Iran and Azerbaijan share a 765-kilometer border.",
      actors: {
        0: [
          ["UN", "IGO"],
          ["Iran", "IRN"],
          ["Azerbaijan", "AZE"],
        ] as [string, string][],
      },
      claim: { value: 765, unit: "km", subjects: ["AZE", "IRN"], metric: "length of border", period: null },
    },
    {
      text: "Output rose by 12 percent in the first four months of 2024.",
      actors: {},
      claim: { value: 12, unit: "percent", subjects: [], metric: "output", period: "2024-01/2024-04" },
    },
  ])("$text", ({ text, actors, claim }) => {
    expect(claimsOf(text, "2026-01", actors)).toEqual([claim]);
  });

  it("takes the subjects of a sentence that names no state from the sentence before it in its paragraph", () => {
    const text =
      "Azerbaijani companies are gaining access to projects in Israel. Mutual investments have reached $600 million.";
    const claims = claimsOf(text, "2026-01", {
      0: [
        ["Azerbaijani", "AZE"],
        ["Israel", "ISR"],
      ],
    });
    expect(claims).toEqual([
      { value: 600e6, unit: "USD", subjects: ["AZE", "ISR"], metric: "mutual investments", period: null },
    ]);
  });

  it("borrows subjects from at most two sentences before its paragraph", () => {
    const text = "Iran and Turkey met.\nNothing changed.\nTalks stalled.\nExports fell by 5 percent.";
    expect(
      claimsOf(text, "2026", {
        0: [
          ["Iran", "IRN"],
          ["Turkey", "TUR"],
        ],
      })[0]?.subjects,
    ).toEqual([]);
    const near = "Iran and Turkey met.\nExports fell by 5 percent.";
    expect(
      claimsOf(near, "2026", {
        0: [
          ["Iran", "IRN"],
          ["Turkey", "TUR"],
        ],
      })[0]?.subjects,
    ).toEqual(["IRN", "TUR"]);
  });

  it("makes no claim of a figure inside a date, nor of a sentence without figures", () => {
    expect(
      claimsOf("Azerbaijan opened an embassy in Israel in 2023.", "2026", { 0: [["Azerbaijan", "AZE"]] }),
    ).toEqual([]);
  });
  // Which states a figure is about: its own clause and phrase, not states named around it.
  it.each<{ text: string; actors: Named[]; subjects: string[][] }>([
    {
      text: "Turkey supplied 55 percent of Georgia's wheat imports and Kazakhstan 30 percent.",
      actors: [
        ["Turkey", "TUR"],
        ["Georgia", "GEO"],
        ["Kazakhstan", "KAZ"],
      ],
      subjects: [
        ["GEO", "TUR"],
        ["GEO", "KAZ"],
      ],
    },
    {
      text: "Armenia expelled three Georgian diplomats and Iran expelled two Turkish journalists.",
      actors: [
        ["Armenia", "ARM"],
        ["Georgian", "GEO"],
        ["Iran", "IRN"],
        ["Turkish", "TUR"],
      ],
      subjects: [
        ["ARM", "GEO"],
        ["IRN", "TUR"],
      ],
    },
    {
      text: "Brazil sold $40 million of rifles to Chile and $25 million to Peru.",
      actors: [
        ["Brazil", "BRA"],
        ["Chile", "CHL"],
        ["Peru", "PER"],
      ],
      subjects: [
        ["BRA", "CHL"],
        ["BRA", "PER"],
      ],
    },
    {
      text: "Egyptian troops killed 12 Sudanese fighters near a convoy that was carrying aid to Libya.",
      actors: [
        ["Egyptian", "EGY"],
        ["Sudanese", "SDN"],
        ["Libya", "LBY"],
      ],
      subjects: [["EGY", "SDN"]],
    },
    {
      text: "A Norwegian institute estimated that Brazil sold arms worth $300 million to Chile.",
      actors: [
        ["Norwegian", "NOR"],
        ["Brazil", "BRA"],
        ["Chile", "CHL"],
      ],
      subjects: [["BRA", "CHL"]],
    },
    {
      text: "Police arrested 40 protesters in Paris as Germany reopened its border.",
      actors: [
        ["Paris", "FRA"],
        ["Germany", "DEU"],
      ],
      subjects: [["FRA"]],
    },
    {
      text: "About 500 soldiers drilled near Tbilisi and in areas seized from Russian forces.",
      actors: [
        ["Tbilisi", "GEO"],
        ["Russian", "RUS"],
      ],
      subjects: [["GEO"]],
    },
    {
      text: "Kazakhstan supplies 30 percent of the oil that Italy imports.",
      actors: [
        ["Kazakhstan", "KAZ"],
        ["Italy", "ITA"],
      ],
      subjects: [["ITA", "KAZ"]],
    },
    {
      text: "The Chilean minister stayed about three hours before flying on to Peru.",
      actors: [
        ["Chilean minister", "CHL"],
        ["Peru", "PER"],
      ],
      subjects: [["CHL"]],
    },
    {
      text: "Trade fell 20 percent after the war between Sudan and Chad.",
      actors: [
        ["Sudan", "SDN"],
        ["Chad", "TCD"],
      ],
      subjects: [["SDN", "TCD"]],
    },
    {
      text: "The two governments signed five agreements, with the Japanese minister signing for Japan.",
      actors: [
        ["The two governments", "JPN", "coreference"],
        ["The two governments", "KOR", "coreference"],
        ["Japanese minister", "JPN"],
        ["Japan", "JPN"],
      ],
      subjects: [["JPN", "KOR"]],
    },
  ])("$text", ({ text, actors, subjects }) => {
    expect(claimsOf(text, "2026-01", { 0: actors }).map((c) => c.subjects)).toEqual(subjects);
  });

  it.each<{ text: string; actors?: Named[]; metrics: string[] }>([
    { text: "Brazil sold helicopters worth $40 million to Chile.", metrics: ["value of helicopters"] },
    { text: "Egypt earns a transit fee of about $2 per barrel.", metrics: ["transit fee"] },
    {
      text: "The firm bought a 15% stake in the Chilean copper mine.",
      metrics: ["stake in the Chilean copper mine"],
    },
    {
      text: "Chile took 40 percent of Peru's copper exports and Bolivia 12 percent.",
      actors: [
        ["Chile", "CHL"],
        ["Peru", "PER"],
        ["Bolivia", "BOL"],
      ],
      metrics: ["share of Peru's copper exports", "share of Peru's copper exports"],
    },
    {
      text: "Exports of wine to Chile reached $2 billion in 2023. That figure rose by 10 percent in 2024.",
      metrics: ["exports of wine to Chile", "exports of wine to Chile"],
    },
    {
      text: "Peru bought 2 million tonnes of grain worth $500 million.",
      actors: [["Peru", "PER"]],
      metrics: ["weight of grain", "value of grain"],
    },
    { text: "A state oil company ended a blockade of about 40 days.", metrics: ["duration of blockade"] },
    {
      text: "Some Chilean reports put Peru's share of the Bolivian army's rifles at about 30 percent.",
      metrics: ["Peru's share of the Bolivian army's rifles"],
    },
    { text: "Officials estimated the flood damage at $2 billion.", metrics: ["flood damage"] },
  ])("labels the metric: $text", ({ text, actors, metrics }) => {
    expect(claimsOf(text, "2026-01", { 0: actors ?? [] }).map((c) => c.metric)).toEqual(metrics);
  });

  it("makes no claim of a number inside a date, nor of a span of months", () => {
    const text = "On June 23 Iran fired missiles at the base. The siege lasted more than nine months.";
    expect(claimsOf(text, "2026-01")).toEqual([]);
  });
});
