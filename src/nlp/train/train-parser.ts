/**
 * Trains the dependency parser (src/nlp/parser.ts) from UD English EWT: arc-hybrid transitions
 * learned with the dynamic oracle of Goldberg & Nivre (2013) — at every step the "gold" moves are
 * the valid transitions of least cost, the number of gold arcs that stay reachable lost by taking
 * it — and, from epoch `exploreFrom` on, the parser follows its own prediction with probability
 * `explore` so it learns to recover from its mistakes. Relations are learned by a second perceptron
 * on the arcs whose head is right.
 *
 * Non-projective training trees (counted in the result) are kept: the arc-hybrid cost counts each
 * gold arc that is still reachable on its own, so a crossing arc that can no longer be built simply
 * stops counting and the oracle steers towards the best projective tree it can still reach.
 *
 * Deterministic: one seeded PRNG drives the shuffle and the exploration, and `freeze` orders rows
 * by key, so the same data and options give the same bytes.
 *
 *   node --import tsx src/nlp/train/train-parser.ts [--epochs 12] [--seed 1] [--tags predicted|gold]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ConlluSentence, parseConllu } from '../conllu.js';
import { type DependencyScores, DependencyTally } from '../dependency-score.js';
import { perceptronArrays, writeModelFile } from '../model-file.js';
import {
  Configuration,
  LEFT,
  MAX_LABEL_FEATURES,
  MAX_TRANSITION_FEATURES,
  Parser,
  type ParserHeader,
  RIGHT,
  SHIFT,
  TRANSITIONS,
} from '../parser.js';
import { PerceptronTrainer } from '../perceptron.js';
import { EWT_DIR, MODELS_DIR, recordModel, UD_EWT } from './manifest.js';
import { mulberry32 } from './random.js';

/** A training or evaluation sentence: the parser's input plus the gold tree. */
export interface TreeSentence {
  readonly forms: readonly string[];
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  /** 1-based gold heads, 0 = root. */
  readonly heads: Int32Array;
  readonly deprels: readonly string[];
}

export function treeSentence(s: ConlluSentence): TreeSentence {
  return {
    forms: s.words.map((w) => w.form),
    upos: s.words.map((w) => w.upos),
    xpos: s.words.map((w) => w.xpos),
    heads: Int32Array.from(s.words.map((w) => w.head)),
    deprels: s.words.map((w) => w.deprel),
  };
}

/** True when no two arcs cross (the root arc from position 0 included). */
export function isProjective(heads: ArrayLike<number>): boolean {
  const n = heads.length;
  for (let d = 1; d <= n; d++) {
    const h = heads[d - 1]!;
    const lo = Math.min(h, d);
    const hi = Math.max(h, d);
    for (let d2 = lo + 1; d2 < hi; d2++) {
      const h2 = heads[d2 - 1]!;
      if (h2 < lo || h2 > hi) return false;
    }
  }
  return true;
}

const INVALID = 1 << 30;

/**
 * The dynamic oracle's cost of each transition in configuration `c` against the gold heads
 * (`gold[i]` for position i, 1-based, gold[0] unused): gold arcs still reachable that the move
 * makes unreachable (Goldberg & Nivre 2013, arc-hybrid). Invalid moves cost INVALID.
 */
export function transitionCosts(c: Configuration, gold: Int32Array, out: Int32Array): void {
  const n = c.n;
  const b0 = c.b0;
  const size = c.size;
  const s0 = c.stack[size - 1]!;
  // Gold children of s0 still in the buffer: lost by either arc (s0 leaves the stack).
  let s0ChildrenInBuffer = 0;
  if (size > 1) for (let j = b0; j <= n; j++) if (gold[j] === s0) s0ChildrenInBuffer++;
  if (c.canShift()) {
    // b0 pushed: it can no longer take a head deeper than s0, nor children already on the stack.
    let cost = 0;
    const hb = gold[b0]!;
    for (let i = 0; i < size; i++) {
      const x = c.stack[i]!;
      if (x === hb && i < size - 1) cost++;
      if (gold[x] === b0) cost++;
    }
    out[SHIFT] = cost;
  } else out[SHIFT] = INVALID;
  if (c.canLeft()) {
    // s0 takes b0 as head: lost if its head is s1 or further in the buffer.
    const h = gold[s0]!;
    const s1 = c.stack[size - 2]!;
    out[LEFT] = s0ChildrenInBuffer + (h === s1 || h > b0 ? 1 : 0);
  } else out[LEFT] = INVALID;
  if (c.canRight()) {
    // s0 takes s1 as head: lost if its head is in the buffer.
    const h = gold[s0]!;
    out[RIGHT] = s0ChildrenInBuffer + (h >= b0 && h <= n ? 1 : 0);
  } else out[RIGHT] = INVALID;
}

