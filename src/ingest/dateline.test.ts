import { describe, expect, it } from "vitest";
import { findDateline } from "./dateline.ts";

describe("findDateline", () => {
  it.each([
    ["date 2026-03-05\n\nIran said...", "2026-03-05"],
    ["Date: 2026-03\nIran said...", "2026-03"],
    ["published 2026\nIran said...", "2026"],
    ["Published: 5 March 2026\nIran said...", "2026-03-05"],
    ["Updated on March 5, 2026 10:45 GMT\nIran said...", "2026-03-05"],
    ["March 5, 2026 — Iran expelled four diplomats on Tuesday.", "2026-03-05"],
    ["BAKU, March 5, 2026 (Reuters) - Azerbaijan said on Tuesday...", "2026-03-05"],
    ["TEL AVIV, 5 March 2026 – Israel said...", "2026-03-05"],
    ["March 2026\nIran said...", "2026-03"],
    ["Wednesday, 5 March 2026\nIran said...", "2026-03-05"],
    ["Title of the story\nBy A Reporter\n5 March 2026\nText.", "2026-03-05"],
    // 05/03/2026 is 5 March or May 3: only the year is sure.
    ["05/03/2026\nIran said...", "2026"],
    ["25/03/2026\nIran said...", "2026-03-25"],
  ])("%j -> %s", (text, expected) => {
    expect(findDateline(text)).toBe(expected);
  });

  it.each([
    ["a date inside a sentence", "On January 26, 2024, a delegation arrived in Baku."],
    ["a date without a year", "March 5 — Iran said..."],
    ["a date that runs into the headline", "January 2026 talks collapse in Vienna"],
    ["a year alone in prose", "In 2026 the talks resumed."],
    ["a date after the third line", "Title\nSubtitle\nBy A Reporter\nMore\n5 March 2026"],
    ["a date far into a long line", `${"Iran said ".repeat(20)}March 5, 2026 —`],
    ["no text", ""],
  ])("ignores %s", (_, text) => {
    expect(findDateline(text)).toBeNull();
  });
});
