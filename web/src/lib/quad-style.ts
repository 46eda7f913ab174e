import { quadClassOf } from "../../../src/core/quad-class.ts";
import type { QuadClass } from "../../../src/core/quad-class.ts";

/** How the views name the kernel's quad classes. */
export const QUAD_LABELS: Readonly<Record<QuadClass, string>> = {
  verbalCooperation: "Verbal cooperation",
  materialCooperation: "Material cooperation",
  verbalConflict: "Verbal conflict",
  materialConflict: "Material conflict",
};

/** Colours of the quad classes: blues for cooperation, warm for conflict (colour-blind safe pairs). */
export const QUAD_COLOURS: Readonly<Record<QuadClass, string>> = {
  verbalCooperation: "#74a9cf",
  materialCooperation: "#0868ac",
  verbalConflict: "#fdae61",
  materialConflict: "#d7191c",
};

/** The colour of a CAMEO root's quad class; grey for what is not a root. */
export function quadColour(root: string): string {
  const quad = quadClassOf(root);
  return quad === null ? "#888" : QUAD_COLOURS[quad];
}

/**
 * A colour on a red (conflict, -10) to blue (cooperation, +10) scale for a
 * Goldstein value. Badges write white on it: all three ends are dark enough
 * for 4.5:1, and so is every mix of them (luminance is convex in sRGB).
 */
export function goldsteinColour(value: number): string {
  const t = Math.max(-1, Math.min(1, value / 10));
  // Interpolate grey -> blue or grey -> red in sRGB; enough for strokes and badges.
  const grey = [110, 110, 110];
  const end = t >= 0 ? [8, 104, 172] : [215, 25, 28];
  const k = Math.abs(t) ** 0.7;
  const [r, g, b] = grey.map((c, i) => Math.round(c + ((end[i] ?? c) - c) * k)) as [number, number, number];
  return `rgb(${r}, ${g}, ${b})`;
}
