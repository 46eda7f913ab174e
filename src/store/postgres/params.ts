/** The positional parameters of one statement being built. */
export interface Params {
  /** Adds a value and returns its placeholder (`$1`, `$2`, ...). */
  add(value: unknown): string;
  readonly values: readonly unknown[];
}

export function createParams(): Params {
  const values: unknown[] = [];
  return {
    add(value) {
      values.push(value);
      return `$${values.length}`;
    },
    values,
  };
}
