/**
 * Trains the part-of-speech tagger (and the lemmatizer's exception lexicon) from UD English EWT:
 * `node --import tsx src/nlp/train/train-tagger.ts`. Train split to learn, dev to pick the epoch,
 * test scored once at the end for the manifest. Deterministic: a seeded shuffle per epoch, lexicons
 * and frozen rows in sorted order, so the same data and seed give the same model bytes.
 *
 * `trainTagger` works in memory on any sentence list (the parser trains on k-fold predicted tags).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ConlluSentence, parseConllu } from '../conllu.js';
import { type Lemmatizer, trainLemmatizer } from '../lemmatizer.js';
import { sha256File } from '../model-file.js';
import { argmax, PerceptronTrainer } from '../perceptron.js';
import { MAX_FEATURES, makeLexicon, SentenceFeatures, Tagger, type TaggerLexicon } from '../tagger.js';
import { EWT_DIR, MODELS_DIR, recordModel, UD_EWT } from './manifest.js';
import { mulberry32 } from './random.js';

function shuffle(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

export interface TaggerOptions {
  readonly epochs?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
  /** A frozen row is dropped when no averaged weight reaches this (model size vs accuracy). */
  readonly minWeight?: number;
  /** Tag dictionary: a form seen at least this often with one class in at least `dictRatio` of uses. */
  readonly dictCount?: number;
  readonly dictRatio?: number;
  /** Ambiguity classes for lower-cased forms seen at least this often. */
  readonly ambiguityCount?: number;
  /** Words seen at most this often in train are made to look unknown with probability `dropout`. */
  readonly rareCount?: number;
  readonly dropout?: number;
}

export interface TaggerScores {
  readonly upos: number;
  readonly xpos: number;
  /** Both tags right. */
  readonly both: number;
  readonly tokens: number;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function classOf(upos: string, xpos: string): string {
  return `${upos}|${xpos}`;
}

/** Classes, tag dictionary and ambiguity classes of a training set (all in a deterministic order). */
export function buildLexicon(train: readonly ConlluSentence[], opts: TaggerOptions = {}): TaggerLexicon {
  const dictCount = opts.dictCount ?? 20;
  const dictRatio = opts.dictRatio ?? 0.97;
  const ambiguityCount = opts.ambiguityCount ?? 2;
  const classCounts = new Map<string, number>();
  const byForm = new Map<string, Map<string, number>>();
  const byLower = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, key: string, cls: string) => {
    let inner = m.get(key);
    if (!inner) {
      inner = new Map();
      m.set(key, inner);
    }
    inner.set(cls, (inner.get(cls) ?? 0) + 1);
  };
  for (const s of train) {
    for (const w of s.words) {
      const cls = classOf(w.upos, w.xpos);
      classCounts.set(cls, (classCounts.get(cls) ?? 0) + 1);
      bump(byForm, w.form, cls);
      bump(byLower, w.form.toLowerCase(), cls);
    }
  }
  const classes = [...classCounts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([c]) => c);
  const classId = new Map(classes.map((c, i) => [c, i]));
  const tagDict: [string, number][] = [];
  for (const [form, counts] of [...byForm].sort((a, b) => compareStrings(a[0], b[0]))) {
    let total = 0;
    let best = '';
    let bestCount = 0;
    for (const [cls, n] of [...counts].sort((a, b) => compareStrings(a[0], b[0]))) {
      total += n;
      if (n > bestCount) {
        best = cls;
        bestCount = n;
      }
    }
    if (total >= dictCount && bestCount / total >= dictRatio) tagDict.push([form, classId.get(best)!]);
  }
  // An ambiguity class is the set of classes a word took at least 2% of the time (annotation noise
  // on frequent words would otherwise make every frequent word its own class).
  const signatures = new Map<string, number>();
  const ambiguity: [string, number][] = [];
  const lowers = [...byLower].sort((a, b) => compareStrings(a[0], b[0]));
  const signatureOf = (counts: Map<string, number>): string => {
    let total = 0;
    for (const n of counts.values()) total += n;
    const kept: number[] = [];
    for (const [cls, n] of counts) if (n >= Math.max(1, 0.02 * total)) kept.push(classId.get(cls)!);
    return kept.sort((a, b) => a - b).join(',');
  };
  for (const [, counts] of lowers) {
    const sig = signatureOf(counts);
    if (!signatures.has(sig)) signatures.set(sig, 0);
  }
  const sortedSigs = [...signatures.keys()].sort(compareStrings);
  sortedSigs.forEach((sig, i) => {
    signatures.set(sig, i);
  });
  const classesOf = (entries: [string, Map<string, number>][], out: [string, number][]) => {
    for (const [word, counts] of entries) {
      let total = 0;
      for (const n of counts.values()) total += n;
      if (total < ambiguityCount) continue;
      out.push([word, signatures.get(signatureOf(counts))!]);
    }
  };
  classesOf(lowers, ambiguity);
  return makeLexicon(classes, tagDict, ambiguity);
}

