import { describe, expect, it } from "vitest";
import { decodeBytes, isBinary } from "./decode.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("isBinary", () => {
  it.each([
    ["plain ASCII", utf8("Baku and Tehran\n"), false],
    ["UTF-8 with tabs, CR and form feeds", utf8("a\tb\r\n\fc — Баку"), false],
    ["a NUL byte", Uint8Array.from([0x41, 0x00, 0x42]), true],
    ["many control bytes", Uint8Array.from([0x01, 0x02, 0x03, 0x41, 0x04, 0x05, 0x06, 0x42]), true],
    ["a PNG header", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), true],
    ["UTF-16 with a byte order mark", Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), false],
    ["nothing", new Uint8Array(), false],
  ])("%s -> %s", (_, bytes, expected) => {
    expect(isBinary(bytes)).toBe(expected);
  });
});

describe("decodeBytes", () => {
  it("decodes UTF-8 and drops its byte order mark", () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Əliyev")]))).toEqual({
      ok: true,
      text: "Əliyev",
    });
  });

  it("decodes UTF-16 with a byte order mark", () => {
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x42, 0x00, 0x61, 0x00]))).toEqual({
      ok: true,
      text: "Ba",
    });
    expect(decodeBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x42, 0x00, 0x61]))).toEqual({
      ok: true,
      text: "Ba",
    });
  });

  it("refuses invalid UTF-8 instead of replacing it", () => {
    expect(decodeBytes(Uint8Array.from([0x42, 0x61, 0xff, 0xfe, 0x6b, 0x75]))).toEqual({
      ok: false,
      kind: "undecodable",
      message: "not valid UTF-8",
    });
    // A truncated multi-byte sequence at the end.
    expect(decodeBytes(Uint8Array.from([0x42, 0xc3]))).toMatchObject({ ok: false, kind: "undecodable" });
  });

  it("refuses binary data", () => {
    expect(decodeBytes(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]))).toMatchObject({
      ok: false,
      kind: "binary",
    });
  });

  it("decodes a declared character set, and refuses an unknown one", () => {
    expect(decodeBytes(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), "iso-8859-1")).toEqual({
      ok: true,
      text: "café",
    });
    expect(decodeBytes(utf8("x"), "no-such-charset")).toMatchObject({ ok: false, kind: "undecodable" });
  });
});
