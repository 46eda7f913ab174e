import { parseNumber } from "../quantities/pieces.ts";
import type { PieceCursor } from "./cursor.ts";
import type { Found } from "./found.ts";

/**
 * Times told against the narrative: "the same day", "that month", "the next
 * day", "the following year", "two days later", "a month earlier". Their
 * dates are settled by the narrative (`settle` in narrative.ts), from the
 * time it has reached.
 */
export function anaphoricDates(cursor: PieceCursor): Found[] {
  const { pieces, context } = cursor;
  const { calendar } = context;
  const out: Found[] = [];
  for (let k = 1; k < pieces.length; k++) {
    const unitPiece = pieces[k];
    const unit = unitPiece ? calendar.anaphoraUnits.get(unitPiece.lower) : undefined;
    if (!unitPiece || unit === undefined) continue;
    const before = cursor.lower(k - 1);
    const head = calendar.anaphoraHeads.get(before);
    let first = -1;
    let last = k;
    let amount = 0;
    if (head !== undefined && !unitPiece.lower.endsWith("s")) {
      // "that day" stands alone; "the next day", "that same month" need their determiner.
      const determiner = cursor.lower(k - 2);
      if (before === "that") first = k - 1;
      else if (determiner === "the" || determiner === "that") first = k - 2;
      amount = head;
    } else {
      const direction = calendar.anaphoraTails.get(cursor.lower(k + 1));
      const count =
        before === "a" || before === "an"
          ? 1
          : (parseNumber(pieces[k - 1]?.text ?? "") ?? context.units.numberWords.get(before));
      if (direction !== undefined && count !== undefined && count > 0 && count < 100) {
        first = k - 1;
        last = k + 1;
        amount = direction * count;
      }
    }
    const start = pieces[first];
    const end = pieces[last];
    if (first < 0 || !start || !end) continue;
    out.push({ kind: "anaphoric", start: start.start, end: end.end, chrono: false, shift: { unit, amount } });
  }
  return out;
}
