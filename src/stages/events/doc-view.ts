/**
 * A per-document index for the events stage: for every token, the actor mention, time, place and
 * quantity that covers it, and each sentence's token range. Built once per document in linear time
 * so that the finders can ask "which actor is at token i" in O(1).
 * Depends on core types only.
 */

import { tokenIndexAt } from '../../core/span.js';
import type {
  ActorMention,
  Attribution,
  Place,
  Quantity,
  Quote,
  SitrepDocument,
  TimeExpression,
  Token,
} from '../../core/types.js';

export type EventsInput =
  | 'sentences'
  | 'tokens'
  | 'actors'
  | 'times'
  | 'places'
  | 'quantities'
  | 'quotes'
  | 'attributions';

export interface MentionRef {
  readonly actor: string;
  readonly mention: ActorMention;
  /** First and last token the mention covers. */
  readonly first: number;
  readonly last: number;
}

export interface DocView {
  readonly doc: SitrepDocument<EventsInput>;
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Token range [first, last] of each sentence; [-1, -2] for a sentence without tokens. */
  readonly sentenceTokens: readonly (readonly [number, number])[];
  readonly mentions: readonly MentionRef[];
  /** Token index → index into `mentions`, or -1. */
  readonly mentionAt: Int32Array;
  readonly timeAt: Int32Array;
  readonly placeAt: Int32Array;
  readonly quantityAt: Int32Array;
  readonly times: readonly TimeExpression[];
  readonly places: readonly Place[];
  readonly quantities: readonly Quantity[];
  readonly quotes: readonly Quote[];
  readonly attributions: readonly Attribution[];
  readonly kindOf: ReadonlyMap<string, string>;
}

/** Index of the first token that ends after `offset`. */
export const tokenAtOrAfter = tokenIndexAt;

/** Marks the tokens a span covers with `value`; the earliest-listed span keeps a token. */
function mark(
  at: Int32Array,
  tokens: readonly Token[],
  span: { start: number; end: number },
  value: number,
): [number, number] {
  let i = tokenAtOrAfter(tokens, span.start);
  const first = i;
  let last = -1;
  for (; i < tokens.length && tokens[i]!.start < span.end; i++) {
    if (at[i] === -1) at[i] = value;
    last = i;
  }
  return [first, last];
}

export function buildDocView(doc: SitrepDocument<EventsInput>): DocView {
  const tokens = doc.layers.tokens;
  const n = tokens.length;
  const mentionAt = new Int32Array(n).fill(-1);
  const timeAt = new Int32Array(n).fill(-1);
  const placeAt = new Int32Array(n).fill(-1);
  const quantityAt = new Int32Array(n).fill(-1);

  const raw: { actor: string; mention: ActorMention }[] = [];
  const kindOf = new Map<string, string>();
  for (const a of doc.layers.actors) {
    kindOf.set(a.id, a.kind);
    for (const m of a.mentions) raw.push({ actor: a.id, mention: m });
  }
  // Longer mentions first, so that "North Korean" wins a token over a shorter overlapping mention.
  raw.sort((x, y) => x.mention.start - y.mention.start || y.mention.end - x.mention.end);
  const mentions: MentionRef[] = [];
  for (const r of raw) {
    const idx = mentions.length;
    const [first, last] = mark(mentionAt, tokens, r.mention, idx);
    if (last < first) continue;
    mentions.push({ actor: r.actor, mention: r.mention, first, last });
    // A mention that lost all its tokens to an overlapping one is useless; the index still holds.
    if (!mentionAt.subarray(first, last + 1).includes(idx)) mentions.pop();
  }
  doc.layers.times.forEach((t, i) => {
    mark(timeAt, tokens, t, i);
  });
  doc.layers.places.forEach((p, i) => {
    mark(placeAt, tokens, p, i);
  });
  doc.layers.quantities.forEach((q, i) => {
    mark(quantityAt, tokens, q, i);
  });

  const sentenceTokens: [number, number][] = doc.layers.sentences.map(() => [-1, -2]);
  for (let i = 0; i < n; i++) {
    const s = tokens[i]!.sentence;
    const r = sentenceTokens[s];
    if (!r) continue;
    if (r[0] === -1) r[0] = i;
    r[1] = i;
  }

  return {
    doc,
    text: doc.text,
    tokens,
    sentenceTokens,
    mentions,
    mentionAt,
    timeAt,
    placeAt,
    quantityAt,
    times: doc.layers.times,
    places: doc.layers.places,
    quantities: doc.layers.quantities,
    quotes: doc.layers.quotes,
    attributions: doc.layers.attributions,
    kindOf,
  };
}
