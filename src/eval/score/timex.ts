/**
 * TempEval-3 scoring of time expressions: extent F1 strict (same offsets) and relaxed (overlap), then,
 * over the relaxed matches, type and value accuracy, and the TE3 attribute F1 for value (a match with
 * the right value is a true positive; precision over all predicted, recall over all gold). Counts
 * add up over documents. Imports the span scorer and the miss log only.
 */
import type { MissLog } from '../misses.js';
import { prf } from '../suite.js';
import { accuracy } from './metrics.js';
import { addCounts, countsPrf, emptyCounts, matchSpans, spanCounts } from './spans.js';

export interface Timex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

/** TIMEX3 values compare case-insensitively (some systems write `xxxx-wi`). */
const sameValue = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export class TimexTally {
  private readonly strict = emptyCounts();
  private readonly relaxed = emptyCounts();
  private matched = 0;
  private typeRight = 0;
  private valueRight = 0;
  private gold = 0;
  private predicted = 0;

  /** Adds one document; misses go to `log` with the document text for context. */
  add(gold: readonly Timex[], pred: readonly Timex[], text = '', log?: MissLog): void {
    log?.startDocument();
    this.gold += gold.length;
    this.predicted += pred.length;
    addCounts(this.strict, spanCounts(gold, pred, 'exact'));
    const m = matchSpans(gold, pred, 'overlap');
    addCounts(this.relaxed, { tp: m.pairs.length, fp: m.spuriousPred.length, fn: m.missedGold.length });
    for (const [gi, pi] of m.pairs) {
      const g = gold[gi]!;
      const p = pred[pi]!;
      this.matched++;
      if (g.type === p.type) this.typeRight++;
      if (sameValue(g.value, p.value)) this.valueRight++;
      else
        log?.add(
          'value',
          `${g.type} ${g.value}`,
          `${p.type} ${p.value} "${text.slice(p.start, p.end)}"`,
          text,
          g.start,
          g.end,
        );
    }
    if (!log) return;
    for (const gi of m.missedGold) {
      const g = gold[gi]!;
      log.add('missed', `${g.type} ${g.value}`, '—', text, g.start, g.end);
    }
    for (const pi of m.spuriousPred) {
      const p = pred[pi]!;
      log.add('spurious', '—', `${p.type} ${p.value}`, text, p.start, p.end);
    }
  }

  metrics(): Record<string, number> {
    const s = countsPrf(this.strict);
    const r = countsPrf(this.relaxed);
    const v = prf(this.valueRight, this.predicted - this.valueRight, this.gold - this.valueRight);
    const t = prf(this.typeRight, this.predicted - this.typeRight, this.gold - this.typeRight);
    return {
      value_f1: v.f1,
      strict_f1: s.f1,
      strict_precision: s.precision,
      strict_recall: s.recall,
      relaxed_f1: r.f1,
      relaxed_precision: r.precision,
      relaxed_recall: r.recall,
      type_accuracy: accuracy(this.typeRight, this.matched),
      type_f1: t.f1,
      value_accuracy: accuracy(this.valueRight, this.matched),
    };
  }
}
