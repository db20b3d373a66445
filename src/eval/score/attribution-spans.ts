/**
 * Span matching for attribution scoring: exact and overlap matching of possibly discontinuous spans,
 * one-to-one, giving true/false positive and false negative counts. Pure; depends on nothing but the
 * fragment shape (it knows neither PolNeAR nor Sitrep).
 */

/** Fragments in text order, half-open offsets. A plain span is one fragment. */
export type FragmentList = readonly (readonly [number, number])[];

/** Characters trimmed from both ends before exact comparison, on gold and prediction alike. */
const EDGE = /[\s,;:.!?"'“”‘’()[\]—–-]/u;

/**
 * Trims whitespace and edge punctuation from a span so that "Mr. Rutte," and "Mr. Rutte" compare
 * equal: annotators and extractors disagree on such edges, and the disagreement says nothing about
 * who the source is. Returns null when nothing is left.
 */
export function trimFragments(text: string, frags: FragmentList): FragmentList | null {
  const out: [number, number][] = [];
  for (const [s0, e0] of frags) {
    let s = s0;
    let e = e0;
    while (s < e && EDGE.test(text[s]!)) s++;
    while (e > s && EDGE.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
  }
  return out.length > 0 ? out : null;
}

function key(frags: FragmentList): string {
  return frags.map(([s, e]) => `${s}-${e}`).join(';');
}

function overlapChars(a: FragmentList, b: FragmentList): number {
  let n = 0;
  for (const [as, ae] of a) {
    for (const [bs, be] of b) n += Math.max(0, Math.min(ae, be) - Math.max(as, bs));
  }
  return n;
}

/** Removes duplicate spans (same fragments), keeping the first: two attributions citing one source span count once. */
export function dedupeSpans(spans: readonly FragmentList[]): FragmentList[] {
  const seen = new Set<string>();
  const out: FragmentList[] = [];
  for (const s of spans) {
    const k = key(s);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

export interface SpanMatch {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** For each gold span, the index of the prediction it matched, or -1. */
  readonly goldToPred: readonly number[];
  /** For each prediction, whether it matched a gold span. */
  readonly predMatched: readonly boolean[];
}

/**
 * Matches gold to predicted spans one-to-one. `exact`: identical fragments. `overlap`: at least one
 * shared character; each gold span takes the unmatched prediction sharing the most characters with
 * it (gold spans taken in order), so one long prediction cannot match two gold spans.
 */
export function matchSpans(
  gold: readonly FragmentList[],
  pred: readonly FragmentList[],
  mode: 'exact' | 'overlap',
): SpanMatch {
  const predMatched = pred.map(() => false);
  const goldToPred: number[] = [];
  if (mode === 'exact') {
    const byKey = new Map<string, number[]>();
    pred.forEach((p, i) => {
      const k = key(p);
      byKey.set(k, [...(byKey.get(k) ?? []), i]);
    });
    for (const g of gold) {
      const free = (byKey.get(key(g)) ?? []).find((i) => !predMatched[i]);
      if (free === undefined) goldToPred.push(-1);
      else {
        predMatched[free] = true;
        goldToPred.push(free);
      }
    }
  } else {
    for (const g of gold) {
      let best = -1;
      let bestChars = 0;
      pred.forEach((p, i) => {
        if (predMatched[i]) return;
        const n = overlapChars(g, p);
        if (n > bestChars) {
          best = i;
          bestChars = n;
        }
      });
      if (best >= 0) predMatched[best] = true;
      goldToPred.push(best);
    }
  }
  const tp = goldToPred.filter((i) => i >= 0).length;
  return { tp, fp: pred.length - tp, fn: gold.length - tp, goldToPred, predMatched };
}

/** Running totals of true positives, false positives and false negatives. */
export class Counts {
  tp = 0;
  fp = 0;
  fn = 0;
  add(m: { tp: number; fp: number; fn: number }): void {
    this.tp += m.tp;
    this.fp += m.fp;
    this.fn += m.fn;
  }
}
