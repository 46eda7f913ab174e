import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type IsoDate, isoDateOrThrow } from "../../core/ids.ts";
import { sentencesOf, testUnits } from "../quantities/testing.ts";
import { resolveDates } from "./resolve.ts";

const units = testUnits();

/** Each sentence's mentions as `text=date[/until]`, and its reference. */
function resolve(
  text: string,
  published: string | null,
): { mentions: string[]; reference: IsoDate | null }[] {
  const sentences = sentencesOf(text);
  return resolveDates(sentences, published ? isoDateOrThrow(published) : null, { units, text }).map((d) => ({
    mentions: d.mentions.map((m) => `${m.text}=${m.date}${m.until ? `/${m.until}` : ""}`),
    reference: d.reference,
  }));
}

const single: readonly (readonly [
  sentence: string,
  published: string | null,
  mentions: string[],
  reference: string | null,
])[] = [
  ["On January 26, a delegation arrived in Baku.", "2026-01", ["January 26=2026-01-26"], "2026-01-26"],
  ["Trade amounted to $360 million last year.", "2026-01", ["last year=2025"], "2025"],
  ["Trade amounted to $360 million last year.", "2023-11-15", ["last year=2022"], "2022"],
  ["Trade grew in 2024–2025.", "2026", ["2024–2025=2024/2025"], "2024"],
  [
    "Output rose in the first four months of 2024.",
    "2024-06",
    ["first four months of 2024=2024-01/2024-04"],
    "2024",
  ],
  [
    "Output fell in the last three months of 2023.",
    "2024",
    ["last three months of 2023=2023-10/2023-12"],
    "2023",
  ],
  // With no time of its own, a sentence is of publication's month: the text does not say the day.
  ["Aliyev has been president since 2003.", "2024-05-02", ["2003=2003/2024-05-02"], "2024-05"],
  ["Relations improved since March 2022.", "2023-05", ["March 2022=2022-03/2023-05"], "2023-05"],
  ["Tensions rose in the autumn of 2022.", "2023", ["autumn of 2022=2022-09/2022-11"], "2022"],
  ["Exports grew in the first half of 2024.", "2025", ["first half of 2024=2024-01/2024-06"], "2024"],
  ["In 2016, Turkey and Israel settled the dispute.", "2023", ["2016=2016"], "2016"],
  ["Israel opened an embassy in August 1993.", "2023", ["August 1993=1993-08"], "1993-08"],
  ["They met in Baku on April 28, 2025.", "2025", ["April 28, 2025=2025-04-28"], "2025-04-28"],
  ["The minister spoke on Wednesday.", "2023-11-16", ["Wednesday=2023-11-15"], "2023-11-15"],
  ["The minister spoke on Thursday.", "2023-11-16", ["Thursday=2023-11-16"], "2023-11-16"],
  ["The minister spoke on Wednesday.", "2023-11", ["Wednesday=2023-11"], "2023-11"],
  ["The minister spoke on Wednesday.", "2023", ["Wednesday=2023"], "2023"],
  ["Israel and Turkey collaborated in June of last year.", "2023", ["June of last year=2022-06"], "2022-06"],
  ["Talks resumed in December.", "2023-11", ["December=2022-12"], "2022-12"],
  ["Talks resumed in October.", "2023-11", ["October=2023-10"], "2023-10"],
  ["Protests grew in mid-2023.", "2024", ["mid-2023=2023"], "2023"],
  ["Relations soured in the 1990s.", "2024", ["1990s=1990/1999"], "1990"],
  ["The visit took place two years ago.", "2024-03-01", ["two years ago=2022"], "2022"],
  ["Yesterday, the minister met his counterpart.", "2024-03-01", ["Yesterday=2024-02-29"], "2024-02-29"],
  ["Last year the two sides met.", "2024-03-01", ["Last year=2023"], "2023"],
  ["Yesterday, the minister met his counterpart.", "2024-01-01", ["Yesterday=2023-12-31"], "2023-12-31"],
  ["Tomorrow the minister flies to Baku.", "2024-12-31", ["Tomorrow=2025-01-01"], "2025-01-01"],
  ["Trade grew this year.", "2024-12-31", ["this year=2024"], "2024"],
  ["Today the talks resume.", "2024-03-01", ["Today=2024-03-01"], "2024-03-01"],
  ["Relations have grown over the last years.", "2023", [], "2023"],
  ["Troops march on the capital.", "2023", [], "2023"],
  ["The pipeline carries 2000 km of gas and $2024 in fees.", "2023", [], "2023"],
  ["The minister spoke on Wednesday.", null, [], null],
  ["On January 26, a delegation arrived in Baku.", null, [], null],
  ["In 2016, Turkey and Israel settled the dispute.", null, ["2016=2016"], "2016"],
];

