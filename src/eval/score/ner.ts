/**
 * CoNLL-2003 NER scoring: exact-span, same-type matches, per type and micro-averaged. The headline
 * micro F1 covers PER, ORG and LOC (Sitrep does not aim at MISC: nationalities, events, titles);
 * MISC is reported beside it, and `f1_with_misc` is the usual four-type CoNLL figure. Imports the
 * span scorer and the miss log only.
 */
import type { MissLog } from '../misses.js';
import { addCounts, type Counts, countsPrf, emptyCounts, matchSpans } from './spans.js';

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];
const HEADLINE_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC'];

export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly label: NerType;
}

export class NerTally {
  private readonly byType = new Map<NerType, Counts>(NER_TYPES.map((t) => [t, emptyCounts()]));

  add(gold: readonly NerSpan[], pred: readonly NerSpan[], text = '', log?: MissLog): void {
    log?.startDocument();
    for (const type of NER_TYPES) {
      const g = gold.filter((s) => s.label === type);
      const p = pred.filter((s) => s.label === type);
      const m = matchSpans(g, p, 'exact');
      addCounts(this.byType.get(type)!, {
        tp: m.pairs.length,
        fp: m.spuriousPred.length,
        fn: m.missedGold.length,
      });
      if (!log || type === 'MISC') continue;
      for (const gi of m.missedGold) {
        const s = g[gi]!;
        const other = pred.find((x) => x.start < s.end && s.start < x.end);
        const got = other ? `${other.label} "${text.slice(other.start, other.end)}"` : '—';
        log.add('missed', `${type} "${text.slice(s.start, s.end)}"`, got, text, s.start, s.end);
      }
      for (const pi of m.spuriousPred) {
        const s = p[pi]!;
        const other = gold.find((x) => x.start < s.end && s.start < x.end);
        const expected = other ? `${other.label} "${text.slice(other.start, other.end)}"` : '—';
        log.add('spurious', expected, `${type} "${text.slice(s.start, s.end)}"`, text, s.start, s.end);
      }
    }
  }

  private micro(types: readonly NerType[]) {
    const total = emptyCounts();
    for (const t of types) addCounts(total, this.byType.get(t)!);
    return countsPrf(total);
  }

  metrics(): Record<string, number> {
    const head = this.micro(HEADLINE_TYPES);
    const out: Record<string, number> = {
      f1: head.f1,
      precision: head.precision,
      recall: head.recall,
    };
    for (const t of NER_TYPES) {
      const m = countsPrf(this.byType.get(t)!);
      const k = t.toLowerCase();
      out[`${k}_f1`] = m.f1;
      out[`${k}_precision`] = m.precision;
      out[`${k}_recall`] = m.recall;
    }
    out.f1_with_misc = this.micro(NER_TYPES).f1;
    return out;
  }
}
