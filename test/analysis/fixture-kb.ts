import type { KbRecord } from "../../src/core/records.ts";
import { actorRecord, claim, documentRecord, event } from "../../src/analysis/testing/records.ts";

/**
 * A small knowledge base written for the analysis and export tests (not
 * taken from any article): an expulsion reported by a wire story, a reprint
 * of it and an independent outlet; a repair a year later; figures on one
 * share quoted three ways. Records come in the store's export order.
 */

const WIRE = `Tehran ordered four Azerbaijani diplomats out of the country on Thursday, the foreign ministry said,
answering Baku's expulsion of Iranian embassy staff earlier in the month. Ties between the neighbours have
worsened since a gunman attacked Azerbaijan's embassy in Tehran in January. Iran accuses Baku of drawing
close to Israel, which supplies much of Azerbaijan's weaponry and buys about 40 percent of its oil from it.`;

const REPRINT = `WORLD BRIEFS. ${WIRE.replace("on Thursday", "late on Thursday")} Reprinted from the wire.`;

const OBSERVER = `Azerbaijan condemned Iran's decision to expel its diplomats, calling it an unfriendly act. The
government in Baku said it would not be intimidated, and analysts in the capital expect the crisis to
last for months. Israel, whose oil imports come about 40 percent from Azerbaijan, bought drones and
satellites from Israeli firms for Baku's army this year.`;

const REPAIR = `Azerbaijan's foreign minister visited Tehran on May 19, the first such trip in over a year, and
the two sides agreed to reopen the embassy. President Ilham Aliyev met Israel's envoy days later. Azerbaijani
crude covers 40–65 percent of Israel's oil needs, officials said.`;

export const DOCS = {
  wire: documentRecord("a1", "Wire Service", "2023-04-07", WIRE),
  reprint: documentRecord("b1", "Reprint Daily", "2023-04-08", REPRINT),
  observer: documentRecord("c1", "Baku Observer", "2023-04-20", OBSERVER),
  repair: documentRecord("d1", null, "2024-05-21", REPAIR),
};

export const ACTORS = [
  actorRecord("AZE", "Azerbaijan"),
  actorRecord("IRN", "Iran"),
  actorRecord("ISR", "Israel"),
  actorRecord("person:ilham-aliyev", "Ilham Aliyev", "person", "AZE"),
];

const expel = { source: "IRN", target: "AZE", goldstein: -7 } as const;

export const EVENTS = [
  event({
    doc: "a1",
    ...expel,
    cameo: "166",
    date: "2023-04-06",
    quote: "Tehran ordered four Azerbaijani diplomats out.",
  }),
  event({ doc: "b1", ...expel, cameo: "166", date: "2023-04-06" }),
  event({ doc: "c1", ...expel, cameo: "174", goldstein: -5, date: "2023-04" }),
  event({ doc: "c1", source: "AZE", target: "IRN", cameo: "111", goldstein: -2, date: "2023-04-10" }),
  event({ doc: "c1", source: "ISR", target: "AZE", cameo: "061", goldstein: 6.4, date: "2023" }),
  event({ doc: "a1", source: "AZE", target: null, cameo: "010", goldstein: 0, date: "2023-04-07" }),
  event({ doc: "d1", source: "AZE", target: "IRN", cameo: "042", goldstein: 1.9, date: "2024-05-19" }),
  event({ doc: "d1", source: "IRN", target: "AZE", cameo: "043", goldstein: 2.8, date: "2024-05-19" }),
  event({
    doc: "d1",
    source: "person:ilham-aliyev",
    target: "ISR",
    cameo: "040",
    goldstein: 1,
    date: "2024-05",
    quote: `Aliyev met Israel's envoy & said "ties <deepen>".`,
  }),
];
// The person acts for his state: the store resolves it, the builder cannot.
const aliyev = EVENTS.at(-1);
if (aliyev) EVENTS[EVENTS.length - 1] = { ...aliyev, sourceCountry: ACTORS[0]?.country ?? null };

const oil = { subjects: ["AZE", "ISR"], metric: "Israel's oil imports" } as const;

export const CLAIMS = [
  claim({ doc: "a1", value: 40, qualifier: "approx", ...oil }),
  claim({ doc: "b1", value: 40, qualifier: "approx", ...oil }),
  claim({ doc: "c1", value: 40, qualifier: "approx", ...oil }),
  claim({ doc: "d1", value: 40, valueMax: 65, ...oil, metric: "Israel's oil needs" }),
];

/** Every record, documents first, as `Store.records()` yields them. */
export function fixtureRecords(): KbRecord[] {
  return [...Object.values(DOCS), ...ACTORS, ...EVENTS, ...CLAIMS];
}
