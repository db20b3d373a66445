/**
 * Politeness for fetching: one request at a time per host (a serial queue per host name and port),
 * and at most a few requests in flight over all hosts. A task holds its host's turn only while it
 * runs; a redirect to another host is another task, so two hosts redirecting to each other cannot
 * deadlock. Imports nothing.
 */

export class HostQueue {
  /** The tail of each host's chain of tasks; removed when the host falls idle. */
  private readonly tails = new Map<string, Promise<void>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly globalLimit = 4) {}

  /** Runs `task` when `host` has no other task running and a global slot is free. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(async () => {
      await this.acquire();
      try {
        return await task();
      } finally {
        this.release();
      }
    });
    const tail = result.then(
      () => {},
      () => {},
    );
    this.tails.set(host, tail);
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return result;
  }

  private acquire(): Promise<void> {
    if (this.active < this.globalLimit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter: `active` stays the same.
    if (next) next();
    else this.active--;
  }
}
