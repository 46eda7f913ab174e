import { countOf } from "../lib/format.ts";
import { inputValue, isScoped, scopeOf } from "../lib/time-scope.ts";
import { navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";

/**
 * The one range control of the event views: From and To dates held in the
 * URL (`?from=&to=`), which every view that honours the scope reads and the
 * navigation carries to the next view. A change clears what belonged to the
 * old range (the timeline's zoom, the chosen period). `count` is how many
 * event reports (records, before merging) the view found in the range, so
 * that each view states it alike.
 */
export function TimeScopeControl({ place, count }: { place: Place; count?: number | undefined }) {
  const scope = scopeOf(place.params);
  const set = (changes: Record<string, string | null>) => {
    navigate(withParams(place, { ...changes, zoom: null, period: null }));
  };
  const from = inputValue(scope.from, "from");
  const to = inputValue(scope.to, "to");
  return (
    <form
      class="filters time-scope"
      aria-label="Time scope"
      data-testid="time-scope"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <label>
        From{" "}
        <input
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => {
            set({ from: e.currentTarget.value || null });
          }}
          data-testid="scope-from"
        />
      </label>
      <label>
        To{" "}
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => {
            set({ to: e.currentTarget.value || null });
          }}
          data-testid="scope-to"
        />
      </label>
      <button
        type="button"
        disabled={!isScoped(scope)}
        onClick={() => {
          set({ from: null, to: null });
        }}
      >
        All dates
      </button>
      {count === undefined ? null : (
        <span class="scope-count" data-testid="scope-count" data-count={count} aria-live="polite">
          {countOf(count, "event report", "event reports")}
          {isScoped(scope) ? " in this range" : ", all dates"}
          {from && to && from > to ? " (From is after To)" : ""}
        </span>
      )}
    </form>
  );
}
