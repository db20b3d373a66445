/**
 * The API's answers to reads, kept until the store changes: keyed by the store's read token (a new
 * write or a new merge changes it) and the request's path and query. One token at a time (a new one
 * empties the cache), a byte budget with least-recently-used eviction, and one computation per key
 * however many requests ask for it at once. Imports nothing.
 */

export interface CachedAnswer {
  readonly status: number;
  /** Encoded once, not on every answer. */
  readonly body: Uint8Array;
  readonly contentType: string;
}

export class ResponseCache {
  private token: string | null = null;
  private bytes = 0;
  /** Map order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly pending = new Map<string, Promise<CachedAnswer>>();

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key` under `token`, computed by `make` only when not cached (nor being computed). */
  async get(token: string, key: string, make: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    if (this.maxBytes <= 0) return make();
    if (token !== this.token) {
      this.token = token;
      this.entries.clear();
      this.pending.clear();
      this.bytes = 0;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const running = this.pending.get(key);
    if (running) return running;
    const made = make().then(
      (answer) => {
        if (this.pending.get(key) === made) this.pending.delete(key);
        // A write landed while computing: this answer belongs to the old token, do not keep it.
        if (this.token === token) this.put(key, answer);
        return answer;
      },
      (err: unknown) => {
        if (this.pending.get(key) === made) this.pending.delete(key);
        throw err;
      },
    );
    this.pending.set(key, made);
    return made;
  }

  private put(key: string, answer: CachedAnswer): void {
    const size = answer.body.byteLength;
    // Only successes; and one huge answer must not flush everything else.
    if (answer.status !== 200 || size > this.maxBytes / 4 || this.entries.has(key)) return;
    this.entries.set(key, answer);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength;
    }
  }
}
