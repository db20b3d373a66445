/**
 * The `attribution` suite: PolNeAR gold attributions (official train/dev/test splits) against
 * Sitrep's `attributions` layer and the "said"-verb peer. Scores, per article then summed:
 * - source span F1, exact (after trimming edge whitespace/punctuation on both sides) and overlap
 *   (one-to-one, at least one shared character); the headline is exact `source_f1`;
 * - cue span F1, exact and overlap; content overlap F1;
 * - `pair_overlap_f1`: whole attributions, a gold and a predicted one matching when their cues
 *   overlap and their sources overlap (or both have none).
 * Duplicate spans (one source cited by two attributions) count once in the span scores.
 * Depends on the eval contract, the PolNeAR reader, the span scorer, the peer and the default pipeline.
 */
import type { Attribution } from '../../core/types.js';
import { extract } from '../../pipeline/default.js';
import { saidVerbAttributions } from '../peers/said-verb.js';
import { type Fragments, readPolnear } from '../readers/polnear.js';
import {
  Counts,
  dedupeSpans,
  type FragmentList,
  matchSpans,
  trimFragments,
} from '../score/attribution-spans.js';
import { type EvalMiss, type EvalOptions, type EvalResult, type EvalSuite, prf } from '../suite.js';

/** One attribution as the scorer sees it, whoever produced it. */
export interface ScoredAttribution {
  readonly source: FragmentList | null;
  readonly cue: FragmentList | null;
  readonly content: FragmentList | null;
}

/** Accumulates counts over documents and turns them into the suite's metrics. */
export class AttributionScorer {
  readonly source = new Counts();
  readonly sourceOverlap = new Counts();
  readonly cue = new Counts();
  readonly cueOverlap = new Counts();
  readonly contentOverlap = new Counts();
  readonly pair = new Counts();
  nGold = 0;

  /** Scores one document; returns the misses (source and cue, overlap mode) for diagnosis. */
  add(text: string, gold: readonly ScoredAttribution[], pred: readonly ScoredAttribution[]): EvalMiss[] {
    this.nGold += gold.length;
    const spans = (list: readonly ScoredAttribution[], role: 'source' | 'cue' | 'content', trim: boolean) =>
      dedupeSpans(
        list.flatMap((a) => {
          const f = a[role];
          if (!f) return [];
          const t = trim ? trimFragments(text, f) : f;
          return t ? [t] : [];
        }),
      );
    const misses: EvalMiss[] = [];
    for (const role of ['source', 'cue'] as const) {
      const g = spans(gold, role, true);
      const p = spans(pred, role, true);
      const exact = matchSpans(g, p, 'exact');
      const overlap = matchSpans(g, p, 'overlap');
      this[role].add(exact);
      this[role === 'source' ? 'sourceOverlap' : 'cueOverlap'].add(overlap);
      overlap.goldToPred.forEach((i, j) => {
        if (i < 0) misses.push(miss(text, `${role} missed`, g[j]!, null));
      });
      overlap.predMatched.forEach((m, i) => {
        if (!m) misses.push(miss(text, `${role} spurious`, null, p[i]!));
      });
    }
    this.contentOverlap.add(
      matchSpans(spans(gold, 'content', false), spans(pred, 'content', false), 'overlap'),
    );
    // Whole attributions: pair by cue, then require compatible sources.
    const withCue = (list: readonly ScoredAttribution[]) => list.filter((a) => a.cue !== null);
    const gc = withCue(gold);
    const pc = withCue(pred);
    const byCue = matchSpans(
      gc.map((a) => a.cue!),
      pc.map((a) => a.cue!),
      'overlap',
    );
    let tp = 0;
    byCue.goldToPred.forEach((i, j) => {
      if (i < 0) return;
      const gs = gc[j]!.source;
      const ps = pc[i]!.source;
      if ((gs === null && ps === null) || (gs && ps && matchSpans([gs], [ps], 'overlap').tp === 1)) tp++;
    });
    this.pair.add({ tp, fp: pred.length - tp, fn: gold.length - tp });
    return misses;
  }

