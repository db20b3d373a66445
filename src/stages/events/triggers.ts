/**
 * Finds event triggers: for every token whose lemma starts a pattern in the lexicon, the most specific
 * pattern whose frame holds (verb or noun use, particle, object, subject, a target where required).
 * Returns the trigger with the windows the argument finder needs. One trigger per token.
 * Depends on core types, the events data types and the shallow syntax helpers.
 */
import type { EventPattern, EventsData, PhraseIndex } from '../../data/events.js';
import type { DocView } from './doc-view.js';
import {
  isBlockingVerb,
  isPassive,
  isPunct,
  NO_SUBJECT,
  npStart,
  objectWindow,
  phraseIn,
  type Subject,
  subjectOf,
} from './syntax.js';

export interface TriggerMatch {
  readonly pattern: EventPattern;
  readonly sentence: number;
  /** Trigger tokens [first, last] (a multi-word trigger spans several). */
  readonly first: number;
  readonly last: number;
  /** The particle's token, or -1. */
  readonly particle: number;
  readonly nounUse: boolean;
  readonly passive: boolean;
  readonly subject: Subject;
  /** Where the object is: after the verb, or the subject of a passive; for a noun, its modifiers
   *  and its of-phrase. Token ranges, possibly empty (first > last). */
  readonly object: readonly (readonly [number, number])[];
  /** Noun triggers: the pre-modifier range [first, last] and whether a definite article opens it. */
  readonly modifier: readonly [number, number];
  readonly definite: boolean;
}

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

/** Verb use: tagged VERB, or a word wink tagged NOUN/ADJ right after an auxiliary, "to" or "and". */
function verbUse(view: DocView, i: number, first: number): boolean {
  const t = view.tokens[i]!;
  if (t.pos === 'VERB') {
    // After "is", a verb is a participle; "is sanctions" (tagged VERB) is a plural noun.
    const p = view.tokens[i - 1];
    return !(p && i - 1 >= first && p.lemma === 'be' && t.normal.endsWith('s') && t.normal !== t.lemma);
  }
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  let j = i - 1;
  while (j >= first && (view.tokens[j]!.pos === 'ADV' || view.tokens[j]!.normal === 'likely')) j--;
  const p = view.tokens[j];
  if (!p || j < first) return false;
  // Not after a copula: "is sanctions" is a noun.
  if ((p.pos === 'AUX' && p.lemma !== 'be') || (p.pos === 'PART' && p.normal === 'to')) return true;
  return p.pos === 'CCONJ' && j - 1 >= first && view.tokens[j - 1]!.pos === 'VERB';
}

function nounUse(view: DocView, i: number): boolean {
  const t = view.tokens[i]!;
  return (t.pos === 'NOUN' || t.pos === 'PROPN') && !verbUse(view, i, 0);
}

/** Matches a trigger phrase at token i; returns its last token or -1. */
function triggerAt(view: DocView, p: EventPattern, i: number, last: number): number {
  let best = -1;
  for (const phrase of p.triggers) {
    if (i + phrase.length - 1 > last) continue;
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      const t = view.tokens[i + k]!;
      if (t.lemma !== phrase[k] && t.normal !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok && i + phrase.length - 1 > best) best = i + phrase.length - 1;
  }
  return best;
}

function findParticle(view: DocView, p: EventPattern, from: number, last: number): number {
  for (let j = from; j <= Math.min(last, from + 3); j++) {
    const t = view.tokens[j]!;
    if (p.particles.includes(t.normal)) return j;
    if (isPunct(t) || (j > from && isBlockingVerb(view, j))) break;
  }
  return -1;
}

