/**
 * Shallow syntax over wink's tokens, just enough to find an event's arguments without a parser: the
 * noun phrase before a verb (its subject), the object window after it, passives and their agents,
 * relative clauses, coordination and clause-blocking verbs. Works on token indices within one
 * sentence; every walk is bounded, so the cost per trigger is constant.
 * Depends on core types and the document view only.
 */
import type { Token } from '../../core/types.js';
import type { DocView } from './doc-view.js';

const AUX_LIKE = new Set(['AUX', 'ADV']);
const TIME_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'since', 'by']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const RELATIVE = new Set(['which', 'who', 'that', 'whom']);
/** Verbs that do not start a new clause for argument purposes ("including", "according to"). */
const NON_BLOCKING_VERBS = new Set(['include', 'accord', 'use', 'base', 'involve']);
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PART', 'X', 'SYM']);
const NP_PUNCT = new Set(['-', '.', '’', "'", '“', '”', '"', '&']);
const PARTICIPLE_END = /(ed|en|wn|ne|ng|ht|lt|pt|nt|id|ld|ck|de|ue)$/;

export interface Subject {
  /** Token range [first, last] of the subject noun phrase; first > last when none. */
  readonly first: number;
  readonly last: number;
  /** Actor ids of the coordinated heads ("Pyongyang and Moscow" → two), in text order. */
  readonly heads: readonly string[];
  /** Indices into `view.mentions` of the heads. */
  readonly headMentions: readonly number[];
  /** How it was found: the noun phrase before the verb, a relative clause's antecedent, or the
   *  subject of the sentence (coordinated verb phrase, purpose clause). */
  readonly via: 'np' | 'relative' | 'sentence' | 'none';
}

export const NO_SUBJECT: Subject = { first: 0, last: -1, heads: [], headMentions: [], via: 'none' };

export function isPunct(t: Token, chars = ',;:.!?()[]—–'): boolean {
  return t.pos === 'PUNCT' && chars.includes(t.text);
}

/** A verb that starts a new predicate, so arguments do not attach across it. */
export function isBlockingVerb(view: DocView, i: number): boolean {
  const t = view.tokens[i]!;
  if (t.pos !== 'VERB') return false;
  if (NON_BLOCKING_VERBS.has(t.lemma)) return false;
  const prev = view.tokens[i - 1];
  // "U.S.-provided weapons": a participle glued to a modifier is an adjective.
  if (prev && prev.text === '-' && !prev.spaceAfter) return false;
  return true;
}

/** The actor heads of a noun phrase [first, last], split at "and" / "or" / commas between names. */
function headsOf(view: DocView, first: number, last: number): { heads: string[]; mentions: number[] } {
  const conjuncts: [number, number][] = [];
  let from = first;
  for (let i = first; i <= last; i++) {
    const t = view.tokens[i]!;
    if (t.pos === 'CCONJ' || (t.text === ',' && i > from)) {
      if (i > from) conjuncts.push([from, i - 1]);
      from = i + 1;
    }
  }
  if (from <= last) conjuncts.push([from, last]);
  const heads: string[] = [];
  const mentions: number[] = [];
  for (const [a, b] of conjuncts) {
    // The head of "Russia's Foreign Minister Sergey Lavrov" is the last actor named.
    let pick = -1;
    for (let i = b; i >= a; i--) {
      const m = view.mentionAt[i]!;
      if (m >= 0) {
        pick = m;
        break;
      }
    }
    if (pick >= 0 && !heads.includes(view.mentions[pick]!.actor)) {
      heads.push(view.mentions[pick]!.actor);
      mentions.push(pick);
    }
  }
  return { heads, mentions };
}

