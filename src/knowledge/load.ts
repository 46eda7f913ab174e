import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CameoTable } from "../core/cameo-table.ts";
import { parseCameoTable } from "../core/cameo-table.ts";
import type { CodingKnowledge, Knowledge } from "../extract/knowledge.ts";
import { loadGazetteer } from "./actors.ts";
import { DATA_DIR } from "./data-dir.ts";
import { loadEventLexicon } from "./events.ts";
import { loadUnitTable } from "./units.ts";

export { DATA_DIR } from "./data-dir.ts";

function readData(dataDir: string, path: string): string {
  return readFileSync(join(dataDir, path), "utf8");
}

/** The CAMEO table (`data/cameo/cameo-codes.tsv`): codes, roots, names, Goldstein scores, PLOVER categories. */
export function loadCameoTable(dataDir: string = DATA_DIR): CameoTable {
  return parseCameoTable(readData(dataDir, "cameo/cameo-codes.tsv"));
}

/** Reads and validates every knowledge file under `dataDir`. */
export function loadKnowledge(dataDir: string = DATA_DIR): Knowledge {
  return { gazetteer: loadGazetteer(dataDir), ...loadCodingKnowledge(dataDir) };
}

/** Reads and validates the knowledge files under `dataDir` but the gazetteer's (see `CodingKnowledge`). */
export function loadCodingKnowledge(dataDir: string = DATA_DIR): CodingKnowledge {
  return {
    units: loadUnitTable(dataDir),
    cameo: loadCameoTable(dataDir),
    lexicon: loadEventLexicon(dataDir),
  };
}
