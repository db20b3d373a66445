/**
 * Universal Dependencies treebanks as evaluation documents: each `# newdoc` becomes one raw text
 * built as UD's conllu_to_text does (src/nlp/segmentation-score.ts `rawTextOf`), with the character
 * spans of its gold tokens, words and sentences, so a system run on the raw text is aligned back to
 * gold by characters, and the gold words with their tags and tree (heads document-wide) for scoring.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SitrepError } from '../../core/errors.js';
import { type ConlluSentence, commentOf, parseConllu } from '../../nlp/conllu.js';
import { rawTextOf, type Span } from '../../nlp/segmentation-score.js';
import type { SpanWords } from '../score/conll18.js';
import type { Split } from '../suite.js';

export interface UdSentence {
  /** The gold words' forms, as a tagger with gold tokenisation gets them. */
  readonly forms: readonly string[];
  /** Index of the sentence's first word in the document's word arrays. */
  readonly firstWord: number;
}

export interface UdDocument {
  readonly id: string;
  readonly text: string;
  /** Gold surface tokens (a multiword token such as `don't` is one). */
  readonly tokens: readonly Span[];
  readonly sentenceSpans: readonly Span[];
  readonly sentences: readonly UdSentence[];
  /** Gold words over `text`, heads as document word indices. */
  readonly words: SpanWords & { readonly forms: readonly string[] };
}

function spanArrays(spans: readonly Span[]): [Int32Array, Int32Array] {
  const starts = new Int32Array(spans.length);
  const ends = new Int32Array(spans.length);
  spans.forEach((s, i) => {
    starts[i] = s.start;
    ends[i] = s.end;
  });
  return [starts, ends];
}

/** One document's sentences as raw text with its gold spans and words (heads document-wide). */
export function udDocument(id: string, sentences: readonly ConlluSentence[]): UdDocument {
  const raw = rawTextOf(sentences);
  const forms: string[] = [];
  const upos: string[] = [];
  const xpos: string[] = [];
  const lemmas: string[] = [];
  const heads: number[] = [];
  const deprels: string[] = [];
  const out: UdSentence[] = [];
  for (const s of sentences) {
    const firstWord = forms.length;
    for (const w of s.words) {
      forms.push(w.form);
      upos.push(w.upos);
      xpos.push(w.xpos);
      lemmas.push(w.lemma);
      heads.push(w.head === 0 ? -1 : firstWord + w.head - 1);
      deprels.push(w.deprel);
    }
    out.push({ forms: s.words.map((w) => w.form), firstWord });
  }
  const [starts, ends] = spanArrays(raw.words);
  return {
    id,
    text: raw.text,
    tokens: raw.tokens,
    sentenceSpans: raw.sentences,
    sentences: out,
    words: { starts, ends, forms, upos, xpos, lemmas, heads: Int32Array.from(heads), deprels },
  };
}

/** Documents of CoNLL-U sentences, split at `# newdoc`; at most `limit` sentences in all. */
export function udDocuments(sentences: readonly ConlluSentence[], limit: number | null = null): UdDocument[] {
  const docs: UdDocument[] = [];
  const take = limit === null ? sentences.length : Math.min(limit, sentences.length);
  let from = 0;
  const flush = (to: number) => {
    if (to <= from) return;
    const first = sentences[from]!;
    const id = commentOf(first, 'newdoc id') ?? commentOf(first, 'sent_id') ?? `doc-${docs.length + 1}`;
    docs.push(udDocument(id, sentences.slice(from, to)));
    from = to;
  };
  for (let i = 0; i < take; i++) {
    if (i > from && sentences[i]!.comments.some(([k]) => k.startsWith('newdoc'))) flush(i);
  }
  flush(take);
  return docs;
}

/** A treebank's files for a split: EWT's own split; GUM news all three files for test (see the suites). */
export interface UdCorpus {
  /** Metric prefix and report name: `ewt`, `gum-news`. */
  readonly name: string;
  /** Files relative to the data dir. */
  readonly files: readonly string[];
}

export const EWT_FOLDER = 'ud-english-ewt';
export const GUM_NEWS_FOLDER = 'ud-english-gum-news';

/**
 * EWT by its split; GUM news (never trained on: the models learn from EWT only) as a test set made
 * of all three of its files, its dev file alone for --split dev, its train file for --split train.
 */
export function udCorpora(split: Split): UdCorpus[] {
  const gum = (s: string) => path.join(GUM_NEWS_FOLDER, `en_gum-news-${s}.conllu`);
  return [
    { name: 'ewt', files: [path.join(EWT_FOLDER, `en_ewt-ud-${split}.conllu`)] },
    {
      name: 'gum-news',
      files: split === 'test' ? [gum('train'), gum('dev'), gum('test')] : [gum(split)],
    },
  ];
}

/** Reads a corpus's files (in order) into documents, at most `limit` sentences per corpus. */
export function readUdCorpus(dataDir: string, corpus: UdCorpus, limit: number | null): UdDocument[] {
  const sentences: ConlluSentence[] = [];
  for (const f of corpus.files) {
    const file = path.join(dataDir, f);
    if (!existsSync(file)) {
      throw new SitrepError('INPUT_NOT_FOUND', `${file} not found (use --data DIR)`, { input: file });
    }
    sentences.push(...parseConllu(readFileSync(file, 'utf8'), f));
  }
  return udDocuments(sentences, limit);
}
