/**
 * An event's arguments from the trigger's frame: source (the subject, a passive's agent, a noun's
 * nationality modifier, or the owner of the forces or goods moved), target (an actor in the object or
 * after one of the pattern's prepositions), and the time, place and quantity of its clause. A time
 * or place attaches to the nearest predicate: never across another verb ("X said Monday that Y
 * attacked": Monday is when X spoke, not when Y attacked).
 * Depends on core types, the document view, the syntax helpers and the trigger type.
 */
import type { DocView } from './doc-view.js';
import { firstMentionIn, isBlockingVerb, isPunct, passiveAgent } from './syntax.js';
import type { TriggerMatch } from './triggers.js';

const LOCATIVE = new Set([
  'in',
  'at',
  'near',
  'for',
  'to',
  'into',
  'toward',
  'towards',
  'across',
  'inside',
  'outside',
  'around',
  'along',
  'on',
  'from',
  'off',
  'over',
]);
const REACH = 16;
/** "..., according to X": the source of a report, never an argument of the reported act. */
const REPORT_BOUNDARY = new Set(['according']);
const PARTICLES = new Set(['off', 'aside', 'away', 'out', 'down', 'up', 'back', 'over']);

/** Index into view.mentions of the source, or -1. */
export function findSource(view: DocView, m: TriggerMatch): number {
  const last = view.sentenceTokens[m.sentence]![1];
  const owner = m.pattern.flags.has('owner');
  if (!m.nounUse) {
    if (m.passive) {
      const agent = passiveAgent(view, m.first, last);
      if (agent >= 0) return agent;
      // "North Korean troops were deployed": the forces' nationality is who deployed them.
      if (owner) return firstMentionIn(view, m.subject.first, m.subject.last, new Set());
      return -1;
    }
    if (m.subject.headMentions.length) return m.subject.headMentions[0]!;
    if (owner) {
      const [a, b] = m.object[0]!;
      return firstMentionIn(view, a, b, new Set());
    }
    return -1;
  }
  // Nouns: "the North Korean deployment", "Pyongyang's involvement", "U.S. sanctions".
  const [ma, mb] = m.modifier;
  for (let j = mb; j >= ma; j--) if (view.mentionAt[j]! >= 0) return view.mentionAt[j]!;
  if (owner && m.object[1]) {
    const [a, b] = m.object[1];
    const hit = firstMentionIn(view, a, b, new Set());
    if (hit >= 0) return hit;
  }
  return -1;
}

/** The first actor mention after preposition `prep`, within the trigger's clause. */
function afterPreposition(
  view: DocView,
  m: TriggerMatch,
  prep: string,
  exclude: ReadonlySet<string>,
): number {
  const last = view.sentenceTokens[m.sentence]![1];
  const from = (m.particle >= 0 ? m.particle : m.last) + 1;
  for (let j = from; j <= Math.min(last, from + REACH); j++) {
    const t = view.tokens[j]!;
    if (j > from && isBlockingVerb(view, j)) return -1;
    if (t.pos === 'SCONJ' || isPunct(t, ';:.!?') || REPORT_BOUNDARY.has(t.normal)) return -1;
    if (t.normal !== prep) continue;
    if (prep === 'to') {
      const next = view.tokens[j + 1];
      if (!next || next.pos === 'VERB' || next.pos === 'AUX') continue;
    }
    for (let k = j + 1; k <= Math.min(last, j + 6); k++) {
      const u = view.tokens[k]!;
      const mi = view.mentionAt[k]!;
      if (mi >= 0) {
        if (!exclude.has(view.mentions[mi]!.actor)) return mi;
        continue;
      }
      if (isPunct(u) || u.pos === 'VERB' || u.pos === 'ADP') break;
    }
  }
  return -1;
}

/** Index into view.mentions of the target, or -1. */
export function findTarget(view: DocView, m: TriggerMatch, source: string | null): number {
  const exclude = new Set<string>(source ? [source] : []);
  for (const spec of m.pattern.target) {
    if (spec === 'obj' || spec === 'poss') {
      if (m.nounUse) {
        const of = m.object[1];
        if (of) {
          const hit = firstMentionIn(view, of[0], of[1], exclude);
          if (hit >= 0) return hit;
        }
        continue;
      }
      if (m.passive) {
        if (m.pattern.flags.has('owner')) continue;
        const hit = m.subject.headMentions.find((x) => !exclude.has(view.mentions[x]!.actor));
        if (hit !== undefined) return hit;
        continue;
      }
      const win = m.object[0]!;
      // "shrugged off X's comments": a particle right after the verb is not a preposition.
      let begin = win[0];
      if (begin <= win[1] && PARTICLES.has(view.tokens[begin]!.normal)) begin++;
      // The direct object ends at the first preposition other than "of".
      let end = win[1];
      for (let j = begin; j <= win[1]; j++) {
        const t = view.tokens[j]!;
        if (t.pos === 'ADP' && t.normal !== 'of' && view.mentionAt[j]! < 0) {
          end = j - 1;
          break;
        }
      }
      const hit = firstMentionIn(view, begin, end, exclude);
      if (hit >= 0) return hit;
      continue;
    }
    const hit = afterPreposition(view, m, spec, exclude);
    if (hit >= 0) return hit;
  }
  return -1;
}