export interface ParserTrainingOptions {
  readonly epochs?: number;
  readonly seed?: number;
  /** Probability of following the model's own (possibly wrong) move once exploring. */
  readonly explore?: number;
  /** First epoch (0-based) that explores. */
  readonly exploreFrom?: number;
  /** Freeze threshold: rows whose averaged weights all stay below it are dropped. */
  readonly minWeight?: number;
  /** Feature templates used, in priority order (speed vs accuracy): 26, 36, 47 or 56 transition ones. */
  readonly transitionFeatures?: number;
  /** 14, 24 or 31 relation templates. */
  readonly labelFeatures?: number;
  readonly log?: (line: string) => void;
  /** Called after each epoch with the dev scores (the training log's progress). */
  readonly onEpoch?: (e: EpochReport) => void;
}

export interface EpochReport {
  readonly epoch: number;
  readonly dev: DependencyScores | null;
  readonly seconds: number;
  readonly transitionRows: number;
  readonly relationRows: number;
}

export interface ParserTrainingResult {
  readonly parser: Parser;
  readonly labels: readonly string[];
  readonly bestEpoch: number;
  readonly epochs: readonly EpochReport[];
  readonly nonProjective: number;
  readonly sentences: number;
}

export function relationLabels(train: readonly TreeSentence[]): string[] {
  const set = new Set<string>(['root']);
  for (const s of train) for (const d of s.deprels) set.add(d);
  return [...set].sort();
}

export function evaluateParser(parser: Parser, sentences: readonly TreeSentence[]): DependencyScores {
  const tally = new DependencyTally();
  for (const s of sentences) tally.add(s, parser.parse(s.forms, s.upos, s.xpos));
  return tally.scores();
}

/** Trains in memory; with `dev`, keeps the epoch with the best dev LAS. */
export function trainParser(
  train: readonly TreeSentence[],
  dev: readonly TreeSentence[] | null,
  options: ParserTrainingOptions = {},
): ParserTrainingResult {
  const epochs = options.epochs ?? 12;
  const explore = options.explore ?? 0.9;
  const exploreFrom = options.exploreFrom ?? 1;
  const minWeight = options.minWeight ?? 0.75;
  const random = mulberry32(options.seed ?? 1);
  const labels = relationLabels(train);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const rootLabel = labelIndex.get('root')!;
  const transitions = new PerceptronTrainer(TRANSITIONS, 1 << 18);
  const relations = new PerceptronTrainer(labels.length, 1 << 15);
  const c = new Configuration();
  const featureSettings = {
    transitionFeatures: options.transitionFeatures ?? 56,
    labelFeatures: options.labelFeatures ?? 31,
  };
  c.transitionLimit = featureSettings.transitionFeatures;
  c.labelLimit = featureSettings.labelFeatures;
  const feats = new Uint32Array(MAX_TRANSITION_FEATURES);
  const labelFeats = new Uint32Array(MAX_LABEL_FEATURES);
  const scores = new Float32Array(TRANSITIONS);
  const labelScores = new Float32Array(labels.length);
  const costs = new Int32Array(TRANSITIONS);
  let gold = new Int32Array(256);
  let goldLabel = new Int32Array(256);
  let nonProjective = 0;
  for (const s of train) if (!isProjective(s.heads)) nonProjective++;

  const order = Array.from({ length: train.length }, (_, i) => i);
  const reports: EpochReport[] = [];
  let best: { parser: Parser; las: number; epoch: number } | null = null;

  for (let epoch = 0; epoch < epochs; epoch++) {
    const started = performance.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const exploring = epoch >= exploreFrom;
    for (const index of order) {
      const s = train[index]!;
      const n = s.forms.length;
      if (n === 0) continue;
      if (gold.length < n + 2) {
        gold = new Int32Array(2 * n + 2);
        goldLabel = new Int32Array(2 * n + 2);
      }
      for (let w = 0; w < n; w++) {
        gold[w + 1] = s.heads[w]!;
        goldLabel[w + 1] = labelIndex.get(s.deprels[w]!)!;
      }
      gold[0] = -1;
      c.reset(s.forms, s.upos, s.xpos);
      while (!c.isTerminal()) {
        const count = c.transitionFeatures(feats);
        transitions.score(feats, count, scores);
        transitionCosts(c, gold, costs);
        let predicted = -1;
        let minCost = INVALID;
        for (let t = 0; t < TRANSITIONS; t++) {
          if (costs[t]! >= INVALID) continue;
          if (predicted < 0 || scores[t]! > scores[predicted]!) predicted = t;
          if (costs[t]! < minCost) minCost = costs[t]!;
        }
        let bestGold = -1;
        for (let t = 0; t < TRANSITIONS; t++) {
          if (costs[t] === minCost && (bestGold < 0 || scores[t]! > scores[bestGold]!)) bestGold = t;
        }
        if (costs[predicted]! > minCost) {
          transitions.update(feats, count, bestGold, 1);
          transitions.update(feats, count, predicted, -1);
        }
        transitions.tick();
        const follow = exploring && random() < explore;
        const next = follow ? predicted : bestGold;
        let label = -1;
        if (next !== SHIFT) {
          const dep = c.top();
          const head = c.arcHead(next);
          if (head === 0) label = rootLabel;
          else {
            const lc = c.labelFeatures(dep, head, next, labelFeats);
            relations.score(labelFeats, lc, labelScores);
            let guess = -1;
            for (let l = 0; l < labels.length; l++) {
              if (l !== rootLabel && (guess < 0 || labelScores[l]! > labelScores[guess]!)) guess = l;
            }
            label = guess;
            if (gold[dep] === head) {
              const truth = goldLabel[dep]!;
              if (guess !== truth) {
                relations.update(labelFeats, lc, truth, 1);
                relations.update(labelFeats, lc, guess, -1);
              }
              relations.tick();
              if (!follow) label = truth;
            }
          }
        }
        c.apply(next, label);
      }
    }
    const parser = new Parser(
      labels,
      transitions.freeze(minWeight),
      relations.freeze(minWeight),
      featureSettings,
    );
    const devScores = dev ? evaluateParser(parser, dev) : null;
    const report: EpochReport = {
      epoch: epoch + 1,
      dev: devScores,
      seconds: (performance.now() - started) / 1000,
      transitionRows: transitions.rowCount,
      relationRows: relations.rowCount,
    };
    reports.push(report);
    options.onEpoch?.(report);
    const las = devScores ? devScores.las : epoch;
    if (!best || las > best.las) best = { parser, las, epoch: epoch + 1 };
  }
  if (!best) throw new Error('trainParser: no epochs');
  return {
    parser: best.parser,
    labels,
    bestEpoch: best.epoch,
    epochs: reports,
    nonProjective,
    sentences: train.length,
  };
}

