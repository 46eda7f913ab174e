import type { Analysis } from "../../analysis/analysis.ts";
import { createAnalysis } from "../../analysis/analysis.ts";
import { readAnalysisInput } from "../../analysis/from-store.ts";
import type { CliIo } from "../command.ts";
import { openExistingStore, resolveDbPath } from "../db-path.ts";

/** What the analysis commands (claims, events, dyads, episodes, triads, sources) share. */

export interface LoadedAnalysis {
  readonly analysis: Analysis;
  /** A display name for an actor id or a state's code ("IRN" -> "Iran"). */
  readonly nameOf: (key: string) => string;
}

/** Reads the knowledge base named by `--db` (or the default) and analyses it. */
export async function loadAnalysis(db: string | undefined, io: CliIo): Promise<LoadedAnalysis> {
  const store = await openExistingStore(resolveDbPath(db, io));
  try {
    const input = await readAnalysisInput(store);
    const names = new Map<string, string>(input.actors.map((actor) => [actor.id, actor.name]));
    return { analysis: createAnalysis(input), nameOf: (key) => names.get(key) ?? key };
  } finally {
    await store.close();
  }
}

/** Pretty JSON would be longer than useful on big bases; one line, as `stats --json`. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * An aligned text table: headers, then rows, columns two spaces apart;
 * numbers right-aligned. An empty table says so.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  if (rows.length === 0) return "(none)\n";
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i] ?? "").length)),
  );
  const line = (cells: readonly (string | number)[]): string =>
    cells
      .map((cell, i) =>
        typeof cell === "number" ? String(cell).padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return `${[line(headers), ...rows.map(line)].join("\n")}\n`;
}

/** A text cut to `max` characters on one line, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A signed number for tables: `+1.9`, `-4`, `0`. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
