/**
 * The `places` suite: toponym recognition and resolution on news (LGL = dev, GeoWebNews = test,
 * TR-News reported beside it as `trnews_*`). No corpus has an official split; these choices are
 * fixed here and in docs/QUALITY.md. Sitrep runs the full pipeline and is scored on its places
 * layer; the peer looks gazetteer names up in the text and takes the most populous candidate.
 */
import path from 'node:path';
import { MissLog } from '../misses.js';
import { gazetteerPlaces, loadPlaceLookup } from '../peers/gazetteer-places.js';
import { GEO_FILES, type GeoCorpus, geoCorpora, readGeoCorpus } from '../readers/geoparsing.js';
import { SafeExtractor } from '../safe-extract.js';
import { ToponymTally } from '../score/toponyms.js';
import type { EvalOptions, EvalResult, EvalSuite } from '../suite.js';

function prefixed(metrics: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [`${prefix}${k}`, v]));
}

const NAME = 'places';
const HEADLINE = 'accuracy_161km';
const FOLDER = 'geoparsing';

export const placesSuite: EvalSuite = {
  name: NAME,
  dataFolder: FOLDER,
  headline: HEADLINE,
  async run(options: EvalOptions): Promise<EvalResult> {
    const started = performance.now();
    const folder = path.join(options.dataDir, FOLDER);
    const gazetteer = loadPlaceLookup();
    const log = new MissLog(options.errors);
    const corpora = geoCorpora(options.split);
    const metrics: Record<string, number> = {};
    const peerMetrics: Record<string, number> = {};
    let n = 0;
    corpora.forEach((corpus: GeoCorpus, i) => {
      const articles = readGeoCorpus(folder, corpus, options.limit);
      const sitrep = new ToponymTally();
      const peer = new ToponymTally();
      // Misses are collected on the headline corpus only.
      const pipeline = new SafeExtractor(i === 0 ? log : undefined);
      for (const a of articles) {
        const doc = pipeline.run(a.text, { published: a.date });
        sitrep.add(a.toponyms, doc?.layers.places ?? [], a.text, i === 0 ? log : undefined);
        peer.add(a.toponyms, gazetteerPlaces(a.text, gazetteer));
      }
      // The first corpus of the split gives the headline metrics; extra corpora are prefixed.
      const prefix = i === 0 ? '' : `${corpus.toLowerCase().replace(/[^a-z]/g, '')}_`;
      if (i === 0) n = articles.length;
      Object.assign(metrics, prefixed(pipeline.withFailures(sitrep.metrics()), prefix));
      Object.assign(peerMetrics, prefixed(peer.metrics(), prefix));
    });
    return {
      suite: NAME,
      split: options.split,
      n,
      metrics,
      peer: { name: 'gazetteer look-up', metrics: peerMetrics },
      seconds: (performance.now() - started) / 1000,
      misses: log.misses,
      headline: HEADLINE,
      files: corpora.map((c) => path.join(FOLDER, GEO_FILES[c])),
      notes: [
        `n = ${corpora[0]} articles. Splits (none official): dev = LGL, test = GeoWebNews, TR-News reported beside it as trnews_*.`,
        'Recognition: overlapping spans, one-to-one (exact offsets as recognition_f1_exact). GeoWebNews gold = its eight toponym types (Literal … Coercion).',
        'Resolution over recognised toponyms with gold coordinates: accuracy within 161 km and mean error; unresolved counts as 20,037 km; unresolved_share = recognised toponyms left without coordinates. accuracy_161km_all divides by every gold toponym with coordinates (missed ones count as wrong: 1 − recognition_recall is the share never found).',
        'Peer: look-up of the places stage’s gazetteer names (src/data/places.ts) at capitalised words, longest first, resolved to the largest candidate (country, then region/province, then the most populous city); no context or disambiguation.',
      ],
    };
  },
};
