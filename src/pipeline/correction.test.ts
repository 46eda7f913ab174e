import { describe, expect, it } from "vitest";
import { isoDateOrThrow } from "../core/ids.ts";
import type { DocumentRecord } from "../core/records.ts";
import type { GivenMeta } from "../ingest/manifest.ts";
import { buildDocument } from "../store/testing/fixtures.ts";
import { correctedDocument } from "./correction.ts";

const { doc: stored } = buildDocument({
  text: "Iran expelled two Azerbaijani diplomats yesterday.",
  uri: "briefs/expulsion.txt",
  title: "Diplomats expelled",
  outlet: "Wire A",
  published: "2023-04-07",
});
const { text: _text, ...summary } = stored;
const NOTHING: GivenMeta = { published: null, outlet: null, title: null };

/** The same text as read again: what the text itself yields, at the path it was read from. */
function readAgain(uri: string, derived: Partial<DocumentRecord> = {}): DocumentRecord {
  return { ...stored, uri, title: null, outlet: null, published: null, ...derived };
}

describe("correctedDocument", () => {
  it("takes the given title, outlet and date over the stored ones", () => {
    const given = { published: isoDateOrThrow("2024-01-10"), outlet: "Wire B", title: "Envoys sent home" };
    expect(correctedDocument(summary, readAgain("briefs/expulsion.txt"), given)).toEqual({
      ...stored,
      ...given,
    });
  });

  it("keeps a stored field that nothing was given for", () => {
    const given = { ...NOTHING, outlet: "Wire B" };
    expect(correctedDocument(summary, readAgain("briefs/expulsion.txt"), given)).toEqual({
      ...stored,
      outlet: "Wire B",
    });
  });

  it("takes a URL as the document's address, but not the path of another copy", () => {
    const url = "https://news.example/expulsion";
    expect(correctedDocument(summary, readAgain(url), NOTHING)).toEqual({ ...stored, uri: url });
    expect(correctedDocument(summary, readAgain("/elsewhere/copy.txt"), NOTHING)).toBeNull();
  });

  it("changes nothing when given the stored metadata, or none, whatever the text itself says", () => {
    const { published, outlet, title } = stored;
    expect(
      correctedDocument(summary, readAgain("briefs/expulsion.txt"), { published, outlet, title }),
    ).toBeNull();
    const derived = { title: "Page title", published: isoDateOrThrow("1999") };
    expect(correctedDocument(summary, readAgain("briefs/expulsion.txt", derived), NOTHING)).toBeNull();
  });
});
