/**
 * Bytes to text: refuses binary data and invalid UTF-8 rather than guessing,
 * so that nothing unreadable is stored.
 */

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly kind: "binary" | "undecodable"; readonly message: string };

/** How much of the input the binary check looks at. */
const SNIFF_BYTES = 8192;
/** Share of control bytes (other than tab, newlines, form feed, escape) above which data is binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Whether bytes look like binary data: a NUL byte, or many control bytes, in
 * the first 8 KiB. UTF-16 text with a byte order mark is not binary (its
 * NULs are half of each ASCII character).
 */
export function isBinary(bytes: Uint8Array): boolean {
  if (utf16Encoding(bytes)) return false;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) return true;
    // \t \n \v \f \r and ESC appear in real text files; other C0 bytes rarely do.
    if (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) control++;
  }
  return end > 0 && control / end > MAX_CONTROL_SHARE;
}

function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Decodes UTF-8 (or UTF-16 with a byte order mark, or a character set a
 * server declared) strictly: invalid byte sequences are an error, never
 * replaced with U+FFFD.
 *
 * @example decodeBytes(new TextEncoder().encode("Baku")) // { ok: true, text: "Baku" }
 */
export function decodeBytes(bytes: Uint8Array, charset: string | null = null): DecodeResult {
  if (isBinary(bytes)) return { ok: false, kind: "binary", message: "binary data, not text" };
  const encoding = utf16Encoding(bytes) ?? charset ?? "utf-8";
  const decoder = createDecoder(encoding);
  if (!decoder) return { ok: false, kind: "undecodable", message: `unknown character set ${encoding}` };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, kind: "undecodable", message: `not valid ${decoder.encoding.toUpperCase()}` };
  }
}

function createDecoder(encoding: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    return null;
  }
}
