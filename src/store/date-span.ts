import type { IsoDate } from "../core/ids.ts";
import { datePrecision } from "../core/ids.ts";

/** The first and last calendar day (`YYYY-MM-DD`) a date at its precision covers. */
export interface DaySpan {
  readonly first: string;
  readonly last: string;
}

/**
 * The days a date covers: `2023` is 2023-01-01..2023-12-31, `2024-02` is
 * 2024-02-01..2024-02-29, a day is itself. Stores compare these `YYYY-MM-DD`
 * strings, which sort as dates.
 */
export function daySpan(date: IsoDate): DaySpan {
  switch (datePrecision(date)) {
    case "year":
      return { first: `${date}-01-01`, last: `${date}-12-31` };
    case "month": {
      const [year, month] = date.split("-").map(Number) as [number, number];
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { first: `${date}-01`, last: `${date}-${String(days).padStart(2, "0")}` };
    }
    case "day":
      return { first: date, last: date };
  }
}
