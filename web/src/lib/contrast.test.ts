// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- a test in Node reads the stylesheet (Vitest gives CSS imports no text)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldsteinColour } from "./quad-style.ts";
import { DARK_SIDE_COLOURS, SIDE_COLOURS } from "../charts/figure-axis.ts";

// Text must reach 4.5:1 against what it sits on (WCAG 2 AA): the Goldstein
// badges (white on the scale's colour) and the palettes of styles.css, light
// and dark, checked from the stylesheet itself.

const AA = 4.5;

/** The sRGB channels (0–255) of `#rgb`, `#rrggbb` or `rgb(r, g, b)`. */
function channels(colour: string): [number, number, number] {
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(colour);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) throw new Error(`not a colour: ${colour}`);
  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2's relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The custom properties of the first `:root { ... }` after `from` in the stylesheet. */
function rootVariables(css: string, from: number): Map<string, string> {
  const start = css.indexOf(":root {", from);
  const block = css.slice(start, css.indexOf("}", start));
  return new Map([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

const css = readFileSync(new URL("../styles.css", import.meta.url), "utf8");
const light = rootVariables(css, 0);
const dark = new Map([...light, ...rootVariables(css, css.indexOf("(prefers-color-scheme: dark)"))]);

/** Text colours and the surfaces they are written on. */
const TEXT = ["ink", "muted", "accent", "good", "warn", "error-ink", "sign-cooperative", "sign-conflictual"];
const SURFACES = ["paper", "paper-alt", "wash", "head", "hover", "pressed", "current", "error-wash"];

describe("contrast", () => {
  it("computes WCAG ratios (black on white is 21, a colour on itself 1)", () => {
    expect(contrast("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#777777")).toBe(1);
    // The WCAG example: #767676 on white is the lightest grey that passes AA.
    expect(contrast("#767676", "#ffffff")).toBeGreaterThanOrEqual(AA);
    expect(contrast("#777777", "#ffffff")).toBeLessThan(AA);
  });

  it("gives every Goldstein badge 4.5:1 for its white text, from -10 to +10", () => {
    const failing: string[] = [];
    for (let tenth = -100; tenth <= 100; tenth++) {
      const background = goldsteinColour(tenth / 10);
      const ratio = contrast("#ffffff", background);
      if (ratio < AA) failing.push(`${tenth / 10}: ${background} ${ratio.toFixed(2)}`);
    }
    expect(failing).toEqual([]);
  });

  for (const [mode, palette] of [
    ["light", light],
    ["dark", dark],
  ] as const) {
    it(`reaches 4.5:1 for text on every surface of the ${mode} palette`, () => {
      const failing: string[] = [];
      for (const text of TEXT) {
        for (const surface of SURFACES) {
          const [fg, bg] = [palette.get(text), palette.get(surface)];
          if (!fg || !bg) throw new Error(`--${text} or --${surface} is missing from the ${mode} palette`);
          const ratio = contrast(fg, bg);
          if (ratio < AA) failing.push(`--${text} on --${surface}: ${ratio.toFixed(2)}`);
        }
      }
      expect(failing).toEqual([]);
    });
  }

  it("keeps marked text in the reader readable in both palettes", () => {
    for (const palette of [light, dark]) {
      for (const mark of ["mark", "mark-claim", "mark-selected"]) {
        expect(contrast(palette.get("ink") ?? "", palette.get(mark) ?? "")).toBeGreaterThanOrEqual(AA);
      }
    }
  });
});

describe("Compare's side colours", () => {
  it("reach 4.5:1 on the paper of their palette", () => {
    for (const colour of SIDE_COLOURS) expect(contrast(colour, "#ffffff")).toBeGreaterThanOrEqual(AA);
    // The dark palette's --paper, where the side cards sit.
    for (const colour of DARK_SIDE_COLOURS) expect(contrast(colour, "#1a222d")).toBeGreaterThanOrEqual(AA);
  });
});
