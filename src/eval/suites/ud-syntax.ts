/**
 * What the `pos` and `parse` suites share: both score Sitrep's syntax models on UD English EWT (the
 * training treebank's dev or test split) and on GUM's Wikinews documents (news, never trained on), in
 * two modes as the CoNLL 2018 shared task does.
 *
 * - Gold tokenisation: the tagger, lemmatizer and parser get each gold sentence's words; scores are
 *   accuracies (`upos`, `xpos`, `lemmas`; `uas`, `las`, `clas` with predicted tags).
 * - Raw text (`raw_*`): each document's raw text goes through the tokens and syntax stages exactly as
 *   `sitrep extract` runs them; system words are aligned to gold words by character span and every
 *   metric is an F1 over aligned words (src/eval/score/conll18.ts), beside Tokens and Sentences F1.
 *
 * The peer is wink-nlp's tokens stage (the one Sitrep used before): tokens, sentences, UPOS and
 * lemmas in raw mode; it has no XPOS and no parser.
 */
import path from 'node:path';
import type { Token } from '../../core/types.js';
import { DependencyTally } from '../../nlp/dependency-score.js';
import { defaultLemmatizer, type Lemmatizer } from '../../nlp/lemmatizer.js';
import { joinsPrevious } from '../../nlp/multiword.js';
import { defaultParser, type Parser } from '../../nlp/parser.js';
import { type Span, spanF1 } from '../../nlp/segmentation-score.js';
import { defaultTagger, type Tagger } from '../../nlp/tagger.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { parseDocument } from '../../stages/syntax/index.js';
import { tokenize } from '../../stages/tokens/index.js';
import { tokenize as winkTokenize } from '../peers/wink-tokens.js';
import { readUdCorpus, type UdCorpus, type UdDocument, udCorpora } from '../readers/ud.js';
import { Conll18Tally, type SpanWords } from '../score/conll18.js';
import type { EvalMiss, EvalOptions, EvalResult } from '../suite.js';

export type SyntaxTask = 'pos' | 'parse';

interface Models {
  readonly tagger: Tagger;
  readonly lemmatizer: Lemmatizer;
  readonly parser: Parser | null;
}

/** Keeps the first `max` misses, each with its sentence and the word marked. */
class Misses {
  readonly list: EvalMiss[] = [];
  constructor(private readonly max: number) {}
  get full(): boolean {
    return this.list.length >= this.max;
  }
  add(kind: string, expected: string, got: string, forms: readonly string[], at: number): void {
    if (this.full) return;
    const context = forms.map((f, i) => (i === at ? `[${f}]` : f)).join(' ');
    this.list.push({ kind, expected, got, context });
  }
}

/** Gold tokenisation: each gold sentence's words tagged, lemmatized and parsed. */
function scoreGoldTokens(
  docs: readonly UdDocument[],
  models: Models,
  misses: Misses | null,
): Record<string, number> {
  let words = 0;
  let upos = 0;
  let xpos = 0;
  let lemmas = 0;
  const deps = new DependencyTally();
  for (const d of docs) {
    const g = d.words;
    for (const s of d.sentences) {
      const tags = models.tagger.tag(s.forms);
      const lem = s.forms.map((f, i) => models.lemmatizer.lemma(f, tags.upos[i]!, tags.xpos[i]!));
      for (let i = 0; i < s.forms.length; i++) {
        const w = s.firstWord + i;
        words++;
        if (tags.upos[i] === g.upos[w]) upos++;
        else if (models.parser === null) misses?.add('upos', g.upos[w]!, tags.upos[i]!, s.forms, i);
        if (tags.xpos[i] === g.xpos[w]) xpos++;
        if (lem[i] === g.lemmas[w]) lemmas++;
      }
      if (models.parser === null) continue;
      const parse = models.parser.parse(s.forms, tags.upos, tags.xpos, lem);
      const n = s.forms.length;
      const goldHeads = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const h = g.heads[s.firstWord + i]!;
        goldHeads[i] = h < 0 ? 0 : h - s.firstWord + 1;
      }
      const goldRels = g.deprels.slice(s.firstWord, s.firstWord + n);
      deps.add({ heads: goldHeads, deprels: goldRels }, parse);
      if (misses && !misses.full) {
        for (let i = 0; i < n; i++) {
          if (goldHeads[i] !== parse.heads[i] || goldRels[i] !== parse.deprels[i]) {
            const headForm = (h: number) => (h === 0 ? 'ROOT' : s.forms[h - 1]!);
            misses.add(
              'attachment',
              `${goldRels[i]} <- ${headForm(goldHeads[i]!)}`,
              `${parse.deprels[i]} <- ${headForm(parse.heads[i]!)}`,
              s.forms,
              i,
            );
          }
        }
      }
    }
  }
  const ratio = (a: number) => (words === 0 ? 0 : a / words);
  if (models.parser === null) return { upos: ratio(upos), xpos: ratio(xpos), lemmas: ratio(lemmas) };
  const d = deps.scores();
  return { uas: d.uas, las: d.las, clas: d.clas, las_full: d.fullLas };
}

