import { describe, expect, it } from "vitest";
import { actorIdFor, actorIdOrThrow, isoDateOrThrow } from "../../core/ids.ts";
import { countryCodeOrThrow } from "../../core/records.ts";
import type { Sentence } from "../../core/ports.ts";
import { resolveDates } from "../dates/resolve.ts";
import { findQuantities } from "../quantities/find.ts";
import { sentencesOf, testUnits } from "../quantities/testing.ts";
import type { ActorMention, AnalysedSentence } from "../types.ts";
import { buildClaims } from "./build.ts";

const units = testUnits();

/** A hand-built mention of `text` (its first occurrence in the sentence) for `country`. */
function mention(sentence: Sentence, text: string, country: string): ActorMention {
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
    via: "name",
  };
}

/**
 * Analyses a text as the pipeline does, with hand-built mentions: `actors`
 * maps each sentence's index to `[text, country]` pairs.
 */
function analyse(
  text: string,
  published: string,
  actors: Record<number, [string, string][]> = {},
): AnalysedSentence[] {
  const sentences = sentencesOf(text);
  const dates = resolveDates(sentences, isoDateOrThrow(published), { units, text });
  return sentences.map((sentence, index) => ({
    index,
    sentence,
    mentions: (actors[index] ?? []).map(([t, c]) => mention(sentence, t, c)),
    dates: dates[index] ?? { mentions: [], reference: null },
    quantities: findQuantities(sentence, units),
  }));
}

function claimsOf(text: string, published: string, actors: Record<number, [string, string][]> = {}) {
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
});
