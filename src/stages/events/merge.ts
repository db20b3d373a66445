/**
 * One real-world event stated twice in an article is one event: drafts of the same pattern family
 * whose actors, quantity, place and time do not contradict each other are merged, the later statement
 * kept as further evidence. Merging goes to the latest compatible earlier event (news repeats
 * locally), and fills the earlier event's unknowns from the later statement.
 * Depends on nothing but the draft type.
 */
import type { Span } from '../../core/types.js';
import type { Draft } from './draft.js';

function agrees(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

export function compatible(k: Draft, e: Draft, quantityValue: (id: string) => number | null): boolean {
  if (k.family !== e.family || k.polarity !== e.polarity) return false;
  if (!agrees(k.source, e.source) || !agrees(k.target, e.target)) return false;
  // At least one actor in common: two "troops moved" sentences about different armies stay apart.
  const shared = (k.source !== null && k.source === e.source) || (k.target !== null && k.target === e.target);
  if (!shared) return false;
  if (k.quantity && e.quantity && quantityValue(k.quantity) !== quantityValue(e.quantity)) return false;
  if (!agrees(k.place, e.place) || !agrees(k.time, e.time)) return false;
  return true;
}

export function mergeDrafts(drafts: readonly Draft[], quantityValue: (id: string) => number | null): Draft[] {
  const kept: Draft[] = [];
  for (const e of drafts) {
    let into = -1;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (compatible(kept[i]!, e, quantityValue)) {
        into = i;
        break;
      }
    }
    if (into < 0) {
      kept.push(e);
      continue;
    }
    const k = kept[into]!;
    const also: Span[] = [...k.alsoEvidence];
    for (const s of [e.evidence, ...e.alsoEvidence]) {
      if (s.start !== k.evidence.start && !also.some((x) => x.start === s.start)) also.push(s);
    }
    kept[into] = {
      ...k,
      source: k.source ?? e.source,
      target: k.target ?? e.target,
      time: k.time ?? e.time,
      place: k.place ?? e.place,
      quantity: k.quantity ?? e.quantity,
      attribution: k.attribution ?? e.attribution,
      alsoEvidence: also,
    };
  }
  return kept;
}
