import { TriangulateError } from "../core/errors.ts";

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration flag (`90s`, `15m`, `6h`, `30d`) in milliseconds.
 * @throws TriangulateError `usage` naming the flag.
 *
 * @example durationOrThrow("--window", "30d") === 2_592_000_000
 */
export function durationOrThrow(flag: string, value: string): number {
  const parts = /^(\d{1,6})(s|m|h|d)$/.exec(value.trim());
  if (!parts || Number(parts[1]) === 0) {
    throw new TriangulateError("usage", `${flag}: not a duration such as 90s, 15m, 6h or 30d: ${value}`);
  }
  return Number(parts[1]) * (UNITS[parts[2] ?? "s"] ?? 1000);
}
