/**
 * The `tokens` stage: sentences and words as UD English (EWT) segments them (src/nlp/tokenizer.ts,
 * linear time on any input), each word tagged with its universal and Penn part of speech and its
 * lemma by the trained models in data/models (src/nlp/tagger.ts, lemmatizer.ts). Sentences never
 * cross a paragraph break (a line break: news reduced from HTML puts paragraphs on lines).
 * wink-nlp's tokenization, which this stage used before, is kept as an eval peer (src/eval/peers/wink-tokens.ts).
 * Depends on core, the stage contract and the nlp models; never on store, CLI or HTTP.
 */

import type { Sentence, SitrepDocument, Token } from '../../core/types.js';
import { loadNormalForms } from '../../data/syntax.js';
import { defaultLemmatizer, type Lemmatizer } from '../../nlp/lemmatizer.js';
import { defaultTagger, type Tagger } from '../../nlp/tagger.js';
import { segment } from '../../nlp/tokenizer.js';
import type { Stage } from '../../pipeline/stage.js';

/** Start offsets of paragraphs: blocks separated by a line break (blank lines between count once). */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    let next = i + 1;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    starts.push(next);
    i = text.indexOf('\n', next);
  }
  return starts;
}

export interface TokenModels {
  readonly tagger: Tagger;
  readonly lemmatizer: Lemmatizer;
  readonly normalForms: ReadonlyMap<string, string>;
}

function defaultModels(): TokenModels {
  return { tagger: defaultTagger(), lemmatizer: defaultLemmatizer(), normalForms: loadNormalForms() };
}

/** The lower-cased form with straight apostrophes, or the spelt-out form of a clitic. */
function normalOf(form: string, normalForms: ReadonlyMap<string, string>): string {
  const lower = form.toLowerCase();
  return normalForms.get(lower) ?? (lower.includes('’') ? lower.replaceAll('’', "'") : lower);
}

export function tokenize(
  text: string,
  models: TokenModels = defaultModels(),
): { sentences: Sentence[]; tokens: Token[] } {
  const seg = segment(text);
  const paras = paragraphStarts(text);
  let para = 0;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const sentenceCount = seg.sentenceStarts.length - 1;
  for (let s = 0; s < sentenceCount; s++) {
    const first = seg.sentenceStarts[s]!;
    const end = seg.sentenceStarts[s + 1]!;
    if (end <= first) continue;
    const start = seg.starts[first]!;
    const stop = seg.ends[end - 1]!;
    while (para + 1 < paras.length && paras[para + 1]! <= start) para++;
    const forms: string[] = [];
    for (let i = first; i < end; i++) forms.push(text.slice(seg.starts[i]!, seg.ends[i]!));
    const { upos, xpos } = models.tagger.tag(forms);
    const index = sentences.length;
    sentences.push({ index, start, end: stop, text: text.slice(start, stop), paragraph: para });
    for (let k = 0; k < forms.length; k++) {
      const i = first + k;
      const form = forms[k]!;
      const next = i + 1 < seg.starts.length ? seg.starts[i + 1]! : text.length;
      tokens.push({
        index: tokens.length,
        start: seg.starts[i]!,
        end: seg.ends[i]!,
        text: form,
        pos: upos[k]!,
        xpos: xpos[k]!,
        normal: normalOf(form, models.normalForms),
        lemma: models.lemmatizer.lemma(form, upos[k]!, xpos[k]!),
        sentence: index,
        spaceAfter: next > seg.ends[i]!,
      });
    }
  }
  return { sentences, tokens };
}

export function createTokensStage(models?: TokenModels): Stage<never, 'sentences' | 'tokens'> {
  let loaded = models ?? null;
  return {
    name: 'tokens',
    version: 2,
    requires: [],
    provides: ['sentences', 'tokens'],
    run(doc: SitrepDocument) {
      loaded ??= defaultModels();
      return tokenize(doc.text, loaded);
    },
  };
}
