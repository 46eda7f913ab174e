import { isCameoCode, isCameoRoot, type CameoRoot } from "./cameo.ts";
import { TriangulateError } from "./errors.ts";
import { GOLDSTEIN_MAX, GOLDSTEIN_MIN } from "./goldstein.ts";

export interface CameoEntry {
  /** Two to four digits (`04`, `042`, `1121`). */
  readonly code: string;
  readonly root: CameoRoot;
  readonly name: string;
  readonly goldstein: number;
  /** PLOVER category; null for CAMEO 01 (public statements), which PLOVER leaves out. */
  readonly plover: string | null;
}

export interface CameoTable {
  readonly entries: readonly CameoEntry[];
  get(code: string): CameoEntry | undefined;
}

/**
 * Parses `data/cameo/cameo-codes.tsv` (code, root, name, goldstein, plover, ...).
 * @throws TriangulateError `invalid_data` naming the line that is malformed.
 */
export function parseCameoTable(tsv: string): CameoTable {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines.shift()?.split("\t") ?? [];
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new TriangulateError("invalid_data", `CAMEO table: no "${name}" column`);
    return index;
  };
  const [code, root, name, goldstein, plover] = ["code", "root", "name", "goldstein", "plover"].map(
    column,
  ) as [number, number, number, number, number];
  const byCode = new Map<string, CameoEntry>();
  lines.forEach((line, i) => {
    const cells = line.split("\t");
    const entryCode = cells[code] ?? "";
    const entryRoot = cells[root] ?? "";
    const value = Number(cells[goldstein]);
    if (
      !isCameoCode(entryCode) ||
      !isCameoRoot(entryRoot) ||
      !entryCode.startsWith(entryRoot) ||
      !Number.isFinite(value) ||
      value < GOLDSTEIN_MIN ||
      value > GOLDSTEIN_MAX
    ) {
      throw new TriangulateError("invalid_data", `CAMEO table line ${i + 2}: malformed row "${line}"`);
    }
    byCode.set(entryCode, {
      code: entryCode,
      root: entryRoot,
      name: cells[name] ?? "",
      goldstein: value,
      plover: cells[plover] || null, // an empty cell means no category
    });
  });
  return { entries: [...byCode.values()], get: (c) => byCode.get(c) };
}
