/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no local time zone shifts a day.
 * Imports nothing.
 */

export function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function formatIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return formatIsoDate(d);
}

/** Day of week, 0 = Monday ... 6 = Sunday (ISO order). */
export function isoWeekday(iso: string): number {
  return (parseIsoDate(iso).getUTCDay() + 6) % 7;
}

export function isValidIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = parseIsoDate(iso);
  return formatIsoDate(d) === iso;
}