/** Steps from the trigger in one direction; stops at another predicate or a clause break. */
function scan(view: DocView, m: TriggerMatch, dir: 1 | -1, pick: (j: number) => boolean): number {
  const [first, last] = view.sentenceTokens[m.sentence]!;
  const start = dir === 1 ? Math.max(m.last, m.particle) + 1 : m.first - 1;
  for (let j = start, n = 0; j >= first && j <= last && n < REACH + 8; j += dir, n++) {
    const t = view.tokens[j]!;
    if (isBlockingVerb(view, j)) return -1;
    if (t.pos === 'SCONJ' || isPunct(t, ';!?') || REPORT_BOUNDARY.has(t.normal)) return -1;
    if (pick(j)) return j;
  }
  return -1;
}

/** Index into view.times of the time governing the trigger, or -1. */
export function findTime(view: DocView, m: TriggerMatch): number {
  const right = scan(view, m, 1, (j) => view.timeAt[j]! >= 0);
  if (right >= 0) return view.timeAt[right]!;
  const left = scan(view, m, -1, (j) => view.timeAt[j]! >= 0);
  return left >= 0 ? view.timeAt[left]! : -1;
}

/** Index into view.places of a place in a locative phrase of the clause, or -1. */
export function findPlace(view: DocView, m: TriggerMatch, targetMention: number): number {
  const tm = targetMention >= 0 ? view.mentions[targetMention]! : null;
  const j = scan(view, m, 1, (k) => {
    if (view.placeAt[k]! < 0) return false;
    if (tm && k >= tm.first && k <= tm.last) return false;
    // A place that is also an actor named as source is not where it happened.
    for (let b = k - 1; b >= Math.max(0, k - 4); b--) {
      const t = view.tokens[b]!;
      if (LOCATIVE.has(t.normal)) return true;
      if (t.pos === 'VERB' || isPunct(t)) return false;
    }
    return false;
  });
  return j >= 0 ? view.placeAt[j]! : -1;
}

/** Index into view.quantities of a quantity in the object (or a passive's subject), or -1. */
export function findQuantity(view: DocView, m: TriggerMatch): number {
  const ranges = m.pattern.subject.length
    ? [[m.subject.first, m.subject.last] as const, ...m.object]
    : m.object;
  for (const [a, b] of ranges) {
    for (let j = a; j <= b; j++) if (view.quantityAt[j]! >= 0) return view.quantityAt[j]!;
  }
  return -1;
}

/** Roots whose object may be a that-clause naming the target ("demanded that the US cancel ..."). */
const THAT_TARGET_ROOTS = new Set(['02', '10', '11', '12', '13']);
const LOCATIVE_TARGET = [
  'in',
  'into',
  'inside',
  'against',
  'on',
  'at',
  'near',
  'from',
  'across',
  'over',
  'to',
  'with',
];

/**
 * A target the pattern's own slots did not give: the subject of a that-clause for appeals, demands,
 * accusations and threats; else, as CAMEO coders do, the actor where the act takes place ("lifted a
 * curfew in Montenegro", "strengthened its forces in Lebanon"), from an actor after a locative
 * preposition or the country of the clause's place. Returns an actor id or null.
 */
export function fallbackTarget(
  view: DocView,
  m: TriggerMatch,
  source: string | null,
  actorOfCountry: (code: string) => string | null,
): string | null {
  const exclude = new Set<string>(source ? [source] : []);
  const last = view.sentenceTokens[m.sentence]![1];
  const after = (m.particle >= 0 ? m.particle : m.last) + 1;
  if (THAT_TARGET_ROOTS.has(m.pattern.cameo.slice(0, 2))) {
    for (let j = after; j <= Math.min(last, after + 2); j++) {
      if (view.tokens[j]!.normal !== 'that') continue;
      for (let k = j + 1; k <= Math.min(last, j + 5); k++) {
        const mi = view.mentionAt[k]!;
        if (mi >= 0 && !exclude.has(view.mentions[mi]!.actor)) return view.mentions[mi]!.actor;
        if (view.tokens[k]!.pos === 'VERB' || view.tokens[k]!.pos === 'AUX') break;
      }
    }
  }
  for (const prep of LOCATIVE_TARGET) {
    const hit = afterPreposition(view, m, prep, exclude);
    if (hit >= 0) return view.mentions[hit]!.actor;
  }
  const pi = findPlace(view, m, -1);
  const country = pi >= 0 ? view.places[pi]!.country : null;
  const actor = country ? actorOfCountry(country) : null;
  return actor && !exclude.has(actor) ? actor : null;
}
