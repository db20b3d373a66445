/**
 * Collects misses for `sitrep eval --errors N`: the first N of them, each with ±60 characters of text
 * around the span, the span itself marked with ⟦ ⟧. Pure; imports only the eval contract.
 */
import type { EvalMiss } from './suite.js';

/** Characters shown on either side of a miss. */
export const CONTEXT_CHARS = 60;

/** The text around [start, end), on one line, with the span marked. */
export function contextAround(text: string, start: number, end: number, width = CONTEXT_CHARS): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, start))}⟦${flat(text.slice(start, end))}⟧${flat(text.slice(end, to))}${to < text.length ? '…' : ''}`;
}

/** Keeps the first `limit` misses given to it; `full` says when more would not be kept. */
export class MissLog {
  readonly misses: EvalMiss[] = [];
  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.misses.length >= this.limit;
  }

  add(kind: string, expected: string, got: string, text: string, start: number, end: number): void {
    if (this.full) return;
    this.misses.push({ kind, expected, got, context: contextAround(text, start, end) });
  }
}