describe("resolveDates", () => {
  it.each(single)("%s (published %s)", (text, published, mentions, reference) => {
    const [first, ...rest] = resolve(text, published);
    expect(rest).toEqual([]);
    expect(first).toEqual({ mentions, reference });
  });

  it("gives a month without a year the narrative's latest year", () => {
    const text = [
      "This trend was observed in the autumn of 2022.",
      "Gantz was in Azerbaijan two weeks after the skirmishes of September.",
      "As a result, in October, Iran held exercises.",
      "On November 2, Azerbaijan's army began training.",
      "That May the talks resumed.",
    ].join("\n");
    expect(resolve(text, "2023").map((s) => s.mentions)).toEqual([
      ["autumn of 2022=2022-09/2022-11"],
      ["September=2022-09"],
      ["October=2022-10"],
      ["November 2=2022-11-02"],
      ["May=2022-05"],
    ]);
  });

  it("gives a day just before publication publication's year, whatever year the narrative named", () => {
    const text = [
      "Trade reached $900 million in 2021.",
      "Talks resumed on December 30.",
      "The prime minister welcomed the vote on March 3.",
    ].join("\n");
    expect(resolve(text, "2023-03-10").map((s) => s.mentions)).toEqual([
      ["2021=2021"],
      // Not in the weeks before publication: the narrative's year.
      ["December 30=2021-12-30"],
      ["March 3=2023-03-03"],
    ]);
    // Across the turn of the year.
    expect(resolve("Talks resumed on December 30.", "2024-01-05")[0]?.mentions).toEqual([
      "December 30=2023-12-30",
    ]);
  });

  it("carries a sentence's date to the rest of its paragraph, and publication's month after a line break", () => {
    const text =
      "On November 1, Khamenei issued a call. In particular, he insisted on an embargo.\nAzerbaijan did not follow.";
    expect(resolve(text, "2023-11-20").map((s) => s.reference)).toEqual([
      "2023-11-01",
      "2023-11-01",
      "2023-11",
    ]);
  });

  // Anaphoric times are told against the narrative, not publication.
  const narrative: readonly (readonly [text: string, published: string, expected: (string | null)[]])[] = [
    [
      "Chile recalled its envoy on March 3, 2021. Peru protested the next day.",
      "2021-04-20",
      ["2021-03-03", "2021-03-04"],
    ],
    [
      "Chile recalled its envoy on March 3, 2021. Peru answered the same day.",
      "2021-04-20",
      ["2021-03-03", "2021-03-03"],
    ],
    ["Talks failed in May 2019. Two days later the border closed.", "2021", ["2019-05", "2019-05"]],
    ["Talks failed on May 30, 2019. Two days later the border closed.", "2021", ["2019-05-30", "2019-06-01"]],
    ["Talks failed in May 2019. The following month the border closed.", "2021", ["2019-05", "2019-06"]],
    ["Talks failed in December 2019. A month later the border closed.", "2021", ["2019-12", "2020-01"]],
    ["Talks failed in 2017. The following year the border closed.", "2021", ["2017", "2018"]],
    ["Talks failed in March 2017. That year the border closed.", "2021", ["2017-03", "2017"]],
    // A paragraph break does not cut an anaphor from what it refers to.
    [
      "Chile recalled its envoy on March 3, 2021.\nPeru protested the next day.",
      "2021-04-20",
      ["2021-03-03", "2021-03-04"],
    ],
    // "The same day" names a day: the last day told, past a month told since.
    [
      "On March 3, 2021, Chile opened an embassy. Its envoy, named in January 2021, arrived. Peru protested the same day.",
      "2021-04-20",
      ["2021-03-03", "2021-01", "2021-03-03"],
    ],
    // "Next year" without "the" is publication's.
    ["Talks failed in 2017. Elections are due next year.", "2021-05", ["2017", "2022"]],
  ];
  it.each(narrative)("%s", (text, published, expected) => {
    expect(resolve(text, published).map((s) => s.reference)).toEqual(expected);
  });

  it("gives each date the time an event it dates takes: a span's common part, a since span's start", () => {
    const text = "Trade grew in 2024–2025 and has fallen since March 2022.";
    const [dates] = resolveDates(sentencesOf(text), isoDateOrThrow("2026-01"), { units, text });
    expect(dates?.mentions.map((m) => m.at)).toEqual(["2024", "2022-03"]);
  });

  // The test config runs this file under UTC and again under Pacific/Kiritimati (UTC+14).
  it("resolves relative dates to the same calendar dates in every time zone", () => {
    const text = "Yesterday, the minister met his counterpart. Tomorrow he flies home. Trade grew this year.";
    const zone = process.env.TZ;
    const inZone = (tz: string): (IsoDate | null)[] => {
      process.env.TZ = tz;
      return resolve(text, "2024-12-31").map((s) => s.reference);
    };
    try {
      for (const tz of ["UTC", "Pacific/Kiritimati", "Pacific/Auckland", "Pacific/Pago_Pago", "Etc/GMT+12"]) {
        expect(inZone(tz), tz).toEqual(["2024-12-30", "2025-01-01", "2024"]);
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it("gives offsets that index the document text", () => {
    const text = "Intro line.\nThe talks of 12 March 2024 failed.";
    const dates = resolveDates(sentencesOf(text), isoDateOrThrow("2024-05"), { units, text });
    const mention = dates[1]?.mentions[0];
    expect(mention && text.slice(mention.start, mention.end)).toBe("12 March 2024");
    expect(mention?.date).toBe("2024-03-12");
  });

  it("never throws and keeps mentions inside their sentence on any text", () => {
    const words = fc.constantFrom(
      "in",
      "on",
      "the",
      "since",
      "last",
      "next",
      "year",
      "month",
      "May",
      "That",
      "January",
      "26",
      "2024",
      "–",
      "2025",
      "-",
      "25",
      "autumn",
      "of",
      "first",
      "four",
      "months",
      "Q3",
      "Wednesday",
      "ago",
      "two",
      "weeks",
      "mid",
      "1990s",
      "today",
      "yesterday",
      ",",
      ".",
      "from",
      "to",
      "between",
      "and",
      "$",
      "km",
      "8th",
    );
    const text = fc.oneof(
      fc.array(words, { maxLength: 20 }).map((w) => w.join(" ")),
      fc.string({ maxLength: 80 }),
    );
    const published = fc.constantFrom(null, "2023", "2023-11", "2023-11-15", "2024-02-29");
    fc.assert(
      fc.property(text, published, (t, p) => {
        const sentences = sentencesOf(t);
        const dates = resolveDates(sentences, p ? isoDateOrThrow(p) : null, { units, text: t });
        expect(dates).toHaveLength(sentences.length);
        dates.forEach((d, k) => {
          const sentence = sentences[k];
          if (!sentence) return;
          for (const m of d.mentions) {
            expect(m.start).toBeGreaterThanOrEqual(sentence.start);
            expect(m.end).toBeLessThanOrEqual(sentence.end);
            expect(m.text).toBe(t.slice(m.start, m.end));
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
