/**
 * The per-document time budget: a document whose stages run past it is refused with
 * INPUT_TIME_BUDGET naming the input and the stage, and `sitrep ingest` records it like any other
 * refused input and goes on with the next article. Stages and clock are fakes where the time must
 * be exact; the ingest case uses the real pipeline with a budget no document can meet.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isSitrepError } from '../core/errors.js';
import { createExecutor } from '../ingest/executor.js';
import { ingest } from '../ingest/ingest.js';
import type { SourceItem } from '../ingest/sources.js';
import { openStore } from '../store/open-store.js';
import { createDocument, DEFAULT_DOC_BUDGET_MS, docBudgetMs, Pipeline } from './pipeline.js';
import type { AnyStage } from './stage.js';

function slowStage(name: string, clock: { t: number }, ms: number): AnyStage {
  return {
    name,
    version: 1,
    requires: [],
    provides: [],
    run() {
      clock.t += ms;
      return {};
    },
  };
}

describe('per-document time budget', () => {
  it('refuses a document once its stages pass the budget, naming the input and the stage', () => {
    const clock = { t: 0 };
    const p = new Pipeline([slowStage('first', clock, 20_000), slowStage('second', clock, 20_000)]);
    const doc = createDocument('Some text.');
    const err = (() => {
      try {
        p.run(doc, { debug: false }, { ms: 30_000, input: 'corpus.jsonl:7', now: () => clock.t });
      } catch (e) {
        return e;
      }
      return null;
    })();
    assert.ok(isSitrepError(err), String(err));
    assert.equal(err.code, 'INPUT_TIME_BUDGET');
    assert.equal(err.input, 'corpus.jsonl:7');
    assert.match(err.message, /corpus\.jsonl:7/);
    assert.match(err.message, /30000 ms/);
    assert.match(err.message, /after stage 'second'/);
  });

  it('lets a document within the budget through, and runs without one as before', () => {
    const clock = { t: 0 };
    const p = new Pipeline([slowStage('first', clock, 10_000), slowStage('second', clock, 10_000)]);
    const doc = createDocument('Some text.');
    assert.doesNotThrow(() => p.run(doc, { debug: false }, { ms: 30_000, input: 'x', now: () => clock.t }));
    assert.doesNotThrow(() => p.run(doc));
  });

  it('reads the budget from SITREP_DOC_BUDGET_MS, else 30 s', () => {
    assert.equal(DEFAULT_DOC_BUDGET_MS, 30_000);
    assert.equal(docBudgetMs({}), 30_000);
    assert.equal(docBudgetMs({ SITREP_DOC_BUDGET_MS: '5000' }), 5000);
    assert.equal(docBudgetMs({ SITREP_DOC_BUDGET_MS: 'soon' }), 30_000);
    assert.equal(docBudgetMs({ SITREP_DOC_BUDGET_MS: '-1' }), 30_000);
  });

  it('ingest records over-budget documents as refused, each with its input, and finishes the run', async () => {
    const store = await openStore(mkdtempSync(path.join(tmpdir(), 'sitrep-budget-')));
    const executor = createExecutor(1);
    const saved = process.env.SITREP_DOC_BUDGET_MS;
    async function* items(): AsyncIterable<SourceItem> {
      yield {
        ok: true,
        article: { key: 'a.txt', text: 'Russia and Ukraine met in Geneva on Monday.', meta: {} },
      };
      yield {
        ok: true,
        article: { key: 'b.txt', text: 'The Pentagon said Russia shelled Kharkiv.', meta: {} },
      };
    }
    // A budget no document can meet (a nanosecond), so the real pipeline overruns it every time.
    process.env.SITREP_DOC_BUDGET_MS = '0.000001';
    try {
      const run = await ingest(store, items(), executor, { batch: 1 });
      assert.equal(run.counts.errors, 2);
      const errors = await store.listErrors();
      assert.deepEqual(errors.map((e) => [e.input, e.code]).sort(), [
        ['a.txt', 'INPUT_TIME_BUDGET'],
        ['b.txt', 'INPUT_TIME_BUDGET'],
      ]);
      for (const e of errors)
        assert.match(e.message, new RegExp(`^${e.input.replace('.', '\\.')}: .*per-document budget`));
      assert.equal((await store.counts()).documents, 0);
    } finally {
      if (saved === undefined) delete process.env.SITREP_DOC_BUDGET_MS;
      else process.env.SITREP_DOC_BUDGET_MS = saved;
      await executor.close();
      await store.close();
    }
  });
});