export function readTreebank(file: string): TreeSentence[] {
  return parseConllu(readFileSync(file, 'utf8'), file).map(treeSentence);
}

/** Replaces the tags of `sentences` (what a tagger predicted), keeping the gold trees. */
export function withTags(
  sentences: readonly TreeSentence[],
  tags: readonly { upos: readonly string[]; xpos: readonly string[] }[],
): TreeSentence[] {
  return sentences.map((s, i) => ({ ...s, upos: tags[i]!.upos, xpos: tags[i]!.xpos }));
}

export function formatScores(s: DependencyScores): string {
  const f = (x: number) => (100 * x).toFixed(2);
  return `UAS ${f(s.uas)} LAS ${f(s.las)} CLAS ${f(s.clas)} fullLAS ${f(s.fullLas)}`;
}

export interface RunParserTrainingOptions extends ParserTrainingOptions {
  readonly dataDir?: string;
  readonly out?: string;
  /** Tags the parser is trained and measured on: gold treebank tags, or predicted (jackknifed). */
  readonly tags?: 'gold' | 'predicted';
  readonly folds?: number;
  readonly command?: string;
  readonly record?: boolean;
  /** A file outside the repo to keep the predicted tags in between runs (they take minutes). */
  readonly tagsCache?: string;
}

export interface RunParserTrainingResult {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly bestEpoch: number;
  readonly dev: DependencyScores;
  readonly test: DependencyScores;
  readonly nonProjective: number;
  readonly seconds: number;
}

/** Tags for train (jackknifed over folds) and dev/test (a tagger trained on all of train). */
export type Tagging = (
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  others: readonly (readonly ConlluSentence[])[],
  folds: number,
  log: (line: string) => void,
) => Promise<{ train: ConlluSentence[]; dev: ConlluSentence[]; others: ConlluSentence[][] }>;

