/**
 * The Goldstein scale (-10 conflict .. +10 cooperation) and the cut-offs on
 * it that the analysis applies and the browser states and draws, kept here
 * so that a view never says one number while the analysis uses another.
 */

/** The ends of the scale: CAMEO's Goldstein values run from -10 to +10. */
export const GOLDSTEIN_MIN = -10;
export const GOLDSTEIN_MAX = 10;

/**
 * Where an episode of provocation, rupture and repair turns, on a period's
 * mean Goldstein value. A trough at `conflict` (-2) or below takes at least
 * accusations and condemnations (-2) outweighing any cooperation in the
 * period, or worse (expulsions -4 to -5, threats -4.4 and below); repair
 * takes a period whose mean reaches `recovery` (1), a consultation or better.
 */
export const EPISODE_THRESHOLDS = { conflict: -2, recovery: 1 } as const;
