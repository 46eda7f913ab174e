/**
 * Text normalisation, applied once before a document is hashed and stored:
 * every offset the extractors produce indexes the text this returns.
 */

// C0 and C1 control characters except tab and line feed (carriage returns are
// folded into line feeds before this runs).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Invisible characters that split words for the tokeniser without showing:
// soft hyphen, zero-width space, word joiner, byte order mark, LTR/RTL marks.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF\u200E\u200F]/g;
// A no-break space looks like a space, and gazetteers match "Tel Aviv" with one.
const NO_BREAK_SPACE = /[\u00A0\u202F]/g;

/**
 * Normalises text for storage: NFC; `\r\n`, `\r` and Unicode line/paragraph
 * separators become `\n`; byte order marks, invisible format characters and
 * control characters other than `\n` and `\t` go; no-break spaces become
 * spaces; trailing spaces of each line go; runs of blank lines shrink to one;
 * leading and trailing blank lines go.
 *
 * @example normaliseText("\uFEFFCafe\u0301 \r\nBaku\r\n\r\n\r\n") === "Café\nBaku"
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .replace(NO_BREAK_SPACE, " ")
    .normalize("NFC")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Whether a text has anything to read: at least one letter or digit. */
export function hasText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