export function evaluateTagger(tagger: Tagger, sentences: readonly ConlluSentence[]): TaggerScores {
  let upos = 0;
  let xpos = 0;
  let both = 0;
  let tokens = 0;
  for (const s of sentences) {
    const forms = s.words.map((w) => w.form);
    const out = tagger.tag(forms);
    for (let i = 0; i < s.words.length; i++) {
      const w = s.words[i]!;
      const u = out.upos[i] === w.upos;
      const x = out.xpos[i] === w.xpos;
      if (u) upos++;
      if (x) xpos++;
      if (u && x) both++;
      tokens++;
    }
  }
  const d = Math.max(1, tokens);
  return { upos: upos / d, xpos: xpos / d, both: both / d, tokens };
}

export interface TaggerTraining {
  readonly tagger: Tagger;
  readonly devScores: TaggerScores;
  /** The epoch whose averaged model was kept (1-based). */
  readonly epochs: number;
  readonly history: readonly (TaggerScores & { epoch: number; trainAccuracy: number; seconds: number })[];
}

/** Trains on `train`, keeps the epoch with the best dev UPOS (then XPOS). */
export function trainTagger(
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  opts: TaggerOptions = {},
): TaggerTraining {
  const epochs = opts.epochs ?? 10;
  const seed = opts.seed ?? 1;
  const minWeight = opts.minWeight ?? 0.05;
  const log = opts.log ?? (() => {});
  const lexicon = buildLexicon(train, opts);
  const classId = new Map(lexicon.classes.map((c, i) => [c, i]));
  const classes = lexicon.classes.length;
  const trainer = new PerceptronTrainer(classes, 1 << 18);
  const sentence = new SentenceFeatures();
  const features = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(classes);
  let gold = new Int32Array(1024);
  const order = Int32Array.from({ length: train.length }, (_, i) => i);
  const random = mulberry32(seed);
  const rareCount = opts.rareCount ?? 2;
  const dropout = opts.dropout ?? 0.3;
  const formCounts = new Map<string, number>();
  for (const s of train) for (const w of s.words) formCounts.set(w.form, (formCounts.get(w.form) ?? 0) + 1);
  // A second generator, so the shuffle does not depend on how many words were dropped.
  const dropRandom = mulberry32(seed ^ 0x9e3779b9);
  const settings = {
    minWeight,
    dictCount: opts.dictCount ?? 20,
    dictRatio: opts.dictRatio ?? 0.97,
    ambiguityCount: opts.ambiguityCount ?? 2,
    rareCount,
    dropout,
  };
  let best: { tagger: Tagger; scores: TaggerScores; epoch: number } | null = null;
  const history: TaggerTraining['history'][number][] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = performance.now();
    shuffle(order, random);
    let right = 0;
    let seen = 0;
    for (const index of order) {
      const words = train[index]!.words;
      if (words.length > gold.length) gold = new Int32Array(words.length * 2);
      sentence.load(
        words.map((w) => w.form),
        lexicon,
      );
      for (let i = 0; i < words.length; i++) {
        gold[i] = classId.get(classOf(words[i]!.upos, words[i]!.xpos))!;
        if (dropout > 0 && formCounts.get(words[i]!.form)! <= rareCount && dropRandom() < dropout)
          sentence.forget(i);
      }
      let prev1 = -1;
      let prev2 = -1;
      for (let i = 0; i < words.length; i++) {
        let guess = sentence.fixedClass(i);
        if (guess < 0) {
          const n = sentence.fill(i, prev1, prev2, features);
          trainer.score(features, n, scores);
          guess = argmax(scores, classes);
          const truth = gold[i]!;
          if (guess !== truth) {
            trainer.update(features, n, truth, 1);
            trainer.update(features, n, guess, -1);
          }
          trainer.tick();
        }
        if (guess === gold[i]) right++;
        seen++;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    const tagger = new Tagger(trainer.freeze(minWeight), lexicon, settings);
    const devScores = evaluateTagger(tagger, dev);
    const seconds = (performance.now() - started) / 1000;
    const trainAccuracy = right / Math.max(1, seen);
    history.push({ epoch, trainAccuracy, seconds, ...devScores });
    log(
      `epoch ${epoch}/${epochs}  train ${(trainAccuracy * 100).toFixed(2)}  dev UPOS ${(devScores.upos * 100).toFixed(2)}  XPOS ${(devScores.xpos * 100).toFixed(2)}  rows ${tagger.model.rowCount}  ${seconds.toFixed(1)} s`,
    );
    if (
      !best ||
      devScores.upos > best.scores.upos ||
      (devScores.upos === best.scores.upos && devScores.xpos > best.scores.xpos)
    ) {
      best = { tagger, scores: devScores, epoch };
    }
  }
  if (!best) throw new Error('trainTagger: epochs must be at least 1');
  return { tagger: best.tagger, devScores: best.scores, epochs: best.epoch, history };
}

/** Tags sentences (predicted UPOS/XPOS in place of gold), e.g. for a parser's jackknifed training. */
export function retag(tagger: Tagger, sentences: readonly ConlluSentence[]): ConlluSentence[] {
  return sentences.map((s) => {
    const { upos, xpos } = tagger.tag(s.words.map((w) => w.form));
    return { ...s, words: s.words.map((w, i) => ({ ...w, upos: upos[i]!, xpos: xpos[i]! })) };
  });
}

export function readEwt(split: 'train' | 'dev' | 'test', dir = EWT_DIR): ConlluSentence[] {
  const file = path.join(dir, `en_ewt-ud-${split}.conllu`);
  return parseConllu(readFileSync(file, 'utf8'), file);
}

export interface LemmaScores {
  /** With gold UPOS/XPOS. */
  readonly goldTags: number;
  /** With the tagger's predictions (what the pipeline sees). */
  readonly predictedTags: number;
  readonly tokens: number;
}

export function evaluateLemmatizer(
  lemmatizer: Lemmatizer,
  tagger: Tagger,
  sentences: readonly ConlluSentence[],
): LemmaScores {
  let gold = 0;
  let predicted = 0;
  let tokens = 0;
  for (const s of sentences) {
    const { upos, xpos } = tagger.tag(s.words.map((w) => w.form));
    s.words.forEach((w, i) => {
      if (lemmatizer.lemma(w.form, w.upos, w.xpos) === w.lemma) gold++;
      if (lemmatizer.lemma(w.form, upos[i]!, xpos[i]!) === w.lemma) predicted++;
      tokens++;
    });
  }
  const d = Math.max(1, tokens);
  return { goldTags: gold / d, predictedTags: predicted / d, tokens };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export interface RunOptions extends TaggerOptions {
  readonly dataDir?: string;
  readonly outDir?: string;
  readonly manifest?: boolean;
  /** The command recorded in the manifest (the lead's `npm run train` passes its own). */
  readonly command?: string;
}

/** Reads EWT, trains, picks the epoch on dev, scores test once, writes the models and manifest entries. */
export async function runTaggerTraining(opts: RunOptions = {}): Promise<{
  tagger: Tagger;
  lemmatizer: Lemmatizer;
  scores: Record<string, Record<string, number>>;
}> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const seed = opts.seed ?? 1;
  const dataDir = opts.dataDir ?? EWT_DIR;
  const outDir = opts.outDir ?? MODELS_DIR;
  const train = readEwt('train', dataDir);
  const dev = readEwt('dev', dataDir);
  const started = performance.now();
  const result = trainTagger(train, dev, { ...opts, seed, log });
  const lemmatizer = trainLemmatizer(train);
  const seconds = (performance.now() - started) / 1000;
  const devLemma = evaluateLemmatizer(lemmatizer, result.tagger, dev);
  // Test: scored once, after every choice was made on dev.
  const test = readEwt('test', dataDir);
  const testScores = evaluateTagger(result.tagger, test);
  const testLemma = evaluateLemmatizer(lemmatizer, result.tagger, test);
  const scores = {
    dev: {
      upos: round4(result.devScores.upos),
      xpos: round4(result.devScores.xpos),
      uposXpos: round4(result.devScores.both),
      lemma: round4(devLemma.predictedTags),
      lemmaGoldTags: round4(devLemma.goldTags),
    },
    test: {
      upos: round4(testScores.upos),
      xpos: round4(testScores.xpos),
      uposXpos: round4(testScores.both),
      lemma: round4(testLemma.predictedTags),
      lemmaGoldTags: round4(testLemma.goldTags),
    },
  };
  log(`kept epoch ${result.epochs}; dev ${JSON.stringify(scores.dev)}; test ${JSON.stringify(scores.test)}`);
  const taggerFile = path.join(outDir, 'tagger.bin');
  const lemmaFile = path.join(outDir, 'lemmatizer.bin');
  const taggerBytes = result.tagger.encode();
  writeFileSync(taggerFile, taggerBytes);
  const lemmaWritten = lemmatizer.save(lemmaFile);
  log(
    `wrote ${taggerFile} (${taggerBytes.length} bytes), ${lemmaFile} (${lemmaWritten.bytes} bytes) in ${seconds.toFixed(0)} s`,
  );
  if (opts.manifest !== false) {
    const data = [
      { ...UD_EWT, files: ['en_ewt-ud-train.conllu', 'en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu'] },
    ];
    const command = opts.command ?? 'node --import tsx src/nlp/train/train-tagger.ts';
    const trainedAt = new Date().toISOString();
    recordModel(
      {
        file: 'tagger.bin',
        description:
          'Part-of-speech tagger: joint UPOS|XPOS classes, greedy averaged perceptron over hashed features, sparse int8 weights (src/nlp/tagger.ts).',
        data,
        command,
        seed,
        epochs: result.epochs,
        scores: {
          dev: { upos: scores.dev.upos, xpos: scores.dev.xpos, uposXpos: scores.dev.uposXpos },
          test: { upos: scores.test.upos, xpos: scores.test.xpos, uposXpos: scores.test.uposXpos },
        },
        bytes: taggerBytes.length,
        sha256: sha256File(taggerFile),
        trainedAt,
        settings: {
          ...result.tagger.settings,
          epochsRun: opts.epochs ?? 10,
          trainSeconds: Math.round(seconds),
        },
      },
      path.join(outDir, 'manifest.json'),
    );
    recordModel(
      {
        file: 'lemmatizer.bin',
        description:
          'Lemmatizer: suffix rules over XPOS plus an exception lexicon (form + XPOS -> lemma) learned from train where the rules are wrong (src/nlp/lemmatizer.ts). Scores use the tagger\'s predicted tags; "GoldTags" with gold UPOS/XPOS.',
        data: [
          { ...UD_EWT, files: ['en_ewt-ud-train.conllu', 'en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu'] },
        ],
        command,
        seed,
        epochs: 1,
        scores: {
          dev: { lemma: scores.dev.lemma, lemmaGoldTags: scores.dev.lemmaGoldTags },
          test: { lemma: scores.test.lemma, lemmaGoldTags: scores.test.lemmaGoldTags },
        },
        bytes: lemmaWritten.bytes,
        sha256: lemmaWritten.sha256,
        trainedAt,
      },
      path.join(outDir, 'manifest.json'),
    );
  }
  return { tagger: result.tagger, lemmatizer, scores };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const epochs = Number(process.env.EPOCHS ?? 10);
  runTaggerTraining({ epochs }).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
