/**
 * Words and colours shared by the views: polarity and certainty in words (never colour alone),
 * cooperation/conflict classes of the network, actor display names, date formatting. Pure.
 */
import type { ActorRef, Quad, Speaker } from './api.js';

export function polarityWord(p: string | null | undefined): string {
  if (p === 'positive') return 'asserted';
  if (p === 'negative') return 'denied';
  if (p === 'unconfirmed') return 'unconfirmed';
  return p ?? 'unknown';
}

export function actorName(a: ActorRef | null | undefined): string {
  if (!a) return '—';
  const name = a.name ?? a.code ?? '?';
  return a.code && a.name && a.code !== a.name ? `${name} (${a.code})` : name;
}

/** The actor filter value the API accepts for an actor object (code first, else name). */
export function actorKey(a: ActorRef | null | undefined): string | null {
  return a?.code ?? a?.name ?? null;
}

export const QUADS: Record<Quad, { label: string; colour: string; line: 'solid' | 'dashed'; kind: string }> =
  {
    verbal_coop: { label: 'verbal cooperation', colour: '#1565c0', line: 'solid', kind: 'cooperation' },
    material_coop: { label: 'material cooperation', colour: '#2e7d32', line: 'solid', kind: 'cooperation' },
    verbal_conflict: { label: 'verbal conflict', colour: '#e65100', line: 'dashed', kind: 'conflict' },
    material_conflict: { label: 'material conflict', colour: '#c62828', line: 'dashed', kind: 'conflict' },
  };

export function dateRange(t: { from: string | null; to: string | null } | null | undefined): string {
  if (!t?.from) return 'undated';
  const from = t.from.slice(0, 10);
  const to = t.to ? t.to.slice(0, 10) : from;
  return to === from ? from : `${from} – ${to}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function speakerName(s: Speaker | undefined): string {
  if (!s) return 'unnamed source';
  return typeof s === 'string' ? s : actorName(s);
}
