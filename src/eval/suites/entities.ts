/**
 * The `entities` suite: CoNLL-2003 NER (testa = dev, testb = test), exact-span F1 per type and micro
 * over PER/ORG/LOC. Each document's tokens are joined by spaces (sentences by blank lines) and run
 * through the full pipeline; compromise's people/organisations/places are the peer.
 *
 * How Sitrep's layers map to CoNLL types (CoNLL tags country names LOC and nationalities MISC):
 * person mentions by name, alias or surname → PER; organisation and group mentions by name, alias or
 * acronym → ORG; country mentions by name, alias, acronym or capital (metonym) → LOC, by demonym →
 * MISC; places → LOC. Pronouns, titles and definite descriptions are not names and are left out.
 */
import path from 'node:path';
import type { Actor, ActorMention, Place } from '../../core/types.js';
import { MissLog } from '../misses.js';
import { compromiseEntities } from '../peers/compromise-entities.js';
import { peerName } from '../peers/versions.js';
import { conllFile, readConll } from '../readers/conll.js';
import { SafeExtractor } from '../safe-extract.js';
import { type NerSpan, NerTally, type NerType } from '../score/ner.js';
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';

const NAME_VIAS = new Set<ActorMention['via']>(['name', 'alias', 'acronym', 'surname', 'metonym', 'demonym']);

/** The CoNLL type of one actor mention, or null when it is not a name CoNLL would tag. */
export function conllTypeOf(actor: Pick<Actor, 'kind'>, via: ActorMention['via']): NerType | null {
  if (!NAME_VIAS.has(via)) return null;
  switch (actor.kind) {
    case 'person':
      return via === 'demonym' ? null : 'PER';
    case 'organization':
    case 'group':
      return via === 'demonym' ? 'MISC' : 'ORG';
    case 'country':
      return via === 'demonym' ? 'MISC' : 'LOC';
    default:
      return via === 'demonym' ? 'MISC' : null;
  }
}

/** Sitrep's named mentions and places as CoNLL spans, one per span (actors win over places). */
export function sitrepEntities(actors: readonly Actor[], places: readonly Place[]): NerSpan[] {
  const bySpan = new Map<string, NerSpan>();
  for (const a of actors) {
    for (const m of a.mentions) {
      const label = conllTypeOf(a, m.via);
      const key = `${m.start}:${m.end}`;
      if (label && !bySpan.has(key)) bySpan.set(key, { start: m.start, end: m.end, label });
    }
  }
  for (const p of places) {
    const key = `${p.start}:${p.end}`;
    if (!bySpan.has(key)) bySpan.set(key, { start: p.start, end: p.end, label: 'LOC' });
  }
  return [...bySpan.values()].sort((x, y) => x.start - y.start);
}

const NAME = 'entities';
const HEADLINE = 'f1';
const FOLDER = 'conll2003';

export const entitiesSuite: EvalSuite = {
  name: NAME,
  dataFolder: FOLDER,
  headline: HEADLINE,
  async run(options: EvalOptions): Promise<EvalResult> {
    const started = performance.now();
    const docs = readConll(path.join(options.dataDir, FOLDER), options.split, options.limit);
    const sitrep = new NerTally();
    const peer = new NerTally();
    const log = new MissLog(options.errors);
    const pipeline = new SafeExtractor(log);
    for (const d of docs) {
      const doc = pipeline.run(d.text, { published: d.date });
      sitrep.add(d.entities, sitrepEntities(doc?.layers.actors ?? [], doc?.layers.places ?? []), d.text, log);
      peer.add(d.entities, compromiseEntities(d.text));
    }
    return {
      suite: NAME,
      split: options.split,
      n: docs.length,
      metrics: pipeline.withFailures(sitrep.metrics()),
      peer: { name: peerName('compromise'), metrics: peer.metrics() },
      seconds: (performance.now() - started) / 1000,
      misses: log.misses,
      headline: HEADLINE,
      files: [path.join(FOLDER, conllFile(options.split))],
      notes: [
        'n = documents. Exact-span, same-type matching (conlleval); headline F1 = micro over PER, ORG, LOC; MISC reported apart; f1_with_misc = all four types.',
        'Mapping: persons → PER; organisations/groups → ORG; countries by name/alias/capital → LOC, by demonym → MISC; places → LOC; pronouns, titles and descriptions left out.',
        'Peer: compromise people() → PER, organizations() → ORG, places() → LOC, spans trimmed of edge punctuation.',
      ],
    };
  },
};
