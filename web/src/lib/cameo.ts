import cameoTsv from "../../../data/cameo/cameo-codes.tsv?raw";

/** CAMEO names by code (`04`, `042`), from the project's own CAMEO table. */
const NAMES: ReadonlyMap<string, string> = new Map(
  cameoTsv
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((cells): cells is [string, string, string, ...string[]] => cells.length >= 3 && cells[0] !== "")
    .map(([code, , name]) => [code, code.length === 2 ? titleCase(name) : name]),
);

function titleCase(name: string): string {
  return name.charAt(0) + name.slice(1).toLowerCase();
}

export function cameoName(code: string): string {
  return NAMES.get(code) ?? `CAMEO ${code}`;
}

/** The twenty roots, `01` to `20`, with their names. */
export const CAMEO_ROOTS: readonly { readonly root: string; readonly name: string }[] = Array.from(
  { length: 20 },
  (_, i) => {
    const root = String(i + 1).padStart(2, "0");
    return { root, name: cameoName(root) };
  },
);

export const QUADS = [
  "Verbal cooperation",
  "Material cooperation",
  "Verbal conflict",
  "Material conflict",
] as const;
export type Quad = (typeof QUADS)[number];

/** Colours for QUADS, blues for cooperation and warm for conflict (colour-blind safe pairs). */
export const QUAD_COLOURS = ["#74a9cf", "#0868ac", "#fdae61", "#d7191c"] as const;

/** CAMEO's quad class of a root: 01–05, 06–08, 09–13, 14–20. */
export function quadOf(root: string): Quad {
  const n = Number(root);
  if (n <= 5) return QUADS[0];
  if (n <= 8) return QUADS[1];
  if (n <= 13) return QUADS[2];
  return QUADS[3];
}

export function quadColour(root: string): string {
  return QUAD_COLOURS[QUADS.indexOf(quadOf(root))] ?? "#888";
}

/** A colour on a red (conflict, -10) to blue (cooperation, +10) scale for a Goldstein value. */
export function goldsteinColour(value: number): string {
  const t = Math.max(-1, Math.min(1, value / 10));
  // Interpolate grey -> blue or grey -> red in sRGB; enough for strokes and badges.
  const grey = [150, 150, 150];
  const end = t >= 0 ? [8, 104, 172] : [215, 25, 28];
  const k = Math.abs(t) ** 0.7;
  const [r, g, b] = grey.map((c, i) => Math.round(c + ((end[i] ?? c) - c) * k)) as [number, number, number];
  return `rgb(${r}, ${g}, ${b})`;
}
