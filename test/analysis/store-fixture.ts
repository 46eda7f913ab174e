import { buildDocument } from "../../src/store/testing/fixtures.ts";
import type { FixtureDocument } from "../../src/store/testing/fixtures.ts";

/**
 * Four articles written for the analysis integration tests, with hand-made
 * extractions located by quote (so offsets are right): a wire story and a
 * reprint of it, an independent outlet on the same expulsion, and an
 * article without an outlet on the repair a year later.
 */

const EXPULSION = "Iran expelled four Azerbaijani diplomats on April 6.";
const ACCUSATION = "Azerbaijan accused Iran of sheltering the gunman who attacked its embassy.";
const OIL_WIRE = "Azerbaijan supplies Israel with about 40 percent of its oil imports.";

const WIRE = `${EXPULSION} The foreign ministry in Tehran gave the diplomats forty-eight hours to leave the
country, in what officials described as a response to the expulsion of Iranian embassy staff from Baku earlier
in the month. ${ACCUSATION} Relations between the two neighbours have been strained since January, when the
embassy was attacked and its head of security killed. Baku has since moved closer to Israel, which sells it
drones and air defence systems. ${OIL_WIRE} Analysts in the region expect the dispute to last for months.`;

const REPRINT = `REGIONAL DIGEST\n${WIRE}\nThis story was first published by the wire service.`;

const OBSERVER_EXPULSION = "Tehran expelled the diplomats in April, a week after Baku's own expulsions.";
const OBSERVER_DEAL = "Azerbaijan and Israel signed a new defence agreement in April.";
const OBSERVER_ACCUSE = "Israel accused Iran of plotting attacks on its diplomats in the Caucasus.";
const OBSERVER_OIL = "Israel buys 40 percent of its oil imports from Azerbaijan.";

const OBSERVER = `${OBSERVER_EXPULSION} Officials in Baku called the move unfriendly but said the country
would not be intimidated by its southern neighbour. ${OBSERVER_DEAL} ${OBSERVER_ACCUSE} ${OBSERVER_OIL}`;

const VISIT = "Azerbaijan's foreign minister visited Tehran on May 19, the first such trip in a year.";
const SIGNED = "The two governments signed an agreement to reopen the embassy on May 20.";
const MET = "Aliyev met Israel's ambassador in Baku in May.";
const STRIKE = "Israel struck Iranian air defences in October.";
const OIL_REPAIR = "Azerbaijani crude covers 40–65 percent of Israel's oil imports.";

const REPAIR = `${VISIT} ${SIGNED} ${MET} ${STRIKE} ${OIL_REPAIR}`;

const oil = { unit: "percent", subjects: ["AZE", "ISR"], metric: "share of Israel's oil imports" } as const;

export function analysisCorpus(): readonly FixtureDocument[] {
  const wireEvents = [
    { quote: EXPULSION, source: "IRN", target: "AZE", cameo: "174", date: "2023-04-06" },
    { quote: ACCUSATION, source: "AZE", target: "IRN", cameo: "112", date: "2023-04-06" },
  ];
  return [
    buildDocument({
      text: WIRE,
      uri: "https://wire.example/expulsion",
      title: "Iran expels four Azerbaijani diplomats",
      outlet: "Wire Service",
      published: "2023-04-07",
      events: wireEvents,
      claims: [{ quote: OIL_WIRE, value: 40, qualifier: "approx", ...oil }],
    }),
    buildDocument({
      text: REPRINT,
      uri: "https://digest.example/iran-azerbaijan",
      title: "Iran expels Azerbaijani diplomats",
      outlet: "Regional Digest",
      published: "2023-04-08",
      events: wireEvents,
      claims: [{ quote: OIL_WIRE, value: 40, qualifier: "approx", ...oil }],
    }),
    buildDocument({
      text: OBSERVER,
      uri: "articles/observer.txt",
      title: "Baku will not be intimidated",
      outlet: "Baku Observer",
      published: "2023-04-20",
      events: [
        { quote: OBSERVER_EXPULSION, source: "IRN", target: "AZE", cameo: "174", date: "2023-04" },
        { quote: OBSERVER_DEAL, source: "AZE", target: "ISR", cameo: "057", date: "2023-04" },
        { quote: OBSERVER_ACCUSE, source: "ISR", target: "IRN", cameo: "112", date: "2023-04" },
      ],
      claims: [{ quote: OBSERVER_OIL, value: 40, ...oil }],
    }),
    buildDocument({
      text: REPAIR,
      uri: "articles/repair.txt",
      title: "Baku and Tehran mend ties",
      published: "2024-05-21",
      events: [
        { quote: VISIT, source: "AZE", target: "IRN", cameo: "042", date: "2024-05-19" },
        { quote: SIGNED, source: "AZE", target: "IRN", cameo: "057", date: "2024-05-20" },
        { quote: SIGNED, source: "IRN", target: "AZE", cameo: "057", date: "2024-05-20" },
        { quote: MET, source: "person:ilham-aliyev", target: "ISR", cameo: "042", date: "2024-05" },
        { quote: STRIKE, source: "ISR", target: "IRN", cameo: "190", date: "2024-10" },
      ],
      claims: [{ quote: OIL_REPAIR, value: 40, valueMax: 65, ...oil }],
    }),
  ];
}