function hasThatClause(view: DocView, from: number, last: number): boolean {
  for (let j = from; j <= Math.min(last, from + 3); j++) {
    const t = view.tokens[j]!;
    if (t.normal === 'that' && (t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET')) return true;
    if (isPunct(t, '.;!?')) break;
  }
  return false;
}

/** The first token in the ranges where one of the indexed phrases starts; -1 when none. */
function anyPhrase(
  view: DocView,
  index: PhraseIndex,
  ranges: readonly (readonly [number, number])[],
): number {
  for (const [a, b] of ranges) {
    for (let k = a; k <= b; k++) {
      const t = view.tokens[k]!;
      if (index.words.has(t.lemma) || index.words.has(t.normal)) return k;
    }
    for (const ph of index.multi) {
      const at = phraseIn(view, ph, a, b);
      if (at >= 0) return at;
    }
  }
  return -1;
}

/** Finds the triggers of one sentence. `hasTarget` tells whether a candidate would get a target. */
export function findTriggers(
  view: DocView,
  data: EventsData,
  sentence: number,
  hasTarget: (m: TriggerMatch) => boolean,
): TriggerMatch[] {
  const [first, last] = view.sentenceTokens[sentence]!;
  const out: TriggerMatch[] = [];
  let consumedTo = -1;
  const objectWords = new Set<number>();
  for (let i = first; i <= last; i++) {
    if (i <= consumedTo || objectWords.has(i)) continue;
    const t = view.tokens[i]!;
    const a = data.byTrigger.get(t.lemma);
    const b = t.normal !== t.lemma ? data.byTrigger.get(t.normal) : undefined;
    if (!a && !b) continue;
    const candidates =
      a && b
        ? [...new Set([...a, ...b])].sort((x, y) => y.specificity - x.specificity || x.order - y.order)
        : (a ?? b)!;
    // A token inside an actor's name ("Strike Force" units, "the Meeting Party") is not a trigger.
    if (view.mentionAt[i]! >= 0 && t.pos === 'PROPN') continue;
    const isVerb = verbUse(view, i, first);
    const isNoun = !isVerb && nounUse(view, i);
    let subject: Subject | null = null;
    let windowFrom = -1;
    let window: [number, number] = [0, -1];
    let passive: boolean | null = null;
    for (const p of candidates) {
      const end = triggerAt(view, p, i, last);
      if (end < 0) continue;
      const multi = end > i;
      const asNoun = p.noun && (isNoun || (multi && !isVerb));
      const asVerb = p.verb && isVerb;
      if (!asNoun && !asVerb) continue;
      // "a meeting room", "attack helicopters": a noun modifying another noun is not an event.
      if (asNoun && !asVerb) {
        const next = view.tokens[end + 1];
        if (
          next &&
          end + 1 <= last &&
          (next.pos === 'NOUN' || next.pos === 'PROPN') &&
          view.mentionAt[end + 1]! < 0 &&
          view.timeAt[end + 1]! < 0 &&
          !data.lightNouns.has(next.lemma)
        )
          continue;
      }
      let particle = -1;
      if (p.particles.length) {
        particle = findParticle(view, p, end + 1, last);
        if (particle < 0) continue;
      }
      const after = (particle >= 0 ? particle : end) + 1;
      let object: [number, number][];
      let modifier: [number, number] = [i, i - 1];
      let definite = false;
      if (asVerb) {
        passive ??= isPassive(view, i, first);
        subject ??= subjectOf(view, i, first, last);
        // Most candidates of one token share the window: compute it once per start.
        if (windowFrom !== after) {
          windowFrom = after;
          window = objectWindow(view, after, last);
        }
        object = passive ? [[subject.first, subject.last], window] : [window];
      } else {
        const ms = npStart(view, i - 1, first);
        modifier = [ms, i - 1];
        for (let j = ms; j < i; j++) if (DEFINITE.has(view.tokens[j]!.normal)) definite = true;
        // A noun's object: its modifiers ("arms deliveries") and its of-phrase ("delivery of arms").
        object = [modifier];
        const of = view.tokens[end + 1];
        if (of && of.normal === 'of' && end + 1 <= last) object.push(objectWindow(view, end + 2, last, 6));
        else object.push([end + 1, end]);
      }
      const objectAt = p.object.length ? anyPhrase(view, p.objectIndex, object) : -1;
      if (
        (p.object.length || p.objectThat) &&
        objectAt < 0 &&
        !(p.objectThat && hasThatClause(view, after, last))
      )
        continue;
      const subj = asVerb ? (subject ?? NO_SUBJECT) : NO_SUBJECT;
      if (p.subject.length && anyPhrase(view, p.subjectIndex, [[subj.first, subj.last]]) < 0) continue;
      const m: TriggerMatch = {
        pattern: p,
        sentence,
        first: i,
        last: end,
        particle,
        nounUse: !asVerb,
        passive: asVerb ? (passive ?? false) : false,
        subject: subj,
        object,
        modifier,
        definite,
      };
      if (p.flags.has('needtarget') && !hasTarget(m)) continue;
      out.push(m);
      consumedTo = Math.max(end, particle);
      // "lifted sanctions", "shipped ammunition": the object word that chose the pattern is part of
      // this event, not an event of its own.
      if (objectAt > i) objectWords.add(objectAt);
      break;
    }
  }
  return out;
}
