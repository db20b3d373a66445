/**
 * Predicted tags for parser training: each of `folds` slices of train is tagged by a tagger trained
 * on the other slices (jackknifing), so the parser learns from tags as wrong as the ones it will see
 * at run time; dev and test are tagged by a tagger trained on all of train. Folds are contiguous
 * runs of sentences (documents stay together), so the result does not depend on any shuffle.
 */
import type { ConlluSentence } from '../conllu.js';
import { retag, trainTagger } from './train-tagger.js';

export interface JackknifeOptions {
  readonly taggerEpochs?: number;
  readonly seed?: number;
}

export async function jackknifeTags(
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  others: readonly (readonly ConlluSentence[])[],
  folds: number,
  log: (line: string) => void,
  options: JackknifeOptions = {},
): Promise<{ train: ConlluSentence[]; dev: ConlluSentence[]; others: ConlluSentence[][] }> {
  const taggerOptions = { epochs: options.taggerEpochs, seed: options.seed ?? 1 };
  const tagged: ConlluSentence[] = [];
  for (let f = 0; f < folds; f++) {
    const start = Math.floor((f * train.length) / folds);
    const end = Math.floor(((f + 1) * train.length) / folds);
    const rest = [...train.slice(0, start), ...train.slice(end)];
    const started = performance.now();
    const { tagger, devScores } = trainTagger(rest, dev, taggerOptions);
    tagged.push(...retag(tagger, train.slice(start, end)));
    log(
      `jackknife fold ${f + 1}/${folds}: tagger dev UPOS ${(100 * devScores.upos).toFixed(2)} XPOS ${(100 * devScores.xpos).toFixed(2)} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const { tagger, devScores } = trainTagger(train, dev, taggerOptions);
  log(
    `jackknife: full tagger dev UPOS ${(100 * devScores.upos).toFixed(2)} XPOS ${(100 * devScores.xpos).toFixed(2)}`,
  );
  return { train: tagged, dev: retag(tagger, dev), others: others.map((o) => retag(tagger, o)) };
}
