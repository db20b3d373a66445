/**
 * Collects misses for `sitrep eval --errors N`, each with ±60 characters of text around the span
 * (the span marked ⟦ ⟧). The N shown are spread over the documents, round-robin (each document's
 * first miss, then each one's second, ...), so one bad document cannot fill the list. Pure; imports
 * only the eval contract.
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

interface PendingMiss {
  readonly kind: string;
  readonly expected: string;
  readonly got: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export class MissLog {
  private readonly docs: PendingMiss[][] = [];
  private current: PendingMiss[] | null = null;

  /** `limit`: how many misses to show in all (0: collect nothing). */
  constructor(readonly limit: number) {}

  /** Starts a new document: later misses are grouped under it. */
  startDocument(): void {
    this.current = null;
  }

  add(kind: string, expected: string, got: string, text: string, start: number, end: number): void {
    if (this.limit <= 0) return;
    if (this.current === null) {
      this.current = [];
      this.docs.push(this.current);
    }
    // No document can contribute more than the whole list, so memory stays bounded by limit × documents.
    if (this.current.length < this.limit) this.current.push({ kind, expected, got, text, start, end });
  }

  /** At most `limit` misses, round-robin over documents, in document order within each round. */
  get misses(): EvalMiss[] {
    const out: EvalMiss[] = [];
    for (let round = 0; out.length < this.limit; round++) {
      let any = false;
      for (const doc of this.docs) {
        const m = doc[round];
        if (!m) continue;
        any = true;
        out.push({
          kind: m.kind,
          expected: m.expected,
          got: m.got,
          context: contextAround(m.text, m.start, m.end),
        });
        if (out.length >= this.limit) break;
      }
      if (!any) break;
    }
    return out;
  }
}