/** Walks back over a noun phrase ending at `end` (inclusive); returns its first token. */
export function npStart(view: DocView, end: number, floor: number): number {
  let i = end;
  let sawNoun = false;
  while (i >= floor) {
    const t = view.tokens[i]!;
    if (view.mentionAt[i]! >= 0) {
      i--;
      sawNoun = true;
      continue;
    }
    if (t.pos === 'PRON' && RELATIVE.has(t.normal)) break;
    if (t.pos === 'PRON') {
      // A personal pronoun is a whole subject ("He"); a possessive ("their") opens a phrase.
      i--;
      break;
    }
    if (NP_POS.has(t.pos) || (t.pos === 'PUNCT' && NP_PUNCT.has(t.text))) {
      if (t.pos === 'NOUN' || t.pos === 'PROPN') sawNoun = true;
      i--;
      continue;
    }
    // "Russian aircraft including helicopter gunships": an inclusion does not end the phrase.
    if (t.pos === 'VERB' && t.lemma === 'include' && sawNoun) {
      i--;
      continue;
    }
    if (t.pos === 'ADP' && t.normal === 'of' && sawNoun) {
      i--;
      continue;
    }
    if (t.pos === 'CCONJ' && (t.normal === 'and' || t.normal === 'or') && sawNoun) {
      // Only coordinate noun phrases, not clauses: the word before must be nominal.
      const p = view.tokens[i - 1];
      if (p && (view.mentionAt[i - 1]! >= 0 || p.pos === 'PROPN' || p.pos === 'NOUN')) {
        i--;
        continue;
      }
    }
    break;
  }
  return i + 1;
}

/**
 * Skips auxiliaries, adverbs, negation and a time between subject and verb ("Russia on Tuesday
 * launched") leftwards from `i`; returns the first index not skipped.
 */
function skipAux(view: DocView, i: number, floor: number): number {
  while (i >= floor) {
    const t = view.tokens[i]!;
    if (AUX_LIKE.has(t.pos) || NEGATORS.has(t.normal) || t.normal === 'likely' || t.normal === 'also') {
      i--;
      continue;
    }
    if (view.timeAt[i]! >= 0 && view.mentionAt[i]! < 0) {
      const ti = view.timeAt[i]!;
      while (i >= floor && view.timeAt[i] === ti) i--;
      if (i >= floor && TIME_PREPOSITIONS.has(view.tokens[i]!.normal)) i--;
      continue;
    }
    break;
  }
  return i;
}

/** Is the verb at `i` passive ("were deployed", "weapons provided by")? */
export function isPassive(view: DocView, i: number, floor: number): boolean {
  const t = view.tokens[i]!;
  const next = view.tokens[i + 1];
  if (next && next.normal === 'by' && t.normal !== t.lemma) return true;
  if (!PARTICIPLE_END.test(t.normal) || t.normal === t.lemma) return false;
  let j = i - 1;
  while (j >= floor && (view.tokens[j]!.pos === 'ADV' || NEGATORS.has(view.tokens[j]!.normal))) j--;
  const aux = view.tokens[j];
  return !!aux && j >= floor && (aux.lemma === 'be' || aux.lemma === 'get') && aux.normal !== 'being';
}

/** The agent of a passive: the actor after "by", or the modifier glued before "-provided". */
export function passiveAgent(view: DocView, i: number, last: number): number {
  const prev = view.tokens[i - 1];
  if (prev && prev.text === '-' && view.mentionAt[i - 2]! >= 0) return view.mentionAt[i - 2]!;
  for (let j = i + 1; j <= Math.min(last, i + 3); j++) {
    if (view.tokens[j]!.normal === 'by') {
      for (let k = j + 1; k <= Math.min(last, j + 5); k++) {
        if (view.mentionAt[k]! >= 0) return view.mentionAt[k]!;
        if (isPunct(view.tokens[k]!) || isBlockingVerb(view, k)) break;
      }
    }
  }
  return -1;
}

/** The subject of the sentence: the noun phrase before its first verb that names an actor. */
export function sentenceSubject(view: DocView, first: number, last: number, before: number): Subject {
  for (let i = first; i <= Math.min(last, before); i++) {
    const t = view.tokens[i]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    const end = skipAux(view, i - 1, first);
    const start = npStart(view, end, first);
    const { heads, mentions } = headsOf(view, start, end);
    if (heads.length) return { first: start, last: end, heads, headMentions: mentions, via: 'sentence' };
    return NO_SUBJECT;
  }
  return NO_SUBJECT;
}

