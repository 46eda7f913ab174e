declare module "virtual:countries" {
  /** By ISO alpha-3: common name, ISO numeric code (as in world-atlas) and a representative point. */
  const table: Readonly<
    Record<
      string,
      { readonly name: string; readonly ccn3: string; readonly lat: number; readonly lng: number }
    >
  >;
  export default table;
}
