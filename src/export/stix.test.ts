import { describe, expect, it } from "vitest";
import { fixtureRecords } from "../../test/analysis/fixture-kb.ts";
import type { KbRecord, RecordCorrection } from "../core/records.ts";
import { createStixFormat, uuidV5 } from "./stix.ts";

const NOW = new Date("2026-03-05T12:00:00.000Z");

async function exportStix(
  records: readonly KbRecord[] = fixtureRecords(),
): Promise<{ type: string; id: string; objects: Record<string, unknown>[] }> {
  const format = createStixFormat({ now: () => NOW });
  let out = "";
  for await (const chunk of format.write(records, {
    includeText: false,
    types: format.types(null),
  })) {
    out += chunk;
  }
  return JSON.parse(out) as { type: string; id: string; objects: Record<string, unknown>[] };
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** STIX 2.1's required properties of each object type we write (besides the common ones). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  report: ["name", "published", "object_refs"],
  identity: ["name"],
  relationship: ["relationship_type", "source_ref", "target_ref"],
  note: ["content", "object_refs"],
};

describe("stix export", () => {
  it("writes a bundle whose every object has STIX 2.1's required properties", async () => {
    const bundle = await exportStix();
    expect(bundle.type).toBe("bundle");
    expect(bundle.id).toMatch(new RegExp(`^bundle--${UUID}$`));
    expect(bundle).not.toHaveProperty("spec_version");
    const ids = new Set(bundle.objects.map((o) => o.id));
    expect(ids.size).toBe(bundle.objects.length);
    for (const object of bundle.objects) {
      const type = String(object.type);
      expect(Object.keys(REQUIRED)).toContain(type);
      expect(object.spec_version).toBe("2.1");
      expect(object.id).toMatch(new RegExp(`^${type}--${UUID}$`));
      expect(object.created).toMatch(TIMESTAMP);
      expect(object.modified).toMatch(TIMESTAMP);
      for (const property of REQUIRED[type] ?? [])
        expect(object, `${type}.${property}`).toHaveProperty(property);
      // Every reference points to an object in the bundle.
      for (const key of ["source_ref", "target_ref"]) if (key in object) expect(ids).toContain(object[key]);
      for (const ref of (object.object_refs as string[] | undefined) ?? []) expect(ids).toContain(ref);
      if ("object_refs" in object) expect((object.object_refs as unknown[]).length).toBeGreaterThan(0);
      for (const reference of (object.external_references as Record<string, unknown>[] | undefined) ?? []) {
        expect(typeof reference.source_name).toBe("string");
      }
      if (type === "relationship") expect(object.relationship_type).toMatch(/^[a-z0-9-]+$/);
      if (type === "report") expect(object.published).toMatch(TIMESTAMP);
    }
  });

  it("maps documents to reports, actors to identities, events to relationships and claims to notes", async () => {
    const { objects } = await exportStix();
    const count = (type: string): number => objects.filter((o) => o.type === type).length;
    expect(count("report")).toBe(4);
    expect(count("identity")).toBe(4);
    // Nine events, one without a target.
    expect(count("relationship")).toBe(8);
    expect(count("note")).toBe(4);
    const iran = objects.find((o) => o.type === "identity" && o.name === "Iran");
    expect(iran).toMatchObject({ identity_class: "organization", sectors: ["government-national"] });
    const expulsion = objects.find((o) => o.type === "relationship" && o.x_triangulate_cameo === "166");
    expect(expulsion).toMatchObject({
      relationship_type: "material-conflict",
      source_ref: iran?.id,
      start_time: "2023-04-06T00:00:00.000Z",
      stop_time: "2023-04-06T23:59:59.999Z",
      x_triangulate_goldstein: -7,
      external_references: [
        expect.objectContaining({ source_name: "Wire Service", url: "https://example.org/a1" }),
      ],
    });
    const report = objects.find((o) => o.type === "report" && o.name === "Article a1");
    expect(report).toMatchObject({ published: "2023-04-07T00:00:00.000Z" });
    expect(report?.object_refs).toContain(expulsion?.id);
  });

  it("gives the same ids on every export", async () => {
    const [a, b] = await Promise.all([exportStix(), exportStix()]);
    expect(a).toEqual(b);
  });
});

describe("uuidV5", () => {
  it("matches RFC 9562's example (DNS namespace, www.example.com)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("carries an analyst's correction of an event or a claim: status, who, when, the values extracted", async () => {
    const records = fixtureRecords();
    const event = records.find((r) => r.type === "event" && r.target !== null);
    const claim = records.find((r) => r.type === "claim");
    if (event?.type !== "event" || claim?.type !== "claim")
      throw new Error("the fixture has no event or claim");
    const edited: RecordCorrection = {
      status: "edited",
      by: "Nino",
      at: "2026-12-07T09:30:00.000Z",
      original: { cameo: event.cameo, date: event.date },
      corrections: [3],
    };
    const accepted: RecordCorrection = { ...edited, status: "accepted", original: {}, corrections: [4] };
    const corrected = records.map((r) =>
      r === event
        ? { ...event, cameo: "174", correction: edited }
        : r === claim
          ? { ...claim, correction: accepted }
          : r,
    );
    const { objects } = await exportStix(corrected);
    const relationship = objects.find((o) => o.id === `relationship--${uuidV5(`relationship:${event.id}`)}`);
    expect(relationship).toMatchObject({
      x_triangulate_cameo: "174",
      x_triangulate_correction: { status: "edited", by: "Nino", at: edited.at, original: edited.original },
    });
    const note = objects.find((o) => o.id === `note--${uuidV5(`note:${claim.id}`)}`);
    expect(note).toMatchObject({
      x_triangulate_correction: { status: "accepted", by: "Nino", at: edited.at, original: {} },
    });
    // Records as extracted carry no correction.
    const others = objects.filter((o) => o !== relationship && o !== note);
    expect(others.some((o) => "x_triangulate_correction" in o)).toBe(false);
  });
});
