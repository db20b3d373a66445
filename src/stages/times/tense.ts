/**
 * The tense of the clause around a time expression, read from the `tokens` layer: the nearest cue
 * (data/times/tense-cues.tsv) or past-tense verb form, looking outward from the expression within its
 * sentence, nearer words first and the left side first at equal distance. News puts the governing verb
 * right next to its time ("the Pentagon said Monday", "will meet ... later this week"), so the nearest
 * verb decides; a past participle after a future modal ("will be deployed") stays future.
 * Depends on core types and the data types; no I/O.
 */

import { tokenIndexAt } from '../../core/span.js';
import type { Token } from '../../core/types.js';
import type { CueTense, Tense, TenseCue } from '../../data/times.js';

/** The tense of a clause as the resolvers see it: a tense, or `completed` (over by publication). */
export type ClauseTense = Tense | 'completed';

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

function cueAt(tokens: readonly Token[], i: number, index: TenseIndex, sentence: number): CueTense | null {
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

/** A third-person present form: "goes", "says", "carries". */
function isPresentForm(t: Token): boolean {
  if (t.pos !== 'VERB') return false;
  const n = t.normal;
  const l = t.lemma;
  return n !== l && (n === `${l}s` || n === `${l}es` || n === `${l.slice(0, -1)}ies`);
}

function isPastForm(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  const n = t.normal;
  const l = t.lemma;
  if (n === l || PRESENT_FORMS.has(n) || n.endsWith('ing')) return false;
  if (n === `${l}s` || n === `${l}es` || n === `${l.slice(0, -1)}ies`) return false;
  return true;
}

const GROUP_POS: ReadonlySet<string> = new Set(['AUX', 'PART', 'ADV']);

/**
 * The tense a verb group gives to a past-form verb at i, read from the auxiliaries just before it:
 * "will be deployed" is future, "can be exercised" is a modal's (none), "is expected" is present,
 * "said" and "has sent" are past.
 */
function groupTense(tokens: readonly Token[], i: number, index: TenseIndex, sentence: number): CueTense {
  let nearestAux: CueTense | null = null;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || !GROUP_POS.has(t.pos)) break;
    const cue = cueAt(tokens, k, index, sentence);
    if (cue === 'future' || cue === 'none') return cue;
    if (cue && nearestAux === null) nearestAux = cue;
  }
  return nearestAux === 'present' ? 'present' : 'past';
}

function tenseOf(tokens: readonly Token[], i: number, index: TenseIndex, sentence: number): CueTense | null {
  const cue = cueAt(tokens, i, index, sentence);
  if (cue === 'none' || cue === 'future' || cue === 'completed') return cue;
  // An auxiliary inside a longer group ("will have", "is to be", "can be") defers to the group.
  if (cue) {
    const group = groupTense(tokens, i, index, sentence);
    return group === 'future' || group === 'none' ? group : cue;
  }
  if (isPastForm(tokens[i]!)) return groupTense(tokens, i, index, sentence);
  if (isPresentForm(tokens[i]!)) return 'present';
  return null;
}

/**
 * Punctuation that closes a clause and words that open another ("the day when ... were killed"): the
 * verb beyond them governs another clause. Not "that", which is as often a determiner ("that day").
 */
const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '(',
  ')',
  '—',
  '–',
  '"',
  '“',
  '”',
  'when',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'because',
  'while',
  'although',
  'though',
  'if',
  'unless',
  'whereas',
]);

/** Words that may open a sentence before its fronted time ("And on Friday, ..."). */
const FRONT_POS: ReadonlySet<string> = new Set(['ADP', 'DET', 'ADV', 'CCONJ', 'PUNCT']);

/** Index of the first token that ends after `offset`. */
export const tokenAt = tokenIndexAt;

/**
 * The tense of the clause around the span [start, end), or null when nothing in reach says. The scan
 * stops at clause punctuation ("authorized a split, payable Dec. 7"), except that a sentence-initial
 * time may look past the comma right after it ("On Tuesday, the minister said"); a modal ("would",
 * "should") stops it too, as the time of an unreal or obligated act is left open.
 */
export function clauseTense(
  tokens: readonly Token[],
  start: number,
  end: number,
  index: TenseIndex,
): ClauseTense | null {
  const first = tokenAt(tokens, start);
  if (first >= tokens.length) return null;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
  const sentence = tokens[first]!.sentence;
  // A fronted time ("On Friday, the ministers met") looks past the comma after it.
  let fronted = true;
  for (let k = first - 1; k >= 0 && tokens[k]!.sentence === sentence; k--) {
    if (!FRONT_POS.has(tokens[k]!.pos)) {
      fronted = false;
      break;
    }
  }
  let leftOpen = true;
  let rightOpen = true;
  for (let d = 1; d <= REACH && (leftOpen || rightOpen); d++) {
    const l = first - d;
    if (leftOpen) {
      if (l < 0 || tokens[l]!.sentence !== sentence || CLAUSE_BREAKS.has(tokens[l]!.normal)) leftOpen = false;
      else {
        const t = tenseOf(tokens, l, index, sentence);
        if (t) return t === 'none' ? null : t;
      }
    }
    const r = last + d;
    if (rightOpen) {
      if (r >= tokens.length || tokens[r]!.sentence !== sentence) rightOpen = false;
      else if (CLAUSE_BREAKS.has(tokens[r]!.normal)) rightOpen = d === 1 && fronted;
      else {
        const t = tenseOf(tokens, r, index, sentence);
        if (t) return t === 'none' ? null : t;
      }
    }
  }
  return null;
}
