/**
 * The `times` suite: TempEval-3 TIMEX3 recognition and normalisation (TBAQ = dev/train, TE3 platinum
 * = test), each document run through the full pipeline with its creation date as the publication
 * date; chrono-node with the same reference date is the peer. Reads gold through ../readers only.
 */
import path from 'node:path';
import { MissLog } from '../misses.js';
import { chronoTimes } from '../peers/chrono-times.js';
import { peerName } from '../peers/versions.js';
import { readTimeml, timemlFiles } from '../readers/timeml.js';
import { SafeExtractor } from '../safe-extract.js';
import { TimexTally } from '../score/timex.js';
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';

const NAME = 'times';
const HEADLINE = 'value_f1';
const FOLDER = 'timebank-te3';

export const timesSuite: EvalSuite = {
  name: NAME,
  dataFolder: FOLDER,
  headline: HEADLINE,
  async run(options: EvalOptions): Promise<EvalResult> {
    const started = performance.now();
    const folder = path.join(options.dataDir, FOLDER);
    const docs = readTimeml(folder, options.split, options.limit);
    const sitrep = new TimexTally();
    const peer = new TimexTally();
    const log = new MissLog(options.errors);
    const pipeline = new SafeExtractor(log);
    for (const d of docs) {
      const doc = pipeline.run(d.text, { published: d.dct });
      sitrep.add(d.timex, doc?.layers.times ?? [], d.text, log);
      peer.add(d.timex, chronoTimes(d.text, d.dct));
    }
    return {
      suite: NAME,
      split: options.split,
      n: docs.length,
      metrics: pipeline.withFailures(sitrep.metrics()),
      peer: { name: peerName('chrono-node'), metrics: peer.metrics() },
      seconds: (performance.now() - started) / 1000,
      misses: log.misses,
      headline: HEADLINE,
      files: timemlFiles(options.split).map((f) => path.join(FOLDER, f)),
      notes: [
        'TempEval-3 scoring: strict = same offsets, relaxed = overlap; type and value accuracy over relaxed matches; value F1 = relaxed match with the right value (TE3 attribute F1).',
        'The reference date is each document’s creation time (DCT); dev = TimeBank + AQUAINT (TBAQ), test = TE3 platinum.',
        'Peer: chrono-node parse() with the DCT as reference; every result typed DATE, value = start date at the precision chrono is certain of.',
      ],
    };
  },
};
