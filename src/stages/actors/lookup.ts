/**
 * Finding the actor behind a span, for the stages after `actors` (quotes, events): an index of every
 * mention sorted by offset, and lookups for "the actor whose mention covers this span" or "the actors
 * mentioned inside this span". Depends on core types only.
 */
import type { Actor, ActorMention } from '../../core/types.js';

export interface IndexedMention {
  readonly actor: Actor;
  readonly mention: ActorMention;
}

/** Every mention of every actor, sorted by start (then longest first). Build once per document. */
export interface MentionIndex {
  readonly mentions: readonly IndexedMention[];
}

export function createMentionIndex(actors: readonly Actor[]): MentionIndex {
  const mentions: IndexedMention[] = [];
  for (const actor of actors) for (const mention of actor.mentions) mentions.push({ actor, mention });
  mentions.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  return { mentions };
}

/** First index whose mention starts at or after `pos`. */
function lowerBound(list: readonly IndexedMention[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.mention.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions lying entirely inside [start, end), in text order. */
export function mentionsIn(index: MentionIndex, start: number, end: number): IndexedMention[] {
  const out: IndexedMention[] = [];
  for (let i = lowerBound(index.mentions, start); i < index.mentions.length; i++) {
    const m = index.mentions[i]!;
    if (m.mention.start >= end) break;
    if (m.mention.end <= end) out.push(m);
  }
  return out;
}

/**
 * The actor referred to at [start, end): the actor whose mention covers the span, else the first actor
 * mentioned inside it ("the North Korean soldiers" → North Korea), else null. Accepts the actors
 * layer (indexed on the fly) or a prebuilt index for repeated lookups.
 */
export function actorAt(actors: readonly Actor[] | MentionIndex, start: number, end: number): Actor | null {
  const index = Array.isArray(actors)
    ? createMentionIndex(actors as readonly Actor[])
    : (actors as MentionIndex);
  const list = index.mentions;
  // Mentions never nest across actors, so a covering mention starts at or before `start`: scan back a few.
  for (let i = lowerBound(list, start + 1) - 1; i >= 0 && i >= lowerBound(list, start + 1) - 8; i--) {
    const m = list[i]!.mention;
    if (m.start <= start && m.end >= end) return list[i]!.actor;
  }
  return mentionsIn(index, start, end)[0]?.actor ?? null;
}
