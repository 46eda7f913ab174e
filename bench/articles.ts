import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

// Synthetic-but-realistic articles for the ingest benchmarks: real texts
// with their paragraphs and sentences shuffled and a numbered line added, so
// that each text is distinct (the same text twice would be stored once).

/** A small deterministic PRNG (mulberry32), so every run ingests the same texts. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** The `.txt` texts of the first of `folders` that has any. */
export function readSeeds(folders: readonly string[]): string[] {
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    const texts = readdirSync(folder)
      .filter((name) => name.endsWith(".txt"))
      .sort()
      .map((name) => readFileSync(join(folder, name), "utf8"));
    if (texts.length > 0) return texts;
  }
  throw new Error(`no seed texts in ${folders.join(" or ")}`);
}

/** Article `index`: a seed with its paragraphs, and the sentences in each, shuffled; numbered at the end. */
export function makeArticle(seeds: readonly string[], index: number, random: () => number): string {
  const seed = seeds[index % seeds.length] ?? "";
  const paragraphs = seed
    .split(/\n\s*\n/)
    .map((paragraph) => shuffle(paragraph.trim().split(/(?<=[.!?][”"]?)\s+(?=[A-Z“"])/), random).join(" "));
  return `${shuffle(paragraphs, random).join("\n\n")}\n\nThis is article number ${index + 1} of the benchmark.\n`;
}
