/**
 * Polling intervals as people write them (`30s`, `15m`, `1h`, `1d`, `1h30m`), parsed to seconds with
 * a floor, so nobody polls a server every second by mistake. Imports core errors only.
 */
import { SitrepError } from '../core/errors.js';

/** The shortest interval accepted: polite to servers, still fresh enough for news. */
export const MIN_EVERY_SECONDS = 30;
export const DEFAULT_EVERY_SECONDS = 15 * 60;
/** A week: anything slower is better served by removing the feed. */
export const MAX_EVERY_SECONDS = 7 * 24 * 3600;

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in `text`; refuses anything else with a message naming the value and the forms accepted. */
export function parseDuration(text: string, option = '--every'): number {
  const trimmed = text.trim().toLowerCase();
  const parts = /^(\d+[smhd])+$/.test(trimmed) ? trimmed.match(/\d+[smhd]/g) : null;
  if (!parts) {
    throw new SitrepError(
      'BAD_ARGUMENT',
      `${option} ${text}: expected a duration such as 30s, 15m, 1h or 1d`,
      { input: text },
    );
  }
  const seconds = parts.reduce((sum, p) => sum + Number(p.slice(0, -1)) * UNIT[p.slice(-1)]!, 0);
  if (seconds < MIN_EVERY_SECONDS || seconds > MAX_EVERY_SECONDS) {
    throw new SitrepError(
      'BAD_ARGUMENT',
      `${option} ${text}: the interval must be between ${MIN_EVERY_SECONDS}s and 7d`,
      { input: text },
    );
  }
  return seconds;
}

/** The shortest spelling of a number of seconds: 900 → 15m, 5400 → 1h30m. */
export function formatDuration(seconds: number): string {
  let rest = Math.round(seconds);
  let out = '';
  for (const [unit, n] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= n) {
      out += `${Math.floor(rest / n)}${unit}`;
      rest %= n;
    }
  }
  return out || '0s';
}
