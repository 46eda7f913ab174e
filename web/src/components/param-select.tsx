import { navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/**
 * A choice held in the URL: the select shows the query parameter `param`
 * of `place` and a change navigates to the same place with the new value.
 * The first option, `any`, stands for no value (the parameter is removed);
 * `resets` names parameters that the change clears (a zoom, a chosen period)
 * because they belonged to the old choice.
 */
export function ParamSelect({
  place,
  param,
  label,
  options,
  value,
  any,
  resets = [],
  replace = false,
  testId,
}: {
  place: Place;
  param: string;
  label: string;
  options: readonly SelectOption[];
  /** What is shown as chosen, when the view resolves it otherwise than from the URL (a default). */
  value?: string;
  /** The label of the option for no value; none when a value is always chosen. */
  any?: string;
  resets?: readonly string[];
  /** Change the place without a step in the history (filters typed or picked in passing). */
  replace?: boolean;
  testId?: string;
}) {
  return (
    <label>
      {label}{" "}
      <select
        value={value ?? place.params.get(param) ?? ""}
        onChange={(event) => {
          const cleared = Object.fromEntries(resets.map((key) => [key, null]));
          navigate(withParams(place, { ...cleared, [param]: event.currentTarget.value || null }), {
            replace,
          });
        }}
        data-testid={testId}
      >
        {any === undefined ? null : <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
