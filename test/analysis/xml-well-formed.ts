/**
 * A strict check that a text is well-formed XML 1.0 in the subset our
 * exports write (declaration, comments, elements, attributes, text, the
 * five named entities and numeric references): linkedom's parser forgives
 * what Gephi would reject, so the tests use this.
 * @returns the problems found, empty when well-formed.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const NAME = /^[A-Za-z_][\w.:-]*/;
  const checkText = (text: string, where: string): void => {
    if (text.includes("<")) problems.push(`raw < in ${where}`);
    for (const match of text.matchAll(/&([^;]*);?/g)) {
      if (!/^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(match[0]))
        problems.push(`bad entity ${match[0]} in ${where}`);
    }
    // eslint-disable-next-line no-control-regex -- XML forbids these characters
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) problems.push(`control character in ${where}`);
  };
  let i = 0;
  if (xml.startsWith("<?xml")) {
    const end = xml.indexOf("?>");
    if (end < 0) return ["unterminated declaration"];
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() !== "") {
      if (stack.length === 0) problems.push(`text outside the root: ${text.trim().slice(0, 20)}`);
      checkText(text, "text");
    }
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end < 0) return [...problems, "unterminated comment"];
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) return [...problems, "unterminated tag"];
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(body)?.[0];
    if (!name) {
      problems.push(`bad tag <${tag.slice(0, 20)}>`);
      continue;
    }
    let rest = body.slice(name.length);
    const seen = new Set<string>();
    while (rest.trim() !== "") {
      const attr = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(rest);
      if (!attr) {
        problems.push(`bad attribute in <${name}>: ${rest.trim().slice(0, 30)}`);
        break;
      }
      const [whole, attrName = "", value = ""] = attr;
      if (seen.has(attrName)) problems.push(`duplicate attribute ${attrName} in <${name}>`);
      seen.add(attrName);
      checkText(value, `attribute ${attrName} of <${name}>`);
      rest = rest.slice(whole.length);
    }
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
