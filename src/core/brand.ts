declare const brand: unique symbol;

/** A nominal type: a `T` that only its constructor function can make. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
