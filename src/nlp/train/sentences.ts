/**
 * Trains the sentence-boundary model of the tokenizer (src/nlp/tokenizer.ts) on UD EWT train raw
 * text, picks the epoch by Sentences F1 on dev, reports test once, and writes
 * data/models/sentences-ewt.model with its manifest entry. Deterministic: instances are visited
 * in an order shuffled by a fixed seed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConllu } from '../conllu.js';
import { perceptronArrays, writeModelFile } from '../model-file.js';
import { type FrozenPerceptron, PerceptronTrainer } from '../perceptron.js';
import { type RawText, rawTextOf, type Span, spanF1 } from '../segmentation-score.js';
import {
  BOUNDARY_FEATURES,
  type BoundaryScorer,
  SENTENCE_MODEL_FILE,
  type Segmentation,
  segmentWith,
  visitBoundaryInstances,
} from '../tokenizer.js';
import { EWT_DIR, MODELS_DIR, recordModel, UD_EWT } from './manifest.js';

export interface SentenceTrainOptions {
  /** Directory holding en_ewt-ud-{train,dev,test}.conllu. */
  readonly ewtDir?: string;
  readonly epochs?: number;
  readonly seed?: number;
  /** Where the model goes; null: train and score only. */
  readonly modelsDir?: string | null;
  readonly log?: (line: string) => void;
}

export interface SegmentationScores {
  readonly tokensF1: number;
  readonly sentencesF1: number;
}

/** The token and sentence spans of a segmentation. */
export function spansOf(seg: Segmentation): { tokens: Span[]; sentences: Span[] } {
  const tokens: Span[] = [];
  for (let i = 0; i < seg.starts.length; i++) tokens.push({ start: seg.starts[i]!, end: seg.ends[i]! });
  const sentences: Span[] = [];
  for (let j = 0; j + 1 < seg.sentenceStarts.length; j++) {
    const first = seg.sentenceStarts[j]!;
    const last = seg.sentenceStarts[j + 1]! - 1;
    if (last >= first) sentences.push({ start: seg.starts[first]!, end: seg.ends[last]! });
  }
  return { tokens, sentences };
}

/** Tokens F1 (syntactic words) and Sentences F1 of a scorer on one treebank's raw text. */
export function scoreSegmentation(raw: RawText, scorer: BoundaryScorer): SegmentationScores {
  const { tokens, sentences } = spansOf(segmentWith(raw.text, scorer));
  return {
    tokensF1: spanF1(raw.words, tokens, raw.text).f1,
    sentencesF1: spanF1(raw.sentences, sentences, raw.text).f1,
  };
}

