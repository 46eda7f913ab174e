import type { CalendarDate } from "./calendar-date.ts";
import type { CalendarUnit } from "./calendar.ts";

/** Where an expression sits in the document, and who read it. */
interface Place {
  readonly start: number;
  readonly end: number;
  /** Read by chrono-node: where chrono and our own patterns read the same words, chrono's reading wins. */
  readonly chrono: boolean;
}

/**
 * What a time is to the narrative: a `point` it reaches ("in 2016"), or a
 * `since` span that runs to publication ("since 2003") and moves it nowhere.
 */
export type Role = "point" | "since";

/** A count of calendar units from the narrative's time ("the next day" is one day on). */
export interface Shift {
  readonly unit: CalendarUnit;
  readonly amount: number;
}

/**
 * A date expression found in a sentence, before the narrative settles it:
 *
 * - `dated`: a time in full ("in 2016", "April 28, 2025", "2024–2025", "since 2003");
 * - `yearless`: a month or day written without its year ("On January 26",
 *   "last May"); its `date.year` is 0 until the narrative gives one;
 * - `anaphoric`: a time told against the narrative ("the next day", "two months later").
 */
export type Found =
  | (Place & {
      readonly kind: "dated";
      readonly role: Role;
      readonly date: CalendarDate;
      readonly until: CalendarDate | null;
    })
  | (Place & {
      readonly kind: "yearless";
      readonly role: Role;
      readonly date: CalendarDate;
      readonly until: CalendarDate | null;
      /** "last May", "next March": the nearest such month before or after publication. */
      readonly direction: "last" | "next" | null;
    })
  | (Place & { readonly kind: "anaphoric"; readonly shift: Shift });

/** A found time with its year: what the narrative settles every found expression into. */
export interface Settled {
  readonly start: number;
  readonly end: number;
  readonly role: Role;
  readonly date: CalendarDate;
  readonly until: CalendarDate | null;
}
