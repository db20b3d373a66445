/**
 * Keeps story events in step with the documents while the server runs. Writes and merge passes go
 * through one queue, so a merge never runs twice at once and never clears the stale mark of a
 * document written while it ran. Reads check the stale mark (one indexed lookup) and, when set,
 * wait for a merge before answering. Imports the merge pass and the Store interface only.
 */
import { type MergeSummary, runMerge } from '../merge/run-merge.js';
import type { Store } from '../store/store.js';

export class MergeGate {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly onMerge: (m: MergeSummary) => void = () => {},
    /** A read replica never merges: the primary's workers do, and replication brings the stories. */
    private readonly readOnly = false,
  ) {}

  /** Runs `fn` after every write and merge queued before it. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  /** A write, queued with the merges. */
  write<T>(fn: () => Promise<T>): Promise<T> {
    return this.serial(fn);
  }

  /** Resolves once the stories reflect every document written so far. */
  async fresh(): Promise<void> {
    if (this.readOnly || !(await this.store.storiesStale())) return;
    await this.serial(async () => {
      // Another request may have merged while this one waited in the queue.
      if (await this.store.storiesStale()) this.onMerge(await runMerge(this.store));
    });
  }

  /** Resolves when nothing is queued (before closing the store). */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }
}