function spans(tokens: readonly Span[]): Span[] {
  return tokens.map((t) => ({ start: t.start, end: t.end }));
}

/** A stage's words as surface tokens, contractions joined as EWT's multiword tokens (src/nlp/multiword.ts). */
function surfaceSpans(text: string, tokens: readonly Token[]): Span[] {
  const starts = tokens.map((t) => t.start);
  const ends = tokens.map((t) => t.end);
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const sameSentence = i > 0 && tokens[i]!.sentence === tokens[i - 1]!.sentence;
    if (sameSentence && joinsPrevious(text, starts, ends, i)) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = { start: last.start, end: ends[i]! };
    } else {
      out.push({ start: starts[i]!, end: ends[i]! });
    }
  }
  return out;
}

/** A stage's tokens (and parse) as span words for the aligned scorer. */
function spanWordsOf(
  tokens: readonly Token[],
  heads: readonly number[] | null,
  deprels: readonly string[],
): SpanWords {
  const n = tokens.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = tokens[i]!.start;
    ends[i] = tokens[i]!.end;
  }
  return {
    starts,
    ends,
    upos: tokens.map((t) => t.pos),
    xpos: tokens.map((t) => t.xpos ?? ''),
    lemmas: tokens.map((t) => t.lemma),
    heads: heads ? Int32Array.from(heads) : new Int32Array(0),
    deprels,
  };
}

interface SpanTotals {
  gold: number;
  system: number;
  correct: number;
}

function addSpans(total: SpanTotals, gold: readonly Span[], system: readonly Span[], text: string): void {
  const s = spanF1(gold, system, text);
  total.gold += s.gold;
  total.system += s.system;
  total.correct += s.correct;
}

const f1 = (t: SpanTotals) => (t.gold + t.system === 0 ? 0 : (2 * t.correct) / (t.gold + t.system));

/** Raw text: the tokens (and syntax) stages on each document's text, aligned to gold by characters. */
function scoreRawText(
  docs: readonly UdDocument[],
  parser: Parser | null,
  withPeer: boolean,
): { sitrep: Record<string, number>; peer: Record<string, number> } {
  const ours = new Conll18Tally();
  const wink = new Conll18Tally();
  const tokens = { gold: 0, system: 0, correct: 0 };
  const sentences = { gold: 0, system: 0, correct: 0 };
  const peerTokens = { gold: 0, system: 0, correct: 0 };
  const peerSentences = { gold: 0, system: 0, correct: 0 };
  for (const d of docs) {
    const layers = tokenize(d.text);
    let heads: readonly number[] | null = null;
    let deprels: readonly string[] = [];
    if (parser) {
      const doc = { ...createDocument(d.text), layers };
      const syntax = parseDocument(doc, parser);
      heads = syntax.heads;
      deprels = syntax.deprels;
    }
    ours.add(d.words, spanWordsOf(layers.tokens, heads, deprels));
    addSpans(tokens, d.tokens, surfaceSpans(d.text, layers.tokens), d.text);
    addSpans(sentences, d.sentenceSpans, spans(layers.sentences), d.text);
    if (!withPeer) continue;
    const w = winkTokenize(d.text);
    wink.add({ ...d.words, heads: new Int32Array(0), deprels: [] }, spanWordsOf(w.tokens, null, []));
    addSpans(peerTokens, d.tokens, surfaceSpans(d.text, w.tokens), d.text);
    addSpans(peerSentences, d.sentenceSpans, spans(w.sentences), d.text);
  }
  const o = ours.scores();
  const split = { raw_tokens_f1: f1(tokens), raw_sentences_f1: f1(sentences), raw_words_f1: o.words };
  const sitrep: Record<string, number> = parser
    ? { ...split, raw_uas: o.uas, raw_las: o.las, raw_clas: o.clas }
    : { ...split, raw_upos: o.upos, raw_xpos: o.xpos, raw_lemmas: o.lemmas };
  const p = wink.scores();
  const peer: Record<string, number> = withPeer
    ? {
        raw_tokens_f1: f1(peerTokens),
        raw_sentences_f1: f1(peerSentences),
        raw_words_f1: p.words,
        ...(parser ? {} : { raw_upos: p.upos, raw_lemmas: p.lemmas }),
      }
    : {};
  return { sitrep, peer };
}

