/**
 * Certainty and polarity of a stretch of text (a clause or a sentence), from the cue lists in
 * data/quotes/modality.tsv: hedges ("likely", "were believed to", "may"), future and plans ("will",
 * "plans to", "later this week"), conditionals ("if", "unless"), negation ("did not", "no", "denied")
 * and refusals to vouch ("stopped short of confirming", "could not verify"). Shared with the events
 * stage, which calls it for every event. Pure; depends on core types and the quotes data only.
 */
import type { Certainty, Polarity, SitrepDocument } from '../../core/types.js';
import { loadQuotesData, type QuotesData } from '../../data/quotes.js';
import { matchCueAt, tokenIndexAt } from './cue-match.js';

/** A cue that fired, as text of the document, with the row that made it fire. */
export interface ModalityCue {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** hedge | future | conditional | negation | unconfirmed (the row's kind). */
  readonly kind: string;
  /** The certainty or polarity the cue gives. */
  readonly value: string;
  /** The data row, `modality.tsv:<line>`. */
  readonly rule: string;
}

export interface Modality {
  readonly certainty: Certainty;
  readonly polarity: Polarity;
  readonly cues: readonly ModalityCue[];
}

/**
 * The stretch to assess. `focus` (optional) is the word the caller asks about, e.g. an event's trigger:
 * then a cue overlapping the focus is ignored (a "deny" event is not negated by its own verb) and,
 * after the focus, only conditional cues count ("they are co-belligerents if ..."), since hedges and
 * negation in English precede what they govern.
 */
export interface ModalitySpan {
  readonly start: number;
  readonly end: number;
  readonly focus?: { readonly start: number; readonly end: number };
}

/**
 * When several certainty cues fire, the one that commits the text least wins: a condition outweighs a
 * possibility, which outweighs hearsay, then probability, then a plan ("will likely meet" is likely).
 */
const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = {
  asserted: 0,
  planned: 1,
  likely: 2,
  believed: 3,
  possible: 4,
  conditional: 5,
};
/** A refusal to confirm is reported as unconfirmed even when a plain negation also fired. */
const POLARITY_RANK: Readonly<Record<Polarity, number>> = { positive: 0, negative: 1, unconfirmed: 2 };

function isCertainty(v: string): v is Certainty {
  return Object.hasOwn(CERTAINTY_RANK, v);
}
function isPolarity(v: string): v is Polarity {
  return Object.hasOwn(POLARITY_RANK, v);
}

/**
 * Certainty and polarity of `span` of the document, with the cues that decided them. Cues are matched
 * longest first, left to right, over the tokens inside the span; `ignore` rows ("not only", "according
 * to") consume their words so that the shorter cue inside them does not fire.
 */
export function assessModality(
  doc: SitrepDocument<'tokens' | 'sentences'>,
  span: ModalitySpan,
  data: Pick<QuotesData, 'modality'> = loadQuotesData(),
): Modality {
  const tokens = doc.layers.tokens;
  let certainty: Certainty = 'asserted';
  let polarity: Polarity = 'positive';
  const cues: ModalityCue[] = [];
  let limit = tokenIndexAt(tokens, span.end);
  while (limit > 0 && tokens[limit - 1]!.end > span.end) limit--;
  let i = tokenIndexAt(tokens, span.start);
  while (i < limit && tokens[i]!.start < span.start) i++;
  const focus = span.focus;
  while (i < limit) {
    const m = matchCueAt(data.modality, tokens, i, limit);
    if (!m) {
      i++;
      continue;
    }
    i = m.last;
    const { kind, value } = m.row;
    if (kind === 'ignore') continue;
    const start = tokens[m.first]!.start;
    const end = tokens[m.last - 1]!.end;
    if (focus) {
      if (start < focus.end && focus.start < end) continue;
      if (start >= focus.end && kind !== 'conditional') continue;
    }
    cues.push({ text: doc.text.slice(start, end), start, end, kind, value, rule: m.row.rule });
    if (isCertainty(value) && CERTAINTY_RANK[value] > CERTAINTY_RANK[certainty]) certainty = value;
    if (isPolarity(value) && POLARITY_RANK[value] > POLARITY_RANK[polarity]) polarity = value;
  }
  return { certainty, polarity, cues };
}
