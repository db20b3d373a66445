/**
 * The `events-plover` suite: the PLOVER gold-standard records (one sentence each, with an event type
 * and source/target country codes) against Sitrep's events and the first-verb peer.
 * - `type_accuracy` (headline): the compared event's PLOVER type equals the record's (0.5b1 names
 *   mapped to current ones: DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT); a sentence
 *   without any event counts as wrong. The compared event is the first in text order (see
 *   `primaryEvent`).
 * - `source_accuracy` / `target_accuracy`: over records that code a source (target), the compared
 *   event's source (target) actor answers to one of the record's codes (`actorCodes`).
 * - `type_any_accuracy`: some event of the sentence has the type — a diagnostic upper bound for
 *   choosing the compared event, never the headline. `coverage`: sentences with at least one event.
 * Splits: see `readPlover` (odd record numbers = dev, even = test). Depends on the eval contract,
 * the PLOVER reader, the event helpers, the peers and the default pipeline.
 */
import { extract } from '../../pipeline/default.js';
import { createCountryMatcher } from '../peers/country-names.js';
import { firstVerbEvent } from '../peers/first-verb.js';
import { readCameoVerbs } from '../readers/petrarch.js';
import {
  normalisePlover,
  type PloverRecord,
  ploverOfCameo,
  readCameoToPlover,
  readPlover,
} from '../readers/plover.js';
import { actorCodes, agrees, primaryEvent, ratio } from '../score/event-agreement.js';
import type { EvalMiss, EvalOptions, EvalResult, EvalSuite } from '../suite.js';

/** What one system says about one record, reduced to what is scored. */
export interface PloverGuess {
  /** PLOVER type of the compared event, '' when there is none. */
  readonly type: string;
  /** Types of every event in the sentence. */
  readonly allTypes: readonly string[];
  readonly sourceCodes: ReadonlySet<string>;
  readonly targetCodes: ReadonlySet<string>;
}

export class PloverScorer {
  n = 0;
  typeHits = 0;
  anyHits = 0;
  covered = 0;
  sourceGold = 0;
  sourceHits = 0;
  targetGold = 0;
  targetHits = 0;

  /** Scores one record; returns its misses. */
  add(record: PloverRecord, guess: PloverGuess): EvalMiss[] {
    const misses: EvalMiss[] = [];
    const context = `${record.id}: ${record.text}`;
    this.n++;
    if (guess.allTypes.length > 0) this.covered++;
    if (guess.type === record.event) this.typeHits++;
    else misses.push({ kind: 'type', expected: record.event, got: guess.type || '(no event)', context });
    if (guess.allTypes.includes(record.event)) this.anyHits++;
    if (record.source.length > 0) {
      this.sourceGold++;
      if (agrees(guess.sourceCodes, record.source)) this.sourceHits++;
      else
        misses.push({
          kind: 'source',
          expected: record.source.join('|'),
          got: [...guess.sourceCodes].join('|') || '(none)',
          context,
        });
    }
    if (record.target.length > 0) {
      this.targetGold++;
      if (agrees(guess.targetCodes, record.target)) this.targetHits++;
      else
        misses.push({
          kind: 'target',
          expected: record.target.join('|'),
          got: [...guess.targetCodes].join('|') || '(none)',
          context,
        });
    }
    return misses;
  }

  metrics(): Record<string, number> {
    return {
      type_accuracy: ratio(this.typeHits, this.n),
      source_accuracy: ratio(this.sourceHits, this.sourceGold),
      target_accuracy: ratio(this.targetHits, this.targetGold),
      type_any_accuracy: ratio(this.anyHits, this.n),
      coverage: ratio(this.covered, this.n),
      n_source_gold: this.sourceGold,
      n_target_gold: this.targetGold,
    };
  }
}

const codesOf = (code: string | null): Set<string> => new Set(code ? [code] : []);

export const ploverSuite: EvalSuite = {
  name: 'events-plover',
  dataFolder: 'plover-gsr',
  headline: 'type_accuracy',
  async run(options: EvalOptions): Promise<EvalResult> {
    const t0 = performance.now();
    const records = readPlover(options.dataDir, options.split, options.limit);
    const table = readCameoToPlover(options.dataDir);
    const verbs = readCameoVerbs(options.dataDir);
    const countries = createCountryMatcher();
    const sitrep = new PloverScorer();
    const peer = new PloverScorer();
    const misses: EvalMiss[] = [];
    for (const r of records) {
      const doc = extract(r.text, { published: r.date });
      const events = doc.layers.events ?? [];
      const actors = doc.layers.actors ?? [];
      const first = primaryEvent(events);
      const found = sitrep.add(r, {
        type: first ? normalisePlover(first.plover) : '',
        allTypes: events.map((e) => normalisePlover(e.plover)),
        sourceCodes: actorCodes(actors, first?.source ?? null),
        targetCodes: actorCodes(actors, first?.target ?? null),
      });
      if (misses.length < options.errors) misses.push(...found.slice(0, options.errors - misses.length));
      if (!verbs) continue;
      const p = firstVerbEvent(r.text, doc.layers.tokens ?? [], verbs, countries);
      const pType = p ? ploverOfCameo(table, p.cameo) : '';
      peer.add(r, {
        type: pType,
        allTypes: p ? [pType] : [],
        sourceCodes: codesOf(p?.source ?? null),
        targetCodes: codesOf(p?.target ?? null),
      });
    }
    return {
      suite: 'events-plover',
      split: options.split,
      n: records.length,
      metrics: sitrep.metrics(),
      peer: verbs ? { name: 'first-verb CAMEO lookup', metrics: peer.metrics() } : null,
      seconds: (performance.now() - t0) / 1000,
      misses,
      headline: 'type_accuracy',
      files: [
        'plover-gsr/PLOVER_GSR_CAMEO.jsonl',
        'plover-gsr/CAMEO2PLOVER-2021.txt (peer)',
        'petrarch2/dictionaries/CAMEO.2.0.txt (peer)',
      ],
      notes: [
        'No official split: records with an odd number within their category are dev, even ones test.',
        'PLOVER 0.5b1 names mapped to current ones: DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT; JAP, ITL, VTN read as JPN, ITA, VNM.',
        'The compared event is the first in text order; a sentence without events counts as wrong. type_any_accuracy (some event has the type) is a diagnostic upper bound only.',
        "An actor agrees with a gold code through its code, its country or its CAMEO code's first three letters (IGO, NGO, IMG ...).",
        "Peer: the first verb with a default code in PETRARCH's CAMEO verb dictionary, mapped to PLOVER by the 2021 table; source and target = the first country name or demonym before and after it.",
      ],
    };
  },
};
