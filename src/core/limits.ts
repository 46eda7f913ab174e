/**
 * Limits of what one request or command may ask for, shared by the server
 * (which refuses more), the CLI and the browser (which never asks for more).
 */

/** The most items one list request may ask for: the event views load this many at once. */
export const MAX_PAGE = 10_000;

/** The highest offset into a list. */
export const MAX_OFFSET = 1_000_000_000;

/** The longest free text (a search, an outlet name) a parameter may hold. */
export const MAX_TEXT = 200;

/** The longest analyst name a correction records. */
export const MAX_ANALYST = 100;

/** The most hits one search returns. */
export const MAX_SEARCH_HITS = 100;