export async function runParserTraining(
  options: RunParserTrainingOptions = {},
  tagging?: Tagging,
): Promise<RunParserTrainingResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const dir = options.dataDir ?? EWT_DIR;
  const files = ['en_ewt-ud-train.conllu', 'en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu'];
  const read = (file: string) => {
    const p = path.join(dir, file);
    return parseConllu(readFileSync(p, 'utf8'), p);
  };
  let trainC = read(files[0]!);
  let devC = read(files[1]!);
  let testC = read(files[2]!);
  const tags = options.tags ?? 'predicted';
  if (tags === 'predicted') {
    if (!tagging) throw new Error('runParserTraining: predicted tags need a tagging function');
    const cache = options.tagsCache;
    const tagged =
      cache && existsSync(cache)
        ? (JSON.parse(readFileSync(cache, 'utf8')) as Awaited<ReturnType<Tagging>>)
        : await tagging(trainC, devC, [devC, testC], options.folds ?? 4, log);
    if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(tagged));
    trainC = tagged.train;
    devC = tagged.others[0]!;
    testC = tagged.others[1]!;
  }
  const train = trainC.map(treeSentence);
  const dev = devC.map(treeSentence);
  const test = testC.map(treeSentence);
  log(`parser: ${train.length} train sentences, ${dev.length} dev, tags ${tags}`);
  const result = trainParser(train, dev, {
    ...options,
    onEpoch: (e) => {
      log(
        `parser epoch ${e.epoch}: dev ${e.dev ? formatScores(e.dev) : '-'} (${e.seconds.toFixed(1)} s, ${e.transitionRows} + ${e.relationRows} rows)`,
      );
      options.onEpoch?.(e);
    },
  });
  log(`parser: ${result.nonProjective} of ${result.sentences} training trees are non-projective`);
  const devScores = result.epochs[result.bestEpoch - 1]!.dev!;
  // Test is looked at once, after the epoch was chosen on dev.
  const testScores = evaluateParser(result.parser, test);
  log(
    `parser: best epoch ${result.bestEpoch}; dev ${formatScores(devScores)}; test ${formatScores(testScores)}`,
  );
  const out = options.out ?? path.join(MODELS_DIR, 'parser.bin');
  const settings = {
    system: 'arc-hybrid, dynamic oracle, greedy',
    explore: options.explore ?? 0.9,
    exploreFrom: options.exploreFrom ?? 1,
    minWeight: options.minWeight ?? 0.75,
    transitionFeatures: options.transitionFeatures ?? 56,
    labelFeatures: options.labelFeatures ?? 31,
    tags,
    folds: tags === 'predicted' ? (options.folds ?? 4) : 0,
  };
  const header: ParserHeader = { kind: 'sitrep-parser', version: 1, labels: result.labels, settings };
  const frozen = result.parser.models();
  const { bytes, sha256 } = writeModelFile(out, header, {
    ...perceptronArrays('transitions', frozen.transitions),
    ...perceptronArrays('relations', frozen.relations),
  });
  const round = (s: DependencyScores) => ({
    uas: Number(s.uas.toFixed(4)),
    las: Number(s.las.toFixed(4)),
    clas: Number(s.clas.toFixed(4)),
    fullLas: Number(s.fullLas.toFixed(4)),
  });
  if (options.record ?? true) {
    recordModel({
      file: path.basename(out),
      description: `Dependency parser (arc-hybrid, dynamic oracle, averaged perceptron), ${tags} tags; scores with ${tags} tags, gold tokenisation`,
      data: [{ ...UD_EWT, files }],
      command: options.command ?? 'node --import tsx src/nlp/train/train-parser.ts',
      seed: options.seed ?? 1,
      epochs: result.bestEpoch,
      scores: { dev: round(devScores), test: round(testScores) },
      bytes,
      sha256,
      trainedAt: new Date().toISOString().slice(0, 10),
      settings,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  log(`parser: wrote ${out} (${bytes} bytes) in ${seconds.toFixed(0)} s`);
  return {
    file: out,
    bytes,
    sha256,
    bestEpoch: result.bestEpoch,
    dev: devScores,
    test: testScores,
    nonProjective: result.nonProjective,
    seconds,
  };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function withoutOption(args: readonly string[], name: string): string[] {
  const i = args.indexOf(name);
  return i < 0 ? [...args] : [...args.slice(0, i), ...args.slice(i + 2)];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (name: string) => {
    const v = argValue(args, name);
    return v === undefined ? undefined : Number(v);
  };
  const tags = (argValue(args, '--tags') ?? 'predicted') as 'gold' | 'predicted';
  const tagging = tags === 'predicted' ? (await import('./jackknife.js')).jackknifeTags : undefined;
  await runParserTraining(
    {
      epochs: num('--epochs'),
      seed: num('--seed'),
      explore: num('--explore'),
      minWeight: num('--min-weight'),
      transitionFeatures: num('--transition-features'),
      labelFeatures: num('--label-features'),
      folds: num('--folds'),
      out: argValue(args, '--out'),
      tags,
      record: !args.includes('--no-record'),
      tagsCache: argValue(args, '--tags-cache'),
      // The cache is a local convenience (a path of this machine): not part of the recorded command.
      command:
        `node --import tsx src/nlp/train/train-parser.ts ${withoutOption(args, '--tags-cache').join(' ')}`.trim(),
    },
    tagging,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
