/**
 * The `seed` suite: the project's canonical article (`../shared/seed`) scored item by item with the
 * TypeScript port of `../shared/tools/check_extract.py`: `items` is the fraction of items found,
 * `required_events` the fraction of required events. One article, the same for every split.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toExtractJson } from '../../output/extract-json.js';
import { defaultPipeline, extract } from '../../pipeline/default.js';
import { checkExtract } from '../score/check-extract.js';
import { accuracy } from '../score/metrics.js';
import type { EvalMiss, EvalOptions, EvalResult, EvalSuite } from '../suite.js';

const NAME = 'seed';
const HEADLINE = 'items';
/** The seed sits beside the data folder in the shared folder. */
const FOLDER = path.join('..', 'seed');

export const seedSuite: EvalSuite = {
  name: NAME,
  dataFolder: FOLDER,
  headline: HEADLINE,
  async run(options: EvalOptions): Promise<EvalResult> {
    const started = performance.now();
    const folder = path.join(options.dataDir, FOLDER);
    const gold = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'));
    const body = readFileSync(path.join(folder, gold.file), 'utf8');
    const doc = extract(body, { published: gold.published, publishedFrom: 'metadata' });
    // Scored through the public JSON, exactly as the Python checker reads `sitrep extract --json`.
    const out = JSON.parse(JSON.stringify(toExtractJson(doc, defaultPipeline().version)));
    const r = checkExtract(gold, out, body);
    const misses: EvalMiss[] = r.misses
      .slice(0, options.errors)
      .map((m) => ({ kind: 'seed', expected: m, got: '—', context: '' }));
    return {
      suite: NAME,
      split: options.split,
      n: 1,
      metrics: {
        items: accuracy(r.hits.length, r.hits.length + r.misses.length),
        required_events: accuracy(r.requiredFound, r.requiredTotal),
      },
      peer: null,
      seconds: (performance.now() - started) / 1000,
      misses,
      headline: HEADLINE,
      files: [path.join('..', 'seed', 'expected.json'), path.join('..', 'seed', gold.file)],
      notes: [
        `${r.hits.length}/${r.hits.length + r.misses.length} items, required events ${r.requiredFound}/${r.requiredTotal} (pass: 90% of items and every required event).`,
      ],
    };
  },
};
