import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Three short articles of our own, from three outlets, that give one
 * quantity the way the seed articles do: "40%" of Israel's oil needs,
 * "about 40 percent" of its oil supply, and a range, "40–65%" of its oil
 * imports. Written to a folder with a manifest, so that the browser tests
 * run them through the real ingest and extraction.
 */

export const OIL_SHARE_OUTLETS = ["Baku Observer", "Haifa Shipping News", "Energy Mix Review"] as const;

const ARTICLES = [
  {
    file: "observer.txt",
    outlet: OIL_SHARE_OUTLETS[0],
    published: "2023-10-02",
    title: "Baku's oil and Israel",
    text: "Azerbaijan has become Israel's main oil supplier. It now supplies 40% of Israel's oil needs, officials in Baku said on Tuesday.\n",
  },
  {
    file: "shipping.txt",
    outlet: OIL_SHARE_OUTLETS[1],
    published: "2023-11-15",
    title: "Tankers keep sailing",
    text: "Tankers from Ceyhan keep sailing to Haifa. Azerbaijan provides about 40 percent of Israel's oil supply, according to shipping data.\n",
  },
  {
    file: "energy-mix.txt",
    outlet: OIL_SHARE_OUTLETS[2],
    published: "2024-01-20",
    title: "Estimates vary",
    text: "Estimates of Azerbaijan's weight in Israel's energy mix vary widely. Analysts put Azerbaijan's share of Israel's oil imports at 40–65%.\n",
  },
];

/** Writes the articles and their manifest into `dir` (a corpus folder for `ingestCorpusIfEmpty`). */
export function writeOilShareCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const article of ARTICLES) writeFileSync(join(dir, article.file), article.text);
  const manifest = ARTICLES.map(({ file, outlet, published, title }) => ({ file, outlet, published, title }));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
}
