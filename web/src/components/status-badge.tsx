/** How figures for one quantity stand with each other (see `ClaimStatus` on the server). */
export type Status = "agree" | "conflict" | "single";

/** Colour, sign and words of each status: the colour is never the only cue. */
export const STATUSES: Readonly<
  Record<
    Status,
    { readonly label: string; readonly sign: string; readonly colour: string; readonly means: string }
  >
> = {
  conflict: {
    label: "Conflict",
    sign: "≠",
    colour: "#b3261e",
    means: "Some of these figures cannot all be right.",
  },
  agree: {
    label: "Agree",
    sign: "✓",
    colour: "#1b7a3d",
    means:
      "All of these figures can be right at once: equal within rounding, inside one another's range, or an approximate figure close to an exact one.",
  },
  single: {
    label: "Single source",
    sign: "•",
    colour: "#5b6675",
    means: "Only one independent source gives this figure, so nothing corroborates or contradicts it.",
  },
};

export const STATUS_ORDER: readonly Status[] = ["conflict", "agree", "single"];

export function isStatus(value: string | null): value is Status {
  return value === "agree" || value === "conflict" || value === "single";
}

/** A cluster's status as a coloured badge with a sign and a word. */
export function StatusBadge({ status }: { status: Status }) {
  const s = STATUSES[status];
  return (
    <span class={`status status-${status}`} style={{ background: s.colour }} data-status={status}>
      <span aria-hidden="true">{s.sign}</span> {s.label}
    </span>
  );
}
