/**
 * Resolves a source span ("Pentagon spokeswoman Sabrina Singh", "the U.S. Pentagon", "he") to an
 * actor of the `actors` layer through the actors' mentions, coreference included. Depends on core
 * types only (not on the actors stage's code, so it works with any actors layer, fixtures included).
 */
import type { Actor, ActorKind } from '../../core/types.js';

interface IndexedMention {
  readonly start: number;
  readonly end: number;
  readonly actor: string;
  readonly kind: ActorKind;
}

export interface SpeakerIndex {
  /** The actor a source span names, or null. */
  resolve(span: { start: number; end: number }): string | null;
  kindOf(actor: string): ActorKind | null;
}

/** Builds the lookup for one document: mentions sorted by start for a binary search. */
export function indexSpeakers(actors: readonly Actor[], text: string): SpeakerIndex {
  const mentions: IndexedMention[] = [];
  const kinds = new Map<string, ActorKind>();
  for (const a of actors) {
    kinds.set(a.id, a.kind);
    for (const m of a.mentions) mentions.push({ start: m.start, end: m.end, actor: a.id, kind: a.kind });
  }
  mentions.sort((x, y) => x.start - y.start || y.end - x.end);

  /** Index of the first mention starting at or after offset. */
  const firstStartingAt = (offset: number): number => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    kindOf: (actor) => kinds.get(actor) ?? null,
    /**
     * Among the mentions inside the span, a person wins over an organisation or country (the
     * spokeswoman speaks, not the Pentagon); then the mention nearest the end of the span, which in
     * English is the head of the phrase. A possessive person ("Putin's spokesman") is never the
     * speaker; a possessive state or organisation is, when nothing else in the span is one: "South
     * Korea's intelligence agency" and "Ukraine's military" speak for their state.
     */
    resolve(span) {
      let best: IndexedMention | null = null;
      let possessor: IndexedMention | null = null;
      for (let i = firstStartingAt(span.start); i < mentions.length; i++) {
        const m = mentions[i]!;
        if (m.start >= span.end) break;
        if (m.end > span.end) continue;
        if (/^['’]s\b/.test(text.slice(m.end, m.end + 3)) || text[m.end] === '’' || text[m.end] === "'") {
          if (m.kind !== 'person' && (!possessor || m.end > possessor.end)) possessor = m;
          continue;
        }
        if (
          !best ||
          (m.kind === 'person') > (best.kind === 'person') ||
          ((m.kind === 'person') === (best.kind === 'person') &&
            (m.end > best.end || (m.end === best.end && m.start < best.start)))
        ) {
          best = m;
        }
      }
      return (best ?? possessor)?.actor ?? null;
    },
  };
}
