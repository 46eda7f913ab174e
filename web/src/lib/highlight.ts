/** A span of a document's text to highlight, with the ids of what it stands for. */
export interface HighlightSpan {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly kind: string;
}

/** A highlighted piece of text: the spans it belongs to and what it contains. */
export interface MarkNode {
  readonly start: number;
  readonly end: number;
  readonly ids: readonly string[];
  readonly kinds: readonly string[];
  readonly children: readonly TextNode[];
}

export type TextNode = string | MarkNode;

interface Open {
  start: number;
  end: number;
  ids: string[];
  kinds: string[];
  children: TextNode[];
}

/**
 * Nests the spans over the text: spans with the same bounds share one mark,
 * a span inside another becomes its child, and a span that crosses another's
 * end is cut there (its rest continues as a sibling), so the result is always
 * a tree that renders as nested `<mark>` elements. Spans out of bounds or
 * empty are dropped; the text of the leaves, in order, is the whole text.
 *
 * @example
 * layoutHighlights("Baku and Tehran", [{ start: 0, end: 4, id: "m1", kind: "mention" }])
 * // [{ start: 0, end: 4, ids: ["m1"], kinds: ["mention"], children: ["Baku"] }, " and Tehran"]
 */
export function layoutHighlights(text: string, spans: readonly HighlightSpan[]): TextNode[] {
  const groups = new Map<string, Open>();
  for (const span of spans) {
    const start = Math.max(0, span.start);
    const end = Math.min(text.length, span.end);
    if (!(start < end)) continue;
    const key = `${start}:${end}`;
    const group = groups.get(key);
    if (group) {
      if (!group.ids.includes(span.id)) group.ids.push(span.id);
      if (!group.kinds.includes(span.kind)) group.kinds.push(span.kind);
    } else {
      groups.set(key, { start, end, ids: [span.id], kinds: [span.kind], children: [] });
    }
  }
  // Outer spans first: by start, then longest.
  const order = (a: Open, b: Open) => a.start - b.start || b.end - a.end;
  const pending = [...groups.values()].sort(order);
  const root: Open = { start: 0, end: text.length, ids: [], kinds: [], children: [] };
  const stack: Open[] = [root];
  const cursor = new Map<Open, number>([[root, 0]]);

  const close = (node: Open) => {
    const at = cursor.get(node) ?? node.start;
    if (at < node.end) node.children.push(text.slice(at, node.end));
  };
  const top = () => stack[stack.length - 1] ?? root;

  for (let i = 0; i < pending.length; i++) {
    const span = pending[i];
    if (!span) continue;
    while (stack.length > 1 && top().end <= span.start) {
      const done = stack.pop();
      if (done) {
        close(done);
        cursor.set(top(), done.end);
      }
    }
    const parent = top();
    if (span.end > parent.end) {
      // Crosses the parent's end: keep the part inside, queue the rest in order.
      const rest: Open = {
        ...span,
        start: parent.end,
        ids: [...span.ids],
        kinds: [...span.kinds],
        children: [],
      };
      span.end = parent.end;
      let j = i + 1;
      while (j < pending.length && order(pending[j] ?? rest, rest) <= 0) j++;
      pending.splice(j, 0, rest);
      if (!(span.start < span.end)) continue;
    }
    const at = cursor.get(parent) ?? parent.start;
    if (at < span.start) parent.children.push(text.slice(at, span.start));
    parent.children.push(span);
    cursor.set(span, span.start);
    stack.push(span);
  }
  while (stack.length > 0) {
    const done = stack.pop();
    if (!done) break;
    close(done);
    const parent = stack[stack.length - 1];
    if (parent) cursor.set(parent, done.end);
  }
  return root.children;
}