export function readEwtRaw(dir: string, split: 'train' | 'dev' | 'test'): RawText {
  const file = path.join(dir, `en_ewt-ud-${split}.conllu`);
  return rawTextOf(parseConllu(readFileSync(file, 'utf8'), file));
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** Gold sentence starts as a test on offsets: the first non-space character of each sentence. */
function goldStarts(raw: RawText): (offset: number) => boolean {
  const set = new Set<number>();
  for (const s of raw.sentences) {
    let k = s.start;
    while (k < s.end && isSpace(raw.text.charCodeAt(k))) k++;
    set.add(k);
  }
  return (offset) => set.has(offset);
}

export interface TrainedSentenceModel {
  readonly model: FrozenPerceptron;
  readonly epoch: number;
  readonly dev: SegmentationScores;
  readonly rulesDev: SegmentationScores;
  readonly test: SegmentationScores;
  readonly file?: string;
}

export function trainSentenceModel(options: SentenceTrainOptions = {}): TrainedSentenceModel {
  const dir = options.ewtDir ?? EWT_DIR;
  const epochs = options.epochs ?? 8;
  const seed = options.seed ?? 1;
  const log = options.log ?? ((line: string) => console.log(line));
  const train = readEwtRaw(dir, 'train');
  const dev = readEwtRaw(dir, 'dev');

  // Instances, copied out of the tokenizer's reused buffer.
  let features = new Uint32Array(1 << 20);
  const counts: number[] = [];
  const labels: number[] = [];
  let used = 0;
  visitBoundaryInstances(train.text, goldStarts(train), (f, n, label) => {
    if (used + BOUNDARY_FEATURES > features.length) {
      const grown = new Uint32Array(features.length * 2);
      grown.set(features);
      features = grown;
    }
    features.set(f.subarray(0, n), used);
    used += BOUNDARY_FEATURES;
    counts.push(n);
    labels.push(label);
  });
  const rulesDev = scoreSegmentation(dev, null);
  log(
    `sentences: ${labels.length} candidate gaps in train; rules alone on dev: sentences F1 ${rulesDev.sentencesF1.toFixed(4)}`,
  );

  const order = Int32Array.from(labels.keys());
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: deterministic and enough for shuffling.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const trainer = new PerceptronTrainer(2, 1 << 15);
  const scores = new Float32Array(2);
  let best: { model: FrozenPerceptron; epoch: number; dev: SegmentationScores } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let errors = 0;
    for (const k of order) {
      const f = features.subarray(k * BOUNDARY_FEATURES, k * BOUNDARY_FEATURES + counts[k]!);
      trainer.score(f, f.length, scores);
      const guess = scores[1]! > scores[0]! ? 1 : 0;
      const gold = labels[k]!;
      if (guess !== gold) {
        errors++;
        trainer.update(f, f.length, gold, 1);
        trainer.update(f, f.length, guess, -1);
      }
      trainer.tick();
    }
    const model = trainer.freeze();
    const scored = scoreSegmentation(dev, model);
    log(
      `sentences: epoch ${epoch}: train errors ${errors}/${order.length}, dev sentences F1 ${scored.sentencesF1.toFixed(4)}`,
    );
    if (!best || scored.sentencesF1 > best.dev.sentencesF1) best = { model, epoch, dev: scored };
  }
  if (!best) throw new Error('trainSentenceModel: no epochs');
  const test = scoreSegmentation(readEwtRaw(dir, 'test'), best.model);
  log(
    `sentences: best epoch ${best.epoch}: dev tokens F1 ${best.dev.tokensF1.toFixed(4)} sentences F1 ${best.dev.sentencesF1.toFixed(4)}; test tokens F1 ${test.tokensF1.toFixed(4)} sentences F1 ${test.sentencesF1.toFixed(4)}`,
  );
  const modelsDir = options.modelsDir === undefined ? MODELS_DIR : options.modelsDir;
  if (modelsDir === null) return { ...best, rulesDev, test };
  const file = path.join(modelsDir, SENTENCE_MODEL_FILE);
  const header = {
    kind: 'sentence-boundary',
    version: 1,
    classes: ['inside', 'start'],
    epoch: best.epoch,
    seed,
  };
  const { bytes, sha256 } = writeModelFile(file, header, perceptronArrays('boundary', best.model));
  recordModel(
    {
      file: SENTENCE_MODEL_FILE,
      description:
        'Sentence-boundary model of the tokenizer (src/nlp/tokenizer.ts): binary averaged perceptron over hashed features of each candidate gap, the rules\u2019 decision among them.',
      data: [{ ...UD_EWT, files: ['en_ewt-ud-train.conllu (raw text rebuilt as conllu_to_text does)'] }],
      command: 'npm run train',
      seed,
      epochs: best.epoch,
      scores: {
        dev: { tokensF1: round(best.dev.tokensF1), sentencesF1: round(best.dev.sentencesF1) },
        test: { tokensF1: round(test.tokensF1), sentencesF1: round(test.sentencesF1) },
        devRulesOnly: { tokensF1: round(rulesDev.tokensF1), sentencesF1: round(rulesDev.sentencesF1) },
      },
      bytes,
      sha256,
      trainedAt: new Date().toISOString(),
      settings: { features: BOUNDARY_FEATURES, epochsTried: epochs },
    },
    path.join(modelsDir, 'manifest.json'),
  );
  return { ...best, rulesDev, test, file };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