/**
 * The subject of the verb at `i` within the sentence [first, last]: the noun phrase right before it
 * (skipping auxiliaries), the antecedent of "X, which has ...", or — for a coordinated verb phrase
 * ("..., and were believed to be heading") or a purpose clause ("troops to Russia to train") — the
 * sentence's subject.
 */
export function subjectOf(view: DocView, i: number, first: number, last: number): Subject {
  let end = skipAux(view, i - 1, first);
  const t = view.tokens[end];
  if (!t || end < first) return NO_SUBJECT;
  // "agreed to meet", "is keen to reshape": the subject of the governing predicate.
  if (t.normal === 'to' && t.pos === 'PART') {
    let j = end - 1;
    const gov = view.tokens[j];
    if (gov && (gov.pos === 'VERB' || gov.pos === 'ADJ' || gov.pos === 'AUX')) {
      while (j >= first && ['VERB', 'ADJ', 'AUX', 'ADV'].includes(view.tokens[j]!.pos)) j--;
      end = skipAux(view, j, first);
    } else {
      return sentenceSubject(view, first, last, i);
    }
  }
  const u = view.tokens[end];
  if (!u || end < first) return NO_SUBJECT;
  if (u.pos === 'PRON' && RELATIVE.has(u.normal)) {
    let j = end - 1;
    if (j >= first && view.tokens[j]!.text === ',') j--;
    const start = npStart(view, j, first);
    const { heads, mentions } = headsOf(view, start, j);
    if (heads.length)
      return {
        first: start,
        last: j,
        heads: heads.slice(-1),
        headMentions: mentions.slice(-1),
        via: 'relative',
      };
    return NO_SUBJECT;
  }
  if (u.pos === 'CCONJ' || u.text === ',') return sentenceSubject(view, first, last, i);
  const start = npStart(view, end, first);
  if (start > end) return sentenceSubject(view, first, last, i);
  const { heads, mentions } = headsOf(view, start, end);
  return { first: start, last: end, heads, headMentions: mentions, via: heads.length ? 'np' : 'none' };
}

/**
 * The object window after a trigger: up to `max` tokens, ending before punctuation that closes a
 * clause, a subordinating conjunction, a relative pronoun or a new finite verb. An infinitive right
 * after the trigger ("agreed to meet") stays inside, as does a closing quotation mark.
 */
export function objectWindow(view: DocView, from: number, last: number, max = 8): [number, number] {
  let j = from;
  const stop = Math.min(last, from + max - 1);
  for (; j <= stop; j++) {
    const t = view.tokens[j]!;
    if (isPunct(t, ',;:.!?()—–')) break;
    if (t.pos === 'SCONJ' || (t.pos === 'PRON' && RELATIVE.has(t.normal))) break;
    // The word right after a verb is its object even when mis-tagged as a verb ("sought help").
    if (j > from && isBlockingVerb(view, j)) {
      const prev = view.tokens[j - 1];
      if (!(prev && prev.normal === 'to' && j - from <= 2)) break;
    }
  }
  return [from, j - 1];
}

/** Does a phrase occur in tokens [first, last] (matching lemma or lower-cased form)? */
export function phraseIn(view: DocView, phrase: readonly string[], first: number, last: number): number {
  for (let i = first; i + phrase.length - 1 <= last; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      const t = view.tokens[i + k]!;
      const w = phrase[k]!;
      if (t.lemma !== w && t.normal !== w) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

/** The first actor mention in [first, last] whose actor is not `exclude`; -1 when none. */
export function firstMentionIn(
  view: DocView,
  first: number,
  last: number,
  exclude: ReadonlySet<string>,
): number {
  for (let i = first; i <= last; i++) {
    const m = view.mentionAt[i]!;
    if (m >= 0 && !exclude.has(view.mentions[m]!.actor)) return m;
  }
  return -1;
}
