import { describe, expect, it } from "vitest";
import type { MentionVia } from "../types.ts";
import { codeEvents } from "./code.ts";
import { sentenceWith, testLexicon, type ActorSpec } from "./testing.ts";

/** A state named by its name. */
const s = (text: string, country: string): ActorSpec => ({ text, country });
/** A state's capital, seat or city (`capital`), or a city the gazetteer lists as an alias. */
const place = (text: string, country: string, via: MentionVia = "capital"): ActorSpec => ({
  text,
  country,
  via,
});
/** An actor whose state the text does not give. */
const unknown = (text: string): ActorSpec => ({ text, country: "UNK", kind: "group" });
const demonym = (text: string, country: string): ActorSpec => ({ text, country, via: "demonym" });

type Row = readonly [sentence: string, actors: readonly ActorSpec[], expected: readonly string[]];

/** `SRC>TGT@LOC` for each event (`-` for no target or no location), sorted. */
function located(text: string, actors: readonly ActorSpec[]): string[] {
  return codeEvents(sentenceWith(text, actors), testLexicon())
    .map((e) => `${e.source.country ?? "?"}>${e.target?.country ?? "-"}@${e.location ?? "-"}`)
    .sort();
}

// Sentences of our own: where each event happened, or "-" where the sentence names no place.
const rows: readonly Row[] = [
  [
    "An unidentified assailant attacked Armenia's consulate in Batumi on Monday.",
    [unknown("unidentified assailant"), s("Armenia", "ARM"), place("Batumi", "GEO", "alias")],
    ["UNK>ARM@GEO"],
  ],
  [
    "Masked men attacked the Georgian embassy in Yerevan overnight.",
    [unknown("Masked men"), demonym("Georgian", "GEO"), place("Yerevan", "ARM")],
    ["UNK>GEO@ARM"],
  ],
  [
    "Unknown attackers attacked Armenia's Tbilisi embassy.",
    [unknown("Unknown attackers"), s("Armenia", "ARM"), place("Tbilisi", "GEO")],
    ["UNK>ARM@GEO"],
  ],
  [
    "Kazakhstan hosted talks with Kyrgyzstan in northern Uzbekistan last week.",
    [s("Kazakhstan", "KAZ"), s("Kyrgyzstan", "KGZ"), s("Uzbekistan", "UZB")],
    ["KAZ>KGZ@UZB", "KGZ>KAZ@UZB"],
  ],
  [
    "Turkmenistan's president met Tajikistan's foreign minister in Ashgabat.",
    [
      { text: "Turkmenistan's president", country: "TKM", kind: "person" },
      { text: "Tajikistan's foreign minister", country: "TJK", kind: "person" },
      place("Ashgabat", "TKM"),
    ],
    ["TJK>TKM@TKM", "TKM>TJK@TKM"],
  ],
  // A demonym is no place ("in Georgian media"), and a sentence without a place gives none.
  [
    "Armenia condemned Azerbaijan over a campaign in Georgian media.",
    [s("Armenia", "ARM"), s("Azerbaijan", "AZE"), demonym("Georgian", "GEO")],
    ["ARM>AZE@-"],
  ],
  [
    "Moldova expelled two Romanian diplomats on Friday.",
    [s("Moldova", "MDA"), demonym("Romanian", "ROU")],
    ["MDA>ROU@-"],
  ],
];

describe("eventLocation: the state where an event happened", () => {
  it.each(rows)("%s", (sentence, actors, expected) => {
    expect(located(sentence, actors)).toEqual(expected);
  });

  it("leaves a place to another event whose verb stands between", () => {
    expect(
      located("Serbian troops shelled Kosovo in March, and Serbia later opened a consulate in Bosnia.", [
        demonym("Serbian", "SRB"),
        s("Kosovo", "XKX"),
        s("Serbia", "SRB"),
        s("Bosnia", "BIH"),
      ]),
    ).toEqual(["SRB>XKX@-"]);
  });

  it("takes the place nearest the event's verb when the sentence names two", () => {
    expect(
      located("Bulgaria's ambassador in Athens said that gunmen attacked Greece's embassy in Sofia.", [
        { text: "Bulgaria's ambassador", country: "BGR", kind: "person" },
        place("Athens", "GRC"),
        unknown("gunmen"),
        s("Greece", "GRC"),
        place("Sofia", "BGR"),
      ]),
    ).toContain("UNK>GRC@BGR");
  });
});