  metrics(): Record<string, number> {
    const f = (c: Counts) => prf(c.tp, c.fp, c.fn);
    const s = f(this.source);
    const c = f(this.cue);
    return {
      source_f1: s.f1,
      source_precision: s.precision,
      source_recall: s.recall,
      source_overlap_f1: f(this.sourceOverlap).f1,
      cue_f1: c.f1,
      cue_precision: c.precision,
      cue_recall: c.recall,
      cue_overlap_f1: f(this.cueOverlap).f1,
      content_overlap_f1: f(this.contentOverlap).f1,
      pair_overlap_f1: f(this.pair).f1,
      n_gold: this.nGold,
    };
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function miss(text: string, kind: string, expected: FragmentList | null, got: FragmentList | null): EvalMiss {
  const span = (expected ?? got)!;
  const start = span[0]![0];
  const end = span[span.length - 1]![1];
  const show = (f: FragmentList | null) => (f ? f.map(([a, b]) => text.slice(a, b)).join(' … ') : '');
  return {
    kind,
    expected: oneLine(show(expected)),
    got: oneLine(show(got)),
    context: oneLine(
      `${text.slice(Math.max(0, start - 60), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + 60)}`,
    ),
  };
}

/** Takes misses from each document in turn (first of each, then second of each, ...), so `--errors N` shows many articles, not one. */
export function interleave(lists: readonly (readonly EvalMiss[])[], limit: number): EvalMiss[] {
  const out: EvalMiss[] = [];
  for (let i = 0; out.length < limit; i++) {
    const round = lists.filter((l) => i < l.length).map((l) => l[i]!);
    if (round.length === 0) break;
    out.push(...round.slice(0, limit - out.length));
  }
  return out;
}

const frag = (f: Fragments | null): FragmentList | null => f?.fragments ?? null;

export function fromSitrep(a: Attribution): ScoredAttribution {
  return {
    source: a.source ? [[a.source.start, a.source.end]] : null,
    cue: [[a.cue.start, a.cue.end]],
    content: [[a.content.start, a.content.end]],
  };
}

export const attributionSuite: EvalSuite = {
  name: 'attribution',
  dataFolder: 'polnear',
  headline: 'source_f1',
  async run(options: EvalOptions): Promise<EvalResult> {
    const t0 = performance.now();
    const docs = readPolnear(options.dataDir, options.split, options.limit);
    const sitrep = new AttributionScorer();
    const peer = new AttributionScorer();
    const perDoc: EvalMiss[][] = [];
    for (const d of docs) {
      const gold = d.attributions.map((a) => ({
        source: frag(a.source),
        cue: frag(a.cue),
        content: frag(a.content),
      }));
      const doc = extract(d.text, d.published ? { published: d.published } : {});
      const found = sitrep.add(d.text, gold, (doc.layers.attributions ?? []).map(fromSitrep));
      if (options.errors > 0) perDoc.push(found.slice(0, options.errors));
      peer.add(
        d.text,
        gold,
        saidVerbAttributions(d.text).map((a) => ({
          source: a.source ? [[a.source.start, a.source.end]] : null,
          cue: [[a.cue.start, a.cue.end]],
          content: a.content ? [[a.content.start, a.content.end]] : null,
        })),
      );
    }
    const misses = interleave(perDoc, options.errors);
    return {
      suite: 'attribution',
      split: options.split,
      n: docs.length,
      metrics: sitrep.metrics(),
      peer: { name: 'said-verb baseline', metrics: peer.metrics() },
      seconds: (performance.now() - t0) / 1000,
      misses,
      headline: 'source_f1',
      files: [`polnear/${options.split}/text/*.txt`, `polnear/${options.split}/attributions/*.ann`],
      notes: [
        'Official PolNeAR split; one annotation file per article (the first in sort order).',
        'Exact matching trims edge whitespace and punctuation on both sides; overlap matching is one-to-one, at least one shared character.',
        'pair_overlap_f1: a gold and a predicted attribution match when their cues overlap and their sources overlap (or both have none).',
        'Peer: every common reporting-verb form is a cue; its source is the nearest capitalised name before it in the sentence.',
      ],
    };
  },
};
