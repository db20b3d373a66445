/**
 * The `events-cameo` suite: PETRARCH-2 validation sentences (gold CAMEO codings) against Sitrep's
 * events and the first-verb peer. Per sentence with at least one gold coding:
 * - `root_agreement` (headline): the compared event's CAMEO root (first two digits) is the root of one
 *   of the sentence's gold codings (a sentence may code several events of equal standing, e.g. both
 *   directions of a meeting); no event counts as wrong. The compared event is the first in text order
 *   (see `primaryEvent`).
 * - `code_agreement`: the same with the full code (exact string).
 * - `source_agreement` / `target_agreement`: the compared event's actor answers to the first three
 *   letters (the country or class: USA of USAGOV, IGO of IGOUNO) of the aligned gold coding's actor;
 *   the aligned coding is the first with the same root, else the first. Meaningful here because the
 *   GSR records use real actors (the PETRARCH unit tests, with invented ones, are not used).
 * - `root_precision` / `root_recall` / `root_f1`: the set of roots Sitrep codes in a sentence against
 *   the gold set, over every sentence including the `noevents` ones (over-coding costs precision).
 * - `noevent_accuracy`: of the sentences the gold says have no event, those where Sitrep finds none.
 * Splits: see `readPetrarch` (dev = the GSR file's constructed sentences, test = its real news ones).
 * Caveat for the peer: the GSR file's AFP codings were made from PETRARCH-2 output, and the peer uses
 * PETRARCH's own verb dictionary, so it is favoured there.
 */

import { extract } from '../../pipeline/default.js';
import { createCountryMatcher } from '../peers/country-names.js';
import { firstVerbEvent } from '../peers/first-verb.js';
import { type GoldCoding, type PetrarchRecord, readCameoVerbs, readPetrarch } from '../readers/petrarch.js';
import { actorCodes, agrees, primaryEvent, ratio } from '../score/event-agreement.js';
import type { EvalMiss, EvalOptions, EvalResult, EvalSuite } from '../suite.js';
import { prf } from '../suite.js';

/** What one system says about one sentence, reduced to what is scored. */
export interface CameoGuess {
  /** CAMEO code of the compared event, '' when there is none. */
  readonly code: string;
  /** Codes of every event in the sentence. */
  readonly allCodes: readonly string[];
  readonly sourceCodes: ReadonlySet<string>;
  readonly targetCodes: ReadonlySet<string>;
}

const root = (code: string): string => code.slice(0, 2);

export class CameoScorer {
  coded = 0;
  rootHits = 0;
  codeHits = 0;
  covered = 0;
  sourceGold = 0;
  sourceHits = 0;
  targetGold = 0;
  targetHits = 0;
  noEvents = 0;
  noEventHits = 0;
  tp = 0;
  fp = 0;
  fn = 0;

  /** Scores one sentence; returns its misses. */
  add(record: PetrarchRecord, guess: CameoGuess): EvalMiss[] {
    const misses: EvalMiss[] = [];
    const context = `${record.id}: ${record.text}`;
    const goldRoots = new Set(record.codings.map((c) => root(c.code)));
    const predRoots = new Set(guess.allCodes.map(root));
    const shared = [...predRoots].filter((r) => goldRoots.has(r)).length;
    this.tp += shared;
    this.fp += predRoots.size - shared;
    this.fn += goldRoots.size - shared;
    if (record.codings.length === 0) {
      this.noEvents++;
      if (guess.allCodes.length === 0) this.noEventHits++;
      else
        misses.push({ kind: 'spurious event', expected: '(none)', got: guess.allCodes.join('|'), context });
      return misses;
    }
    this.coded++;
    if (guess.allCodes.length > 0) this.covered++;
    const expected = record.codings.map((c) => c.code).join('|');
    if (guess.code && goldRoots.has(root(guess.code))) this.rootHits++;
    else misses.push({ kind: 'root', expected, got: guess.code || '(no event)', context });
    if (guess.code && record.codings.some((c) => c.code === guess.code)) this.codeHits++;
    const aligned: GoldCoding =
      record.codings.find((c) => guess.code !== '' && root(c.code) === root(guess.code)) ??
      record.codings[0]!;
    for (const role of ['source', 'target'] as const) {
      const gold = aligned[role];
      if (!gold) continue;
      const want = gold.slice(0, 3);
      const got = role === 'source' ? guess.sourceCodes : guess.targetCodes;
      const hit = agrees(got, [want]);
      if (role === 'source') {
        this.sourceGold++;
        if (hit) this.sourceHits++;
      } else {
        this.targetGold++;
        if (hit) this.targetHits++;
      }
      if (!hit) misses.push({ kind: role, expected: gold, got: [...got].join('|') || '(none)', context });
    }
    return misses;
  }