function prefixed(metrics: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** `gum-news` → `gum_news_`; the first corpus (EWT) is unprefixed. */
function prefixOf(corpus: UdCorpus, first: boolean): string {
  return first ? '' : `${corpus.name.replace(/[^a-z0-9]+/g, '_')}_`;
}

export const PUBLISHED_ANCHORS =
  'Published, not measured here: UDPipe 1.2 on UD 2.3 EWT test, gold tokenisation UPOS 94.4, UAS 84.5, LAS 81.2; raw text LAS 77.5. spaCy en_core_web_trf (transformer, GPU-class) on EWT: UPOS 96.9, UAS 91.9, LAS 89.4.';

export function runSyntaxSuite(
  task: SyntaxTask,
  name: string,
  headline: string,
  options: EvalOptions,
): EvalResult {
  const started = performance.now();
  const models: Models = {
    tagger: defaultTagger(),
    lemmatizer: defaultLemmatizer(),
    parser: task === 'parse' ? defaultParser() : null,
  };
  const misses = options.errors > 0 ? new Misses(options.errors) : null;
  const metrics: Record<string, number> = {};
  const peer: Record<string, number> = {};
  const files: string[] = [];
  let n = 0;
  udCorpora(options.split).forEach((corpus, i) => {
    const docs = readUdCorpus(options.dataDir, corpus, options.limit);
    files.push(...corpus.files);
    const prefix = prefixOf(corpus, i === 0);
    const sentences = docs.reduce((sum, d) => sum + d.sentences.length, 0);
    const words = docs.reduce((sum, d) => sum + d.words.forms.length, 0);
    if (i === 0) n = sentences;
    Object.assign(metrics, prefixed(scoreGoldTokens(docs, models, i === 0 ? misses : null), prefix));
    const raw = scoreRawText(docs, models.parser, true);
    Object.assign(metrics, prefixed(raw.sitrep, prefix));
    // Counts keep the `n_` lead that marks them as counts, not fractions.
    Object.assign(metrics, { [`n_${prefix}sentences`]: sentences, [`n_${prefix}words`]: words });
    Object.assign(peer, prefixed(raw.peer, prefix));
  });
  const what =
    task === 'pos'
      ? '`upos`, `xpos`, `lemmas`: accuracy with gold tokenisation (the tagger and lemmatizer get the gold words).'
      : '`uas`, `las`, `clas`: CoNLL 2018 attachment scores with gold tokenisation and predicted tags and lemmas (relations compared by their universal part; `las_full` compares subtypes too, which events need).';
  return {
    suite: name,
    split: options.split,
    n,
    metrics,
    peer: { name: 'wink-nlp tokens stage (previous Sitrep)', metrics: peer },
    seconds: (performance.now() - started) / 1000,
    misses: misses?.list ?? [],
    headline,
    files: files.map((f) => f.split(path.sep).join('/')),
    notes: [
      `n = EWT sentences. Unprefixed metrics: UD English EWT ${options.split}; \`gum_news_*\`: GUM's Wikinews documents (${options.split === 'test' ? 'all three files together: none is trained on' : `its ${options.split} file`}), news out of the training domain.`,
      what,
      "`raw_*`: the raw text (rebuilt as UD conllu_to_text does) through the tokens and syntax stages as `sitrep extract` runs them; system words aligned to gold words by character span (CoNLL 2018), every metric an F1 over words; Tokens and Sentences F1 compare spans on non-whitespace characters. A multiword token (`don't`) is one gold token; system words are joined into one where EWT makes a multiword token of them (src/nlp/multiword.ts), for Sitrep and the peer alike.",
      "Peer: wink-nlp's tokens stage, raw mode only (it has no XPOS and no parser).",
      PUBLISHED_ANCHORS,
    ],
  };
}
