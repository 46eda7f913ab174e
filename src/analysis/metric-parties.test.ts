import { describe, expect, it } from "vitest";
import { metricParties, partiesCompatible, partyKey, sameParty } from "./metric-parties.ts";

describe("sameParty", () => {
  it.each([
    ["Iran", "Iranian", true],
    ["Iran", "Iranians", true],
    ["Azerbaijan", "Azerbaijani", true],
    ["Azerbaijan's", "Azerbaijanis", true],
    ["Israel", "Israeli", true],
    ["Armenia", "Armenian", true],
    ["Turkey", "Turkish", true],
    ["China", "Chinese", true],
    ["Kazakhstan", "Kazakh", true],
    ["Turkmenistan", "Turkmen", true],
    ["Pakistan", "Pakistani", true],
    ["Iran", "Iraq", false],
    ["Iranian", "Azerbaijani", false],
    ["Armenia", "Azerbaijan", false],
    ["Austria", "Australia", false],
    ["Israel", "Russia", false],
  ])("%s and %s -> %s", (a, b, expected) => {
    expect(sameParty(partyKey(a), partyKey(b))).toBe(expected);
    expect(sameParty(partyKey(b), partyKey(a))).toBe(expected);
  });
});

describe("metricParties", () => {
  it.each([
    ["Israel's share of Azerbaijan's arms imports", [], ["israel", "azerbaijan"]],
    ["share of Israel's oil from Azerbaijan", [], ["israel", "azerbaijan"]],
    ["Iranian diplomats", [], ["iranian"]],
    ["oil imports", [], []],
    // Dates are the period's business, not parties.
    ["Azerbaijani diplomats on May 5", [], ["azerbaijani"]],
    // A lower-cased first word counts when another label writes it as a name.
    ["iranian officials", ["iranian"], ["iranian"]],
    ["trade turnover", ["trade"], ["trade"]],
    ["crude oil", [], []],
  ])("%s -> %j", (metric, names, expected) => {
    expect(metricParties(metric, new Set(names))).toEqual(expected);
  });
});

describe("partiesCompatible", () => {
  const parties = (metric: string) => metricParties(metric);
  it.each([
    ["Iranian diplomats", "Azerbaijani diplomats", false],
    ["share of Armenia's arms imports", "share of Azerbaijan's arms imports", false],
    ["Israel's share of Azerbaijan's arms imports", "Russia's share of Azerbaijan's arms imports", false],
    // A label naming fewer parties may be the same quantity.
    ["share of Israel's oil needs", "Azerbaijan's share of Israel's oil", true],
    ["Iranian diplomats", "diplomats expelled by Azerbaijan from the Iranian embassy", true],
    ["Israel's share of Azerbaijan's arms imports", "Azerbaijani arms purchased from Israel", true],
    ["oil imports", "Israel's oil imports", true],
  ])("%s / %s -> %s", (a, b, expected) => {
    expect(partiesCompatible(parties(a), parties(b))).toBe(expected);
    expect(partiesCompatible(parties(b), parties(a))).toBe(expected);
  });
});
