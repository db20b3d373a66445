/**
 * Span matching and span F1, the way NER (CoNLL: exact) and TIMEX3 (TempEval-3: strict and relaxed)
 * are scored. Pure functions over offsets; imports only the eval contract.
 */
import { prf } from '../suite.js';

export interface ScoredSpan {
  readonly start: number;
  readonly end: number;
  /** Entity type, TIMEX3 type, ...; compared only when a match asks for it. */
  readonly label?: string;
}

/** `exact`: same start and end. `overlap`: the spans share at least one character (TE3 "relaxed"). */
export type MatchMode = 'exact' | 'overlap';

export interface SpanMatch {
  /** Pairs of [gold index, predicted index], each index used at most once. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly missedGold: readonly number[];
  readonly spuriousPred: readonly number[];
}

/** Counts that add up over documents before precision, recall and F1 are taken. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function addCounts(into: Counts, more: Counts): Counts {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  return into;
}

function overlapLength(a: ScoredSpan, b: ScoredSpan): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * One-to-one matching of predicted spans to gold spans. With `sameLabel`, only spans of the same label
 * match. In overlap mode each gold span takes the unused prediction it overlaps most (an exact match
 * first), so one long prediction cannot count for two gold spans.
 */
export function matchSpans(
  gold: readonly ScoredSpan[],
  pred: readonly ScoredSpan[],
  mode: MatchMode,
  sameLabel = false,
): SpanMatch {
  const used = new Array<boolean>(pred.length).fill(false);
  const pairs: [number, number][] = [];
  const missedGold: number[] = [];
  const labelOk = (g: ScoredSpan, p: ScoredSpan) => !sameLabel || g.label === p.label;
  // Exact matches are taken first in both modes, so that overlap mode never trades an exact pair
  // for a partial one.
  const exactByKey = new Map<string, number[]>();
  pred.forEach((p, i) => {
    const key = `${p.start}:${p.end}`;
    const list = exactByKey.get(key);
    if (list) list.push(i);
    else exactByKey.set(key, [i]);
  });
  const pending: number[] = [];
  gold.forEach((g, gi) => {
    const list = exactByKey.get(`${g.start}:${g.end}`) ?? [];
    const pi = list.find((i) => !used[i] && labelOk(g, pred[i]!));
    if (pi === undefined) pending.push(gi);
    else {
      used[pi] = true;
      pairs.push([gi, pi]);
    }
  });
  for (const gi of pending) {
    const g = gold[gi]!;
    let best = -1;
    let bestLen = 0;
    if (mode === 'overlap') {
      pred.forEach((p, pi) => {
        if (used[pi] || !labelOk(g, p)) return;
        const len = overlapLength(g, p);
        if (len > bestLen) {
          best = pi;
          bestLen = len;
        }
      });
    }
    if (best < 0) missedGold.push(gi);
    else {
      used[best] = true;
      pairs.push([gi, best]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const spuriousPred = used.flatMap((u, i) => (u ? [] : [i]));
  return { pairs, missedGold, spuriousPred };
}

/** True positives, false positives and false negatives of one document. */
export function spanCounts(
  gold: readonly ScoredSpan[],
  pred: readonly ScoredSpan[],
  mode: MatchMode,
  sameLabel = false,
): Counts {
  const m = matchSpans(gold, pred, mode, sameLabel);
  return { tp: m.pairs.length, fp: m.spuriousPred.length, fn: m.missedGold.length };
}

/** Precision, recall and F1 of accumulated counts. */
export function countsPrf(c: Counts): { precision: number; recall: number; f1: number } {
  return prf(c.tp, c.fp, c.fn);
}
