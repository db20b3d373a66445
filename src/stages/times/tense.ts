/**
 * The tense of the clause around a time expression, read from the `tokens` layer: the nearest cue
 * (data/times/tense-cues.tsv) or past-tense verb form, looking outward from the expression within its
 * sentence, nearer words first and the left side first at equal distance. News puts the governing verb
 * right next to its time ("the Pentagon said Monday", "will meet ... later this week"), so the nearest
 * verb decides; a past participle after a future modal ("will be deployed") stays future.
 * Depends on core types and the data types; no I/O.
 */
import type { Token } from '../../core/types.js';
import type { Tense, TenseCue } from '../../data/times.js';

/** How far (in tokens) to look on each side: beyond that the verb rarely governs the expression. */
const REACH = 12;

/** Forms that differ from their lemma without being past: present be/have/do. */
const PRESENT_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'has', 'does']);

export interface TenseIndex {
  /** Cues by their first word. */
  readonly byFirst: ReadonlyMap<string, readonly TenseCue[]>;
}

export function indexCues(cues: readonly TenseCue[]): TenseIndex {
  const byFirst = new Map<string, TenseCue[]>();
  for (const c of cues) {
    const first = c.words[0]!;
    const list = byFirst.get(first) ?? [];
    list.push(c);
    byFirst.set(first, list);
  }
  // Longer cues first: "is to" before "is".
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

function cueAt(tokens: readonly Token[], i: number, index: TenseIndex, sentence: number): Tense | null {
  const list = index.byFirst.get(tokens[i]!.normal);
  if (!list) return null;
  for (const cue of list) {
    let ok = true;
    for (let k = 1; k < cue.words.length; k++) {
      const t = tokens[i + k];
      if (!t || t.sentence !== sentence || t.normal !== cue.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return cue.tense;
  }
  return null;
}

function isPastForm(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  const n = t.normal;
  const l = t.lemma;
  if (n === l || PRESENT_FORMS.has(n) || n.endsWith('ing')) return false;
  if (n === `${l}s` || n === `${l}es` || n === `${l.slice(0, -1)}ies`) return false;
  return true;
}

/** A future modal in the verb group just left of token i ("will be deployed", "is to be held"). */
function futureGroup(tokens: readonly Token[], i: number, index: TenseIndex, sentence: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) return false;
    if (cueAt(tokens, k, index, sentence) === 'future') return true;
    if (t.pos !== 'AUX' && t.pos !== 'PART' && t.pos !== 'ADV' && t.pos !== 'VERB') return false;
  }
  return false;
}

function tenseOf(tokens: readonly Token[], i: number, index: TenseIndex, sentence: number): Tense | null {
  const cue = cueAt(tokens, i, index, sentence);
  if (cue === 'future') return cue;
  if (cue || isPastForm(tokens[i]!)) {
    return futureGroup(tokens, i, index, sentence) ? 'future' : (cue ?? 'past');
  }
  return null;
}

/** Index of the first token that ends after `offset` (binary search; tokens are in text order). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tense of the clause around the span [start, end), or null when nothing in reach says. */
export function clauseTense(
  tokens: readonly Token[],
  start: number,
  end: number,
  index: TenseIndex,
): Tense | null {
  const first = tokenAt(tokens, start);
  if (first >= tokens.length) return null;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
  const sentence = tokens[first]!.sentence;
  for (let d = 1; d <= REACH; d++) {
    const l = first - d;
    if (l >= 0 && tokens[l]!.sentence === sentence) {
      const t = tenseOf(tokens, l, index, sentence);
      if (t) return t;
    }
    const r = last + d;
    if (r < tokens.length && tokens[r]!.sentence === sentence) {
      const t = tenseOf(tokens, r, index, sentence);
      if (t) return t;
    }
  }
  return null;
}
