import type { Sentence } from "../../core/ports.ts";
import type { Found } from "./found.ts";

/**
 * One reading of each stretch of text, in text order: of two overlapping
 * expressions the longer, and on a tie chrono's reading of a month and day.
 */
export function withoutOverlaps(found: readonly Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (!last || f.start >= last.end) {
      kept.push(f);
      continue;
    }
    const longer = f.end - f.start - (last.end - last.start);
    if (longer > 0 || (longer === 0 && f.chrono)) kept[kept.length - 1] = f;
  }
  return kept;
}

// What may stand between a month and its year: "June of 2024", "May, 2024", "May 2024".
const MONTH_YEAR_LINK = /^\s*(?:of\s+|,\s*)?$/i;

/**
 * "June of last year", "May, 2024": a month read alone takes the year read
 * right after it. A month before an anaphoric year ("June of the following
 * year") is dropped with it: neither reading alone is the time told.
 */
export function joinMonthAndYear(found: readonly Found[], sentence: Sentence): Found[] {
  const out: Found[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k];
    if (!a) continue;
    const b = found[k + 1];
    const linked =
      a.kind === "yearless" &&
      b !== undefined &&
      MONTH_YEAR_LINK.test(sentence.text.slice(a.end - sentence.start, b.start - sentence.start));
    if (linked && b.kind === "anaphoric") {
      k++;
      continue;
    }
    if (linked && b.kind === "dated" && b.date.month === undefined && b.until === null) {
      const year = b.date.year;
      out.push({
        kind: "dated",
        start: a.start,
        end: b.end,
        chrono: a.chrono,
        role: a.role,
        date: { ...a.date, year },
        until: a.until ? { ...a.until, year } : null,
      });
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}
