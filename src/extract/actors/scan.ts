import { UNKNOWN_SIDE } from "../../core/codes.ts";
import type { CountryCode } from "../../core/records.ts";
import { actorScan, personScan } from "./actor-phrases.ts";
import { agentScan } from "./agents.ts";
import { coreference, institutionScan, pronounScan } from "./coreference.ts";
import { personActor, remember, sharedSurnameStateAt, surnameAt, unknownNameAt } from "./names.ts";
import { type Reading, type Scan, scanOf, skipTo } from "./reading.ts";
import { apposition, titlePhrase } from "./titles.ts";

/** The last word that gave mentions: a title right after it may serve the same state. */
export interface Previous {
  /** The word index just past it. */
  readonly next: number;
  /** The state of its first mention. */
  readonly country: CountryCode | null;
}

/** Whether word `k` continues a person's name: a capitalised proper noun that is no name, title or stop word of ours. */
function continuesName(r: Reading, k: number): boolean {
  const { cursor: c, ix } = r;
  const w = c.words[k];
  if (!w || !c.spaced(k) || !w.capital || w.pos !== "PROPN") return false;
  if (ix.functionWords.has(w.key) || ix.nameStop.has(w.key) || ix.titles.starts(w.key)) return false;
  return !(ix.names.starts(w.key) && c.nameMatch(k)?.value.type === "actor");
}

/** Everything that starts at word `i`, or null. */
export function scanAt(r: Reading, i: number, previous: Previous | null): Scan | null {
  const { cursor: c, ix } = r;
  const w = c.at(i);
  if (ix.pronouns.has(w.key)) return pronounScan(r, i);
  // Most words begin nothing: one lookup says so.
  if (!w.capital && !ix.openers.has(w.key)) return null;
  // A title without a state before it: "President Ilham Aliyev", "Foreign Minister of Iran".
  if (ix.titles.starts(w.key) || ix.temporal.has(w.key) || ix.rank.has(w.key)) {
    // "... Aliyev and Foreign Minister X", "Aliyev's aide X": X serves the same state.
    const between = previous?.next === i - 1 ? c.at(i - 1) : null;
    const inherits = between !== null && (between.key === "and" || c.isPossessiveMark(between));
    const t = titlePhrase(r, i, null, inherits ? (previous?.country ?? null) : null);
    if (t) return t;
  }
  const m = ix.names.starts(w.key) ? c.nameMatch(i) : null;
  if (!m && w.key === "the") return institutionScan(r, i);
  if (m) {
    const value = m.value;
    switch (value.type) {
      case "stop":
        return skipTo(m.end);
      case "pair":
      case "context":
      case "personContext":
        return coreference(r, m, value);
      case "person": {
        if (c.placeNameAfter(m.end)) return skipTo(m.end + 1);
        remember(r, value.person.actor, c.text(w.start, c.wordEnd(m.end)));
        return personScan(r, i, m.end, value.person.actor, "person");
      }
      case "actor": {
        // "Hamas gunmen": an unidentified attacker's noun right after a name is that actor's, named already.
        if (value.actor.country === UNKNOWN_SIDE && previous?.next === i && c.spaced(i)) return skipTo(m.end);
        const scan = actorScan(r, i, m, value);
        const only = scan.found.length === 1 ? scan.found[0] : undefined;
        // "ethnic Albanians in Serbia": a minority, coded by the state it lives in.
        if (only?.mention.via === "demonym" && c.spaced(i) && ix.ethnicMarkers.has(c.at(i - 1).key)) {
          return { next: scan.next, found: [{ kind: "ethnic", mention: only.mention }] };
        }
        return scan;
      }
      default:
        return value satisfies never;
    }
  }
  const agent = ix.agents.starts(w.key) ? agentScan(r, i, previous) : null;
  if (agent) return agent;
  if (!w.capital) return null;
  // "Mr. Lavrov", "Aliyev" after "Ilham Aliyev", "Putin" — but not "Mojtaba Khamenei".
  const before = c.words[i - 1];
  const insideName =
    before !== undefined &&
    c.spaced(i) &&
    before.capital &&
    before.pos === "PROPN" &&
    !ix.functionWords.has(before.key) &&
    !ix.honorifics.has(before.key);
  if (!insideName) {
    const surname = surnameAt(r, i, null, true);
    // "Haroon Rashid Aswad": a known surname before more of a name was a first name.
    const longerName = surname?.via === "person" && continuesName(r, surname.end);
    if (surname && !longerName && !c.placeNameAfter(surname.end)) {
      return personScan(r, i, surname.end, surname.actor, surname.via);
    }
    const shared = surname ? null : sharedSurnameStateAt(r, i);
    if (shared) return scanOf(shared.end, c.mention(i, c.wordEnd(shared.end), shared.state, "person"));
  }
  // "Avigdor Liberman, an Israeli politician": a new person and their state.
  if (w.pos !== "PROPN" || ix.functionWords.has(w.key)) return null;
  const name = unknownNameAt(r, i, 2);
  if (!name) return null;
  const app = apposition(r, name.end);
  if (!app?.country) return skipTo(name.end);
  const actor = personActor(r, name.text, app.country);
  remember(r, actor, name.text);
  return scanOf(app.end, c.mention(i, c.wordEnd(name.end), actor, "title", actor.country));
}
