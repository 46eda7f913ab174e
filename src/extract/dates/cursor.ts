import { matchForm } from "../quantities/find.ts";
import type { Piece } from "../quantities/pieces.ts";
import type { UnitTable } from "../quantities/units.ts";
import type { CalendarDate } from "./calendar-date.ts";
import type { CalendarWords } from "./calendar.ts";
import type { Found } from "./found.ts";

/** What date recognition reads every sentence of a document with. */
export interface DateContext {
  readonly calendar: CalendarWords;
  readonly units: UnitTable;
  readonly published: CalendarDate | null;
  /**
   * The reference chrono-node resolves relative phrases against: publication
   * at noon on the machine's clock (see `chronoReference`); null without a
   * publication date.
   */
  readonly chronoRef: Date | null;
}

const YEAR_MIN = 1800;
const YEAR_MAX = 2099;

/** Whether `year` is one a text about our times may name. */
export function isPlausibleYear(year: number): boolean {
  return year >= YEAR_MIN && year <= YEAR_MAX;
}

/**
 * chrono-node computes in the machine's time zone: "yesterday" is the day
 * before the reference's date on the local clock. The reference is therefore
 * publication's calendar date at noon *on that clock*, so that chrono's
 * calendar arithmetic starts from the publication date whatever the zone (an
 * instant such as noon UTC is already the next day east of UTC+12). A plain
 * `Date` rather than a reference with a time zone: chrono reads some relative
 * phrases ("this year") from the instant without the zone's adjustment.
 */
export function chronoReference(published: CalendarDate): Date {
  const date = new Date(0);
  date.setFullYear(published.year, (published.month ?? 7) - 1, published.day ?? (published.month ? 15 : 1));
  date.setHours(12, 0, 0, 0);
  return date;
}

/** The pieces of one sentence, read by position: what the date grammars share. */
export class PieceCursor {
  constructor(
    readonly pieces: readonly Piece[],
    readonly context: DateContext,
  ) {}

  at(k: number): Piece | undefined {
    return this.pieces[k];
  }

  /** The lower-case text of piece `k`, "" past either end. */
  lower(k: number): string {
    return this.pieces[k]?.lower ?? "";
  }

  /** A year that is a year at piece `k`, not "2000 km", "$2024" or "Resolution 2000". */
  yearAt(k: number): number | null {
    const { pieces, context } = this;
    const piece = pieces[k];
    if (!piece || !/^\d{4}$/.test(piece.text)) return null;
    const year = Number(piece.text);
    if (!isPlausibleYear(year)) return null;
    const before = pieces[k - 1];
    if (
      before &&
      (context.units.nameWords.has(before.lower) || matchForm(pieces, k - 1, context.units, "before"))
    )
      return null;
    if (matchForm(pieces, k + 1, context.units, "after")) return null;
    const after = pieces[k + 1];
    if (after && (context.units.countNouns.has(after.lemma) || context.units.countNouns.has(after.lower)))
      return null;
    return year;
  }

  /** The year at piece `k` or after an "of" there ("of 2024", "2024"), and the index after it. */
  yearAfter(k: number): { readonly year: number; readonly end: number } | null {
    const at = this.lower(k) === "of" ? k + 1 : k;
    const year = this.yearAt(at);
    return year === null ? null : { year, end: at + 1 };
  }

  /**
   * Pieces [from, to) as a time of our own patterns: an open span to
   * publication after "since" ("since 2003", "since the 1990s"), else a point.
   */
  time(from: number, to: number, date: CalendarDate, until: CalendarDate | null): Found & { kind: "dated" } {
    const since = this.sinceBefore(from);
    return {
      kind: "dated",
      start: this.pieces[from]?.start ?? 0,
      end: this.pieces[to - 1]?.end ?? 0,
      chrono: false,
      role: since ? "since" : "point",
      date,
      until: since ? this.context.published : until,
    };
  }

  /** Whether a "since" (and maybe "the") stands before piece `k`. */
  sinceBefore(k: number): boolean {
    const first = this.lower(k - 1) === "the" ? k - 1 : k;
    return this.context.calendar.sinceWords.has(this.lower(first - 1));
  }
}
