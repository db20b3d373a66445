/**
 * `ingest --queue` below the CLI: articles read as ingest reads them go to the producer in chunks;
 * unreadable inputs and the producer's refusals become ingest errors naming their input; reading
 * goes on. A fake producer stands in for the queue (no database).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseFieldOptions } from '../../src/ingest/fields.js';
import { readSources } from '../../src/ingest/sources.js';
import { enqueueSources } from '../../src/queue/enqueue-sources.js';
import type { ArticleJob, EnqueueResult, JobProducer } from '../../src/queue/jobs.js';
import type { IngestErrorRow } from '../../src/store/schema.js';

function fakeProducer(): JobProducer & { calls: ArticleJob[][] } {
  const seen = new Set<string>();
  const calls: ArticleJob[][] = [];
  return {
    calls,
    async enqueue(jobs): Promise<EnqueueResult> {
      calls.push([...jobs]);
      let enqueued = 0;
      let duplicates = 0;
      const refused = [];
      for (const j of jobs) {
        if (j.article.text.includes('REFUSE')) {
          refused.push({ input: j.article.key, code: 'INPUT_BINARY', message: `${j.article.key}: refused` });
        } else if (seen.has(j.article.text)) duplicates++;
        else {
          seen.add(j.article.text);
          enqueued++;
        }
      }
      return { enqueued, duplicates, refused };
    },
    async close() {},
  };
}

describe('enqueueSources', () => {
  it('queues good records in chunks, records bad ones with reasons, and goes on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-enqueue-'));
    const lines = [
      JSON.stringify({ body: 'Russia and Ukraine held talks.' }),
      '{not json',
      JSON.stringify({ body: 'Russia and Ukraine held talks.' }),
      JSON.stringify({ body: 'REFUSE this one, Russia.' }),
      JSON.stringify({ title: 'no body' }),
      JSON.stringify({ body: 'France and Germany met.' }),
    ];
    writeFileSync(path.join(dir, 'a.jsonl'), `${lines.join('\n')}\n`);
    const fields = parseFieldOptions([]);
    assert.ok(typeof fields !== 'string');
    const producer = fakeProducer();
    const recorded: IngestErrorRow[] = [];
    const run = await enqueueSources(producer, readSources([dir], { format: 'auto', fields }), {
      chunk: 2,
      onErrors: async (rows) => {
        recorded.push(...rows);
      },
      now: () => new Date('2024-10-29T00:00:00Z'),
    });
    assert.deepEqual(run.counts, { read: 6, enqueued: 2, duplicates: 1, errors: 3 });
    assert.equal(run.interrupted, false);
    assert.ok(
      producer.calls.every((c) => c.length <= 2),
      'chunks of at most 2',
    );
    assert.deepEqual(recorded.map((e) => [path.basename(e.input), e.code]).sort(), [
      ['a.jsonl:2', 'INPUT_MALFORMED'],
      ['a.jsonl:4', 'INPUT_BINARY'],
      ['a.jsonl:5', 'INPUT_NO_ARTICLE'],
    ]);
  });

  it('stops reading when aborted and still queues what was read', async () => {
    const controller = new AbortController();
    async function* items() {
      yield { ok: true as const, article: { key: 'a', text: 'Russia met Ukraine.', meta: {} } };
      controller.abort();
      yield { ok: true as const, article: { key: 'b', text: 'France met Germany.', meta: {} } };
    }
    const producer = fakeProducer();
    const run = await enqueueSources(producer, items(), {
      onErrors: async () => {},
      signal: controller.signal,
    });
    assert.equal(run.interrupted, true);
    assert.deepEqual(run.counts, { read: 1, enqueued: 1, duplicates: 0, errors: 0 });
  });
});
