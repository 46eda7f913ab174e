import { createHash } from "node:crypto";
import { TriangulateError } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import type {
  ActorKind,
  ActorRecord,
  ClaimRecord,
  EventRecord,
  RecordCorrection,
  RecordType,
} from "../core/records.ts";
import { collectRecords } from "../analysis/collect.ts";
import { daySpan } from "../core/calendar.ts";
import { IGO, isStateCode } from "../core/codes.ts";
import { quadClassOf } from "../core/quad-class.ts";
import type { SourceDocument } from "../analysis/sources.ts";
import type { ExportFormat } from "./format.ts";

/** Our namespace for name-based (version 5) UUIDs: the same record gets the same STIX id in every export. */
const NAMESPACE = "6f1c3d5e-8a2b-4c7d-9e0f-1a2b3c4d5e6f";

/**
 * A version 5 UUID (RFC 9562: SHA-1 of namespace and name, with the
 * version and variant bits set).
 *
 * @example uuidV5("event:0123456789abcdef-e0") // stable, "xxxxxxxx-xxxx-5xxx-[89ab]xxx-xxxxxxxxxxxx"
 */
export function uuidV5(name: string, namespace: string = NAMESPACE): string {
  const bytes = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An analyst's correction of a record as a custom property: `accepted` or
 * `edited`, who, when, and the extracted values of the fields changed (the
 * object's own properties carry the corrected ones).
 */
function correctionProperty(correction: RecordCorrection | undefined): Record<string, unknown> {
  if (correction === undefined) return {};
  const { status, by, at, original } = correction;
  return { x_triangulate_correction: { status, by, at, original } };
}

/** A STIX identifier: `type--uuid`, derived from our own id. */
function stixId(type: string, ours: string): string {
  return `${type}--${uuidV5(`${type}:${ours}`)}`;
}

/** STIX timestamps are UTC with millisecond precision. */
function timestamp(date: Date): string {
  return date.toISOString();
}

function dayStart(date: IsoDate): string {
  return timestamp(new Date(daySpan(date)[0] * 86_400_000));
}

function dayEnd(date: IsoDate): string {
  return timestamp(new Date((daySpan(date)[1] + 1) * 86_400_000 - 1));
}

/** Identity classes (STIX identity-class-ov) and sectors (industry-sector-ov) of our actor kinds. */
const IDENTITY: Readonly<Record<ActorKind, { identity_class: string; sectors?: string[] }>> = {
  state: { identity_class: "organization", sectors: ["government-national"] },
  person: { identity_class: "individual" },
  organization: { identity_class: "organization" },
  igo: { identity_class: "organization", sectors: ["government-international"] },
  group: { identity_class: "group" },
};

/** The kind of an actor known only by its id: our group codes, a state's code, else a group. */
function kindOfCode(actorId: string): ActorKind {
  if (actorId === IGO) return "igo";
  return isStateCode(actorId) ? "state" : "group";
}

export interface StixOptions {
  /** When the export is made: the `created` and `modified` time of every object. */
  readonly now?: () => Date;
}

type StixObject = Record<string, unknown> & { readonly type: string; readonly id: string };

/** The document's address when it is a web address (not a local path, which means nothing elsewhere). */
function webAddress(uri: string | undefined): string | undefined {
  return uri !== undefined && /^https?:\/\//i.test(uri) ? uri : undefined;
}

/** The reference from an object to the sentence it came from. */
function evidenceReference(
  doc: SourceDocument | undefined,
  record: { doc: string; start: number; end: number },
): Record<string, string> {
  const url = webAddress(doc?.uri);
  return {
    source_name: doc?.outlet ?? "triangulate",
    external_id: `${record.doc}:${record.start}-${record.end}`,
    description: `Characters ${record.start}–${record.end} of document ${record.doc}${doc?.title ? ` (${doc.title})` : ""}`,
    ...(url === undefined ? {} : { url }),
  };
}

function claimText(claim: ClaimRecord): string {
  const range = claim.valueMax === null ? String(claim.value) : `${claim.value}–${claim.valueMax}`;
  const qualifier = claim.qualifier === "exact" ? "" : ` (${claim.qualifier})`;
  return `${claim.metric}: ${range} ${claim.unit}${qualifier}${claim.period ? `, ${claim.period}` : ""}`;
}

/**
 * A STIX 2.1 bundle of the knowledge base: a `report` per document, an
 * `identity` per actor (states as national governments), a `relationship`
 * per event from its source to its target identity (type: its quad class,
 * `verbal-cooperation` ... `material-conflict`; `start_time`/`stop_time`
 * the days its date covers; CAMEO code, Goldstein value and modality as
 * `x_triangulate_*` custom properties; an analyst's correction as
 * `x_triangulate_correction`: status, who, when, the values extracted), and a `note` per claim on its
 * report and the identities of its subject states. Each carries an
 * external reference to its document and character offsets. Events
 * without a target have no relationship to be (they stay in the report's
 * text). Ids are version 5 UUIDs of our ids, so exports are stable.
 */
export function buildStixBundle(
  input: {
    readonly documents: readonly SourceDocument[];
    readonly actors: readonly ActorRecord[];
    readonly events: readonly EventRecord[];
    readonly claims: readonly ClaimRecord[];
  },
  now: Date,
): { type: "bundle"; id: string; objects: StixObject[] } {
  const created = timestamp(now);
  const common = (type: string, ours: string): StixObject => ({
    type,
    spec_version: "2.1",
    id: stixId(type, ours),
    created,
    modified: created,
  });
  const documents = new Map(input.documents.map((doc) => [doc.id as string, doc]));

  const identities = new Map<string, StixObject>();
  const identityOf = (actorId: string, actor?: ActorRecord): string => {
    let identity = identities.get(actorId);
    if (!identity) {
      const kind = IDENTITY[actor?.kind ?? kindOfCode(actorId)];
      identity = {
        ...common("identity", actorId),
        name: actor?.name ?? actorId,
        ...kind,
        ...(actor?.country ? { x_triangulate_country: actor.country } : {}),
      };
      identities.set(actorId, identity);
    }
    return identity.id;
  };
  for (const actor of input.actors) identityOf(actor.id, actor);

  const refsByDoc = new Map<string, string[]>();
  const addRef = (doc: string, id: string): void => {
    const refs = refsByDoc.get(doc);
    if (refs) refs.push(id);
    else refsByDoc.set(doc, [id]);
  };

  const relationships: StixObject[] = [];
  for (const event of input.events) {
    if (event.target === null) continue;
    const source = identityOf(event.source);
    const target = identityOf(event.target);
    const relationship: StixObject = {
      ...common("relationship", event.id),
      relationship_type:
        quadClassOf(event.root)?.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) ?? "related-to",
      source_ref: source,
      target_ref: target,
      description: event.quote,
      ...(event.date ? { start_time: dayStart(event.date), stop_time: dayEnd(event.date) } : {}),
      external_references: [evidenceReference(documents.get(event.doc), event)],
      x_triangulate_cameo: event.cameo,
      x_triangulate_goldstein: event.goldstein,
      x_triangulate_modality: event.modality,
      ...correctionProperty(event.correction),
    };
    relationships.push(relationship);
    addRef(event.doc, relationship.id);
    addRef(event.doc, source);
    addRef(event.doc, target);
  }

  const notes: StixObject[] = [];
  for (const claim of input.claims) {
    const report = stixId("report", claim.doc);
    const note: StixObject = {
      ...common("note", claim.id),
      abstract: claimText(claim),
      content: claim.quote,
      object_refs: [report, ...claim.subjects.map((code) => identityOf(code))],
      external_references: [evidenceReference(documents.get(claim.doc), claim)],
      x_triangulate_value: claim.value,
      x_triangulate_value_max: claim.valueMax,
      x_triangulate_unit: claim.unit,
      x_triangulate_qualifier: claim.qualifier,
      ...correctionProperty(claim.correction),
    };
    notes.push(note);
  }

  const reports = input.documents.map((doc): StixObject => {
    const url = webAddress(doc.uri);
    const refs = [...new Set(refsByDoc.get(doc.id) ?? [])];
    const base = common("report", doc.id);
    return {
      ...base,
      name: doc.title ?? doc.uri ?? doc.id,
      published: doc.published ? dayStart(doc.published) : created,
      // A report must refer to something; one with no events refers to itself as a last resort.
      object_refs: refs.length > 0 ? refs : [base.id],
      external_references: [
        {
          source_name: doc.outlet ?? "triangulate",
          external_id: doc.id,
          ...(url === undefined ? { description: doc.uri ?? doc.id } : { url }),
        },
      ],
    };
  });

  const objects = [...reports, ...identities.values(), ...relationships, ...notes];
  return { type: "bundle", id: stixId("bundle", objects.map((o) => o.id).join(",")), objects };
}

/** Builds the `stix` export format; `now` is injectable so that tests get fixed timestamps. */
export function createStixFormat(options: StixOptions = {}): ExportFormat {
  const now = options.now ?? (() => new Date());
  return {
    name: "stix",
    description: "a STIX 2.1 bundle: reports, identities, relationships (events), notes (claims)",
    types(requested) {
      const allowed: readonly RecordType[] = ["document", "actor", "event", "claim"];
      const unknown = requested?.find((type) => !allowed.includes(type));
      if (unknown !== undefined) throw new TriangulateError("usage", `stix cannot write type "${unknown}"`);
      // Reports (documents) hold everything else, and relationships need identities (actors).
      const types = new Set<RecordType>(requested ?? allowed);
      types.add("document");
      if (types.has("event")) types.add("actor");
      return types;
    },
    async *write(records) {
      const collected = await collectRecords(records);
      const bundle = buildStixBundle(collected, now());
      // One object a line inside the bundle: valid JSON that diffs and greps well.
      yield `{"type":"bundle","id":${JSON.stringify(bundle.id)},"objects":[\n`;
      let first = true;
      for (const object of bundle.objects) {
        yield `${first ? "" : ",\n"}${JSON.stringify(object)}`;
        first = false;
      }
      yield "\n]}\n";
    },
  };
}

/** `--format stix`, stamped with the time of the export. */
export const stixFormat: ExportFormat = createStixFormat();
