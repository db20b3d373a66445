/**
 * Helpers shared by the event suites: which of Sitrep's events a one-sentence record is compared with,
 * and whether an event's source or target actor agrees with a gold actor code. Pure; depends on the
 * core types only.
 *
 * The event compared is the FIRST event in text order (smallest trigger start, then evidence start):
 * news sentences lead with their main clause, the gold records code that clause's event, and a fixed
 * rule cannot be steered by the gold answer the way "best-matching" or "any event matches" would be.
 */
import type { Actor, EventRecord } from '../../core/types.js';

export function primaryEvent(events: readonly EventRecord[]): EventRecord | null {
  let best: EventRecord | null = null;
  for (const e of events) {
    if (
      !best ||
      e.trigger.start < best.trigger.start ||
      (e.trigger.start === best.trigger.start && e.evidence.start < best.evidence.start)
    ) {
      best = e;
    }
  }
  return best;
}

/**
 * The codes an actor answers to: its own code (alpha-3 for states, acronym for organisations), the
 * state it belongs to, and the first three letters of its CAMEO code ("IGO", "NGO", "IMG", "USA" of
 * "USAMIL"), so gold records coding an organisation by its CAMEO class can still agree.
 */
export function actorCodes(actors: readonly Actor[], id: string | null): Set<string> {
  const out = new Set<string>();
  if (!id) return out;
  const a = actors.find((x) => x.id === id);
  if (!a) return out;
  for (const c of [a.code, a.country, a.cameo ? a.cameo.slice(0, 3) : null]) if (c) out.add(c.toUpperCase());
  return out;
}

/** True when the predicted actor's codes share one with the gold codes. */
export function agrees(predicted: ReadonlySet<string>, gold: readonly string[]): boolean {
  return gold.some((g) => predicted.has(g.toUpperCase()));
}

/** A fraction, 0 when there is nothing to count. */
export function ratio(hits: number, total: number): number {
  return total === 0 ? 0 : hits / total;
}
