/**
 * Quality gates for the syntax models: `sitrep eval pos` and `sitrep eval parse` on the EWT dev split
 * (and GUM news dev) beside the project, each metric held to a floor just under the figure measured
 * when the models were committed. A change that loses accuracy fails here; one that gains should
 * raise the floor. Missing gold data fails (never skips): CI keeps shared/ beside the clone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runEval } from '../run-eval.js';

/**
 * Floors: the dev figures measured with the first committed models (EWT dev: UPOS 0.950, XPOS 0.943,
 * lemmas 0.969, raw Tokens 0.994, Sentences 0.892, Words 0.991, raw UPOS 0.941; UAS 0.840, LAS 0.803,
 * CLAS 0.757, raw LAS 0.785; GUM news dev UPOS 0.951, LAS 0.768) less ~0.5-1 point (more on GUM's
 * 1,720 words).
 */
const FLOORS: Record<'pos' | 'parse', Record<string, number>> = {
  pos: {
    upos: 0.945,
    xpos: 0.936,
    lemmas: 0.962,
    raw_tokens_f1: 0.988,
    raw_sentences_f1: 0.878,
    raw_words_f1: 0.986,
    raw_upos: 0.935,
    raw_lemmas: 0.955,
    gum_news_upos: 0.94,
    gum_news_lemmas: 0.965,
  },
  parse: {
    uas: 0.828,
    las: 0.791,
    clas: 0.744,
    raw_uas: 0.809,
    raw_las: 0.773,
    raw_clas: 0.724,
    gum_news_uas: 0.785,
    gum_news_las: 0.745,
  },
};

describe('syntax quality gates (EWT dev, GUM news dev)', () => {
  for (const suite of ['pos', 'parse'] as const) {
    it(`${suite}: every gated metric at or above its floor`, async () => {
      const results = await runEval(suite, { split: 'dev' });
      const r = results[0];
      assert.ok(r, suite);
      assert.equal(r.n, 2001, 'all EWT dev sentences');
      const low: string[] = [];
      for (const [k, floor] of Object.entries(FLOORS[suite])) {
        const v: number | undefined = r.metrics[k];
        assert.ok(v !== undefined, `${suite}.${k} missing`);
        if (v < floor) low.push(`${k} ${v.toFixed(4)} < ${floor}`);
      }
      assert.deepEqual(low, [], `${suite} below its floors`);
      assert.ok(Object.keys(FLOORS[suite]).length >= 6, 'floors set');
    });
  }
});
