import { buildDocument } from "../../src/store/testing/fixtures.ts";
import type { FixtureDocument } from "../../src/store/testing/fixtures.ts";

/**
 * Articles for the browser tests of the analysis views, added to the bundled
 * corpus (whose briefs all come from one outlet, so that none of its figures
 * has a second source): two outlets that give Azerbaijan's share of Israel's
 * crude oil imports differently (40 % against 60 %: a conflict), agree on the
 * trade of 2023, and both report Iran's expulsion of diplomats in April 2023
 * (one event with two reports). Extractions are hand-made and located by
 * quote, so offsets are exact.
 */

export const LEDGER = "Caspian Ledger";
export const COURIER = "Levant Courier";

export const OIL_LEDGER =
  "Azerbaijan supplies about 40 percent of Israel's crude oil imports, tanker data show.";
export const OIL_COURIER = "Azerbaijan now covers 60 percent of Israel's crude oil imports, officials said.";
const TRADE_LEDGER = "Trade between Azerbaijan and Israel reached $1.7 billion in 2023.";
const TRADE_COURIER = "Azerbaijani-Israeli trade came to about $1.7 billion in 2023.";
const EXPULSION_LEDGER = "Iran expelled four Azerbaijani diplomats on April 6, 2023.";
const EXPULSION_COURIER =
  "Tehran expelled four Azerbaijani diplomats on April 6, 2023, days after Baku's own expulsions.";

const oil = {
  unit: "percent",
  subjects: ["AZE", "ISR"],
  metric: "share of Israel's crude oil imports",
} as const;
const trade = {
  unit: "USD",
  subjects: ["AZE", "ISR"],
  metric: "trade between Azerbaijan and Israel",
  period: "2023",
} as const;

export function analysisArticles(): readonly FixtureDocument[] {
  return [
    buildDocument({
      uri: "https://ledger.example/oil-and-trade",
      title: "Azerbaijani crude keeps flowing to Israel",
      outlet: LEDGER,
      published: "2024-03-10",
      text: `${OIL_LEDGER} ${TRADE_LEDGER}\nLooking back, ${EXPULSION_LEDGER} Relations have since improved.`,
      events: [{ quote: EXPULSION_LEDGER, source: "IRN", target: "AZE", cameo: "174", date: "2023-04-06" }],
      claims: [
        { quote: OIL_LEDGER, value: 40, qualifier: "approx", ...oil },
        { quote: TRADE_LEDGER, value: 1.7e9, ...trade },
      ],
    }),
    buildDocument({
      uri: "https://courier.example/azerbaijan-israel",
      title: "Baku's oil and Israel's needs",
      outlet: COURIER,
      published: "2024-03-14",
      text: `${OIL_COURIER}\n${TRADE_COURIER}\nA year earlier, ${EXPULSION_COURIER}`,
      events: [{ quote: EXPULSION_COURIER, source: "IRN", target: "AZE", cameo: "174", date: "2023-04-06" }],
      claims: [
        { quote: OIL_COURIER, value: 60, ...oil },
        { quote: TRADE_COURIER, value: 1.7e9, qualifier: "approx", ...trade },
      ],
    }),
  ];
}
