/**
 * Bounded admission for the API's reads: at most `concurrency` reads run at once (as many as the
 * store has connections to run them on), at most `queue` more wait, and a read past that bound is
 * refused at once with 503 and `Retry-After` instead of waiting until the client times out. Imports
 * the HTTP error only.
 */
import { HttpError } from './http-error.js';

export interface ReadGateOptions {
  readonly concurrency: number;
  readonly queue: number;
  /** Seconds a refused client is told to wait (`Retry-After`). */
  readonly retryAfter?: number;
}

export class ReadGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly queue: number;
  readonly retryAfter: number;

  constructor(opts: ReadGateOptions) {
    this.concurrency = Math.max(1, opts.concurrency);
    this.queue = Math.max(0, opts.queue);
    this.retryAfter = opts.retryAfter ?? 1;
  }

  /** Runs `fn` when a slot is free; throws a 503 HttpError when the queue is full. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) {
        throw new HttpError(
          503,
          `the server is busy (${this.running} reads running, ${this.waiting.length} waiting): retry after ${this.retryAfter} s`,
          null,
          { 'Retry-After': String(this.retryAfter) },
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), else free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
