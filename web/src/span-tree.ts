/**
 * Nests annotation spans over a text so overlapping ones render as properly nested elements: a
 * span that crosses the end of an enclosing one is split into fragments at that boundary (each
 * fragment keeps the span's key). Spans sort by start, then longest first, so an evidence sentence
 * encloses the actors and quantities inside it. Pure; depends on nothing (unit-tested under node).
 */

export interface SpanIn<T> {
  start: number;
  end: number;
  data: T;
}

export interface SpanNode<T> {
  start: number;
  end: number;
  /** null for the root (the whole text). */
  data: T | null;
  /** True when this node is a piece of a longer span that crossed another one. */
  fragment: boolean;
  children: SpanNode<T>[];
}

function order<T>(a: SpanIn<T>, b: SpanIn<T>): number {
  return a.start - b.start || b.end - a.end;
}

/** Insert keeping `list` (from index `from`) sorted by order(). */
function insertSorted<T>(list: SpanIn<T>[], from: number, item: SpanIn<T>): void {
  let i = from;
  while (i < list.length && order(list[i]!, item) <= 0) i++;
  list.splice(i, 0, item);
}

export function buildSpanTree<T>(textLength: number, spans: readonly SpanIn<T>[]): SpanNode<T> {
  const root: SpanNode<T> = { start: 0, end: textLength, data: null, fragment: false, children: [] };
  const pending = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(textLength, s.end), data: s.data }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)
    .sort(order);
  const split = new Set<SpanIn<T>>();
  const stack: SpanNode<T>[] = [root];
  for (let i = 0; i < pending.length; i++) {
    const s = pending[i]!;
    while (stack.length > 1 && stack[stack.length - 1]!.end <= s.start) stack.pop();
    const parent = stack[stack.length - 1]!;
    let end = s.end;
    if (end > parent.end) {
      // Crossing: keep the part inside the parent here, queue the rest as another fragment.
      const rest = { start: parent.end, end: s.end, data: s.data };
      split.add(rest);
      insertSorted(pending, i + 1, rest);
      end = parent.end;
    }
    const node: SpanNode<T> = {
      start: s.start,
      end,
      data: s.data,
      fragment: end !== s.end || split.has(s),
      children: [],
    };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}