  metrics(): Record<string, number> {
    const f = prf(this.tp, this.fp, this.fn);
    const m: Record<string, number> = {
      root_agreement: ratio(this.rootHits, this.coded),
      code_agreement: ratio(this.codeHits, this.coded),
      source_agreement: ratio(this.sourceHits, this.sourceGold),
      target_agreement: ratio(this.targetHits, this.targetGold),
      root_precision: f.precision,
      root_recall: f.recall,
      root_f1: f.f1,
      coverage: ratio(this.covered, this.coded),
      n_coded: this.coded,
    };
    if (this.noEvents > 0) m.noevent_accuracy = ratio(this.noEventHits, this.noEvents);
    return m;
  }
}

const codesOf = (code: string | null): Set<string> => new Set(code ? [code] : []);

export const cameoSuite: EvalSuite = {
  name: 'events-cameo',
  dataFolder: 'petrarch2',
  headline: 'root_agreement',
  async run(options: EvalOptions): Promise<EvalResult> {
    const t0 = performance.now();
    const records = readPetrarch(options.dataDir, options.split, options.limit);
    const verbs = readCameoVerbs(options.dataDir);
    const countries = createCountryMatcher();
    const sitrep = new CameoScorer();
    const peer = new CameoScorer();
    const misses: EvalMiss[] = [];
    for (const r of records) {
      const doc = extract(r.text, r.date ? { published: r.date } : {});
      const events = doc.layers.events ?? [];
      const actors = doc.layers.actors ?? [];
      const first = primaryEvent(events);
      const found = sitrep.add(r, {
        code: first?.cameo ?? '',
        allCodes: events.map((e) => e.cameo),
        sourceCodes: actorCodes(actors, first?.source ?? null),
        targetCodes: actorCodes(actors, first?.target ?? null),
      });
      if (misses.length < options.errors) misses.push(...found.slice(0, options.errors - misses.length));
      if (!verbs) continue;
      const p = firstVerbEvent(r.text, doc.layers.tokens ?? [], verbs, countries);
      peer.add(r, {
        code: p?.cameo ?? '',
        allCodes: p ? [p.cameo] : [],
        sourceCodes: codesOf(p?.source ?? null),
        targetCodes: codesOf(p?.target ?? null),
      });
    }
    return {
      suite: 'events-cameo',
      split: options.split,
      n: records.length,
      metrics: sitrep.metrics(),
      peer: verbs ? { name: 'first-verb CAMEO lookup', metrics: peer.metrics() } : null,
      seconds: (performance.now() - t0) / 1000,
      misses,
      headline: 'root_agreement',
      files: [
        'petrarch2/validation/PETR2_GSR_validation.jsonl',
        'petrarch2/dictionaries/CAMEO.2.0.txt (peer)',
      ],
      notes: [
        "No official split: the GSR file's real news sentences (AFP, GOLD) are test, its constructed sentences (TEST, OTHER, VERB, PASSIVE) dev.",
        'PETR.UnitTest.records is not used: invented actors, and codes from a test-only verb dictionary.',
        'The compared event is the first in text order; it agrees when its root (code) is that of any gold coding of the sentence.',
        "Source/target agreement compares the first three letters of the aligned gold actor code (country or class) with the actor's code, country or CAMEO class.",
        "The AFP codings were made from PETRARCH-2 output and the peer uses PETRARCH's own verb dictionary, which favours the peer.",
      ],
    };
  },
};
