/** What a test PDF says: its pages' paragraphs (lists of lines) and its information dictionary. */
export interface PdfSpec {
  readonly pages: readonly (readonly (readonly string[])[])[];
  readonly title?: string;
  /** A PDF date, `D:20240306120000Z`. */
  readonly created?: string;
}

/**
 * A small, valid PDF (Helvetica, one text object a page, lines 14 points
 * apart and a blank line's gap between paragraphs), for tests that need one
 * without shipping a binary fixture.
 */
export function makePdf(spec: PdfSpec): Buffer {
  const escape = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const pageCount = spec.pages.length;
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${spec.pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${pageCount} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  spec.pages.forEach((paragraphs, i) => {
    const lines = paragraphs.flatMap((paragraph, p) => [
      ...(p > 0 ? ["T*"] : []),
      ...paragraph.map((line) => `(${escape(line)}) '`),
    ]);
    const content = ["BT", "/F1 12 Tf", "72 740 Td", "14 TL", ...lines, "ET"].join("\n");
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    );
  });
  const info = [
    spec.title === undefined ? "" : `/Title (${escape(spec.title)})`,
    spec.created === undefined ? "" : `/CreationDate (${spec.created})`,
  ].join(" ");
  objects.push(`<< ${info} >>`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
