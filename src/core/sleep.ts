/**
 * An abortable wait for long-running loops (the worker, the feed scheduler): resolves after `ms`,
 * or at once when the signal aborts, and never rejects. Imports only Node's timers.
 */
import { setTimeout as delay } from 'node:timers/promises';

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  // An abort rejects the timer with an AbortError: for a loop that checks its signal, that is just "wake up".
  return delay(ms, undefined, { signal }).then(
    () => {},
    () => {},
  );
}
