import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concentric } from "./concentric.ts";

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe("concentric", () => {
  it("puts the one busiest node at the centre and the rest on rings by weight", () => {
    const placed = concentric(
      [
        { key: "AZE", weight: 100, radius: 30 },
        { key: "IRN", weight: 60, radius: 20 },
        { key: "ISR", weight: 55, radius: 20 },
        { key: "ARM", weight: 5, radius: 10 },
      ],
      { levels: 4, spacing: 30 },
    );
    const at = new Map(placed.map((node) => [node.key, Math.hypot(node.x, node.y)]));
    expect(at.get("AZE")).toBe(0);
    expect(at.get("IRN")).toBeCloseTo(at.get("ISR") ?? NaN);
    expect(at.get("IRN")).toBeGreaterThan(0);
    expect(at.get("ARM")).toBeGreaterThan(at.get("IRN") ?? Infinity);
  });

  it("places every node once, and keeps any two at least the spacing apart", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ key: fc.string(), weight: fc.nat(1000), radius: fc.integer({ min: 4, max: 40 }) }),
          {
            selector: (node) => node.key,
            maxLength: 60,
          },
        ),
        (nodes) => {
          const placed = concentric(nodes, { levels: 4, spacing: 10 });
          expect(placed.map((node) => node.key).sort()).toEqual(nodes.map((node) => node.key).sort());
          for (let i = 0; i < placed.length; i++) {
            for (let j = i + 1; j < placed.length; j++) {
              const [a, b] = [placed[i], placed[j]];
              if (!a || !b) continue;
              expect(distance(a, b)).toBeGreaterThanOrEqual(a.radius + b.radius + 10 - 1e-6);
            }
          }
        },
      ),
    );
  });
});
