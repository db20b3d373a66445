/**
 * CoNLL 2018 shared-task scores over words aligned by character span (the definitions of
 * conll18_ud_eval.py): a system word counts only when its span in the text equals a gold word's;
 * each metric is F1 with the gold and the system word counts as denominators, so with gold
 * tokenisation (every word aligned) F1 is plain accuracy. Heads are compared through the alignment
 * (a system head that is not aligned is wrong), relations by their universal part (`nsubj:pass` is
 * `nsubj`), CLAS over content relations only. With gold tokenisation this gives what
 * src/nlp/dependency-score.ts gives (whose relation lists it shares); this is the general case, for
 * raw text. Pure counting over typed arrays.
 */
import { CONTENT_RELATIONS, universalRelation } from '../../nlp/dependency-score.js';

/** A document's words, in text order: spans into one text, heads as word indices (-1 = root). */
export interface SpanWords {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  readonly lemmas: readonly string[];
  /** Index (in this array) of each word's head; -1 for the root; empty when not parsed. */
  readonly heads: Int32Array;
  /** Full relations (`nsubj:pass`); empty when not parsed. */
  readonly deprels: readonly string[];
}

/**
 * For each gold word, the index of the system word with exactly the same span, or -1. Both lists are
 * in text order; equal spans repeated (words of a multiword token that share its span) pair in order.
 */
export function alignBySpan(
  goldStarts: Int32Array,
  goldEnds: Int32Array,
  sysStarts: Int32Array,
  sysEnds: Int32Array,
): Int32Array {
  const out = new Int32Array(goldStarts.length).fill(-1);
  let g = 0;
  let s = 0;
  while (g < goldStarts.length && s < sysStarts.length) {
    const gs = goldStarts[g]!;
    const ge = goldEnds[g]!;
    const ss = sysStarts[s]!;
    const se = sysEnds[s]!;
    if (gs === ss && ge === se) {
      out[g++] = s++;
    } else if (ge < se || (ge === se && gs < ss)) {
      g++;
    } else {
      s++;
    }
  }
  return out;
}

/** Counts of one metric: gold and system totals and the aligned words that are right. */
export interface MetricCounts {
  gold: number;
  system: number;
  correct: number;
}

export const WORD_METRICS = ['words', 'upos', 'xpos', 'lemmas', 'uas', 'las', 'clas'] as const;
export type WordMetric = (typeof WORD_METRICS)[number];

export function f1Of(c: MetricCounts): number {
  return c.gold + c.system === 0 ? 0 : (2 * c.correct) / (c.gold + c.system);
}

/** Sums the CoNLL 2018 word-level counts over documents. */
export class Conll18Tally {
  readonly counts: Record<WordMetric, MetricCounts> = Object.fromEntries(
    WORD_METRICS.map((m) => [m, { gold: 0, system: 0, correct: 0 }]),
  ) as Record<WordMetric, MetricCounts>;

  /** Adds one document: gold and system words over the same text. */
  add(gold: SpanWords, system: SpanWords): Int32Array {
    const align = alignBySpan(gold.starts, gold.ends, system.starts, system.ends);
    const sysToGold = new Int32Array(system.starts.length).fill(-1);
    for (let g = 0; g < align.length; g++) if (align[g]! >= 0) sysToGold[align[g]!] = g;
    const parsed = gold.heads.length === gold.starts.length && system.heads.length === system.starts.length;
    const c = this.counts;
    const ng = gold.starts.length;
    const ns = system.starts.length;
    for (const m of ['words', 'upos', 'xpos', 'lemmas'] as const) {
      c[m].gold += ng;
      c[m].system += ns;
    }
    if (parsed) {
      c.uas.gold += ng;
      c.uas.system += ns;
      c.las.gold += ng;
      c.las.system += ns;
      for (let g = 0; g < ng; g++)
        if (CONTENT_RELATIONS.has(universalRelation(gold.deprels[g]!))) c.clas.gold++;
      for (let s = 0; s < ns; s++)
        if (CONTENT_RELATIONS.has(universalRelation(system.deprels[s]!))) c.clas.system++;
    }
    for (let g = 0; g < ng; g++) {
      const s = align[g]!;
      if (s < 0) continue;
      c.words.correct++;
      if (gold.upos[g] === system.upos[s]) c.upos.correct++;
      if (gold.xpos[g] === system.xpos[s]) c.xpos.correct++;
      if (gold.lemmas[g] === system.lemmas[s]) c.lemmas.correct++;
      if (!parsed) continue;
      const sysHead = system.heads[s]!;
      const goldHead = gold.heads[g]!;
      // A system head that is not aligned to any gold word is wrong, even against a gold root.
      const headRight =
        sysHead < 0 ? goldHead < 0 : sysToGold[sysHead]! >= 0 && sysToGold[sysHead] === goldHead;
      if (!headRight) continue;
      c.uas.correct++;
      const rel = universalRelation(gold.deprels[g]!);
      if (rel !== universalRelation(system.deprels[s]!)) continue;
      c.las.correct++;
      if (CONTENT_RELATIONS.has(rel)) c.clas.correct++;
    }
    return align;
  }

  /** F1 per metric (accuracy when the tokenisation is gold). */
  scores(): Record<WordMetric, number> {
    return Object.fromEntries(WORD_METRICS.map((m) => [m, f1Of(this.counts[m])])) as Record<
      WordMetric,
      number
    >;
  }
}
