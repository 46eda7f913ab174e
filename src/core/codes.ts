import type { Brand } from "./brand.ts";

/** ISO 3166-1 alpha-3, or a group code (`IGO`, `MUS`, `UNK`, `IMG`: see GROUP_CODES). */
export type CountryCode = Brand<string, "CountryCode">;

/**
 * The codes of the states' side of a record. A state is an ISO 3166-1
 * alpha-3 code; three group codes, as CAMEO and the eval write them, stand
 * for no one state: `IGO` an intergovernmental body, `MUS` Muslim states as
 * a group, `UNK` an unidentified actor (an attacker nobody has named),
 * `IMG` a militant group that no one state hosts (al-Qaeda).
 */
export const GROUP_CODES = ["IGO", "MUS", "UNK", "IMG"] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

/** The side of an event whose actor nobody has identified. */
export const UNKNOWN_SIDE: GroupCode = "UNK";

/** The code of an intergovernmental body (the UN, the OSCE) as a side. */
export const IGO: GroupCode = "IGO";

const CODE = /^[A-Z]{3}$/;

/** Whether `value` has the shape of a country or group code (three capitals). */
export function isCountryCode(value: string): boolean {
  return CODE.test(value);
}

export function isGroupCode(code: string | null | undefined): code is GroupCode {
  return typeof code === "string" && (GROUP_CODES as readonly string[]).includes(code);
}

/** Whether a code names one state: a country code that is not a group code. */
export function isStateCode(code: string | null | undefined): code is CountryCode {
  return typeof code === "string" && CODE.test(code) && !isGroupCode(code);
}

/**
 * The node one side of an event stands for in pairs and networks: its state
 * when it has one (a president counts for Azerbaijan), else the actor itself
 * (`igo:un`, an unidentified attacker), so that two bodies are not one node.
 */
export function sideKey(actor: string, country: string | null): string {
  return isStateCode(country) ? country : actor;
}
