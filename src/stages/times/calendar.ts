/**
 * Calendar arithmetic the times stage needs beyond core/dates: month lengths, ISO weeks, quarters,
 * seasons and the inclusive [from, to] interval of each TIMEX3 granularity. All in UTC on ISO dates.
 * Depends on core/dates only; knows nothing of text.
 */
import { addDays, isoWeekday, parseIsoDate } from '../../core/dates.js';

/** An inclusive interval of ISO dates (`from` <= `to`). */
export interface Interval {
  readonly from: string;
  readonly to: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function ymd(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function ym(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Year, month (1-12) and day of an ISO date. */
export function partsOf(iso: string): { y: number; m: number; d: number } {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** Adds whole months, clamping the day to the target month's length (Mar 31 - 1 month = Feb 29). */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = partsOf(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function monthInterval(y: number, m: number): Interval {
  return { from: ymd(y, m, 1), to: ymd(y, m, daysInMonth(y, m)) };
}

export function yearInterval(y: number): Interval {
  return { from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
}

/** The Monday that starts the ISO week containing `iso`. */
export function weekStart(iso: string): string {
  return addDays(iso, -isoWeekday(iso));
}

/** ISO week-numbering year and week of a date: the week belongs to the year of its Thursday. */
export function isoWeek(iso: string): { year: number; week: number } {
  const thursday = addDays(weekStart(iso), 3);
  const year = Number(thursday.slice(0, 4));
  const jan1 = parseIsoDate(`${pad4(year)}-01-01`).getTime();
  const week = Math.floor((parseIsoDate(thursday).getTime() - jan1) / 86_400_000 / 7) + 1;
  return { year, week };
}

/** TIMEX3 week value of the ISO week containing `iso`, e.g. 2024-W43. */
export function weekValue(iso: string): string {
  const { year, week } = isoWeek(iso);
  return `${pad4(year)}-W${pad2(week)}`;
}

export function quarterInterval(y: number, q: number): Interval {
  const first = (q - 1) * 3 + 1;
  return { from: ymd(y, first, 1), to: ymd(y, first + 2, daysInMonth(y, first + 2)) };
}

/** Meteorological seasons of the northern hemisphere; winter runs from December into the next year. */
const SEASON_START: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export function seasonInterval(y: number, season: string): Interval {
  const start = SEASON_START[season] ?? 3;
  const from = ymd(y, start, 1);
  const to = addDays(addMonths(from, 3), -1);
  return { from, to };
}

/** The year of the season (as TIMEX3 numbers it) that contains `iso`. */
export function seasonYearOf(iso: string, season: string): number {
  const { y, m } = partsOf(iso);
  return season === 'WI' && m <= 2 ? y - 1 : y;
}

/** The season code that contains `iso`. */
export function seasonOf(iso: string): string {
  const { m } = partsOf(iso);
  if (m >= 3 && m <= 5) return 'SP';
  if (m >= 6 && m <= 8) return 'SU';
  if (m >= 9 && m <= 11) return 'FA';
  return 'WI';
}

/**
 * Narrows an interval to its start, middle or end third ("early June" = 1-10, "late 2023" =
 * September-December), as news uses early/mid/late. Returns the interval unchanged without a modifier.
 */
export function narrow(iv: Interval, mod: string | undefined): Interval {
  if (!mod) return iv;
  const days = Math.round((parseIsoDate(iv.to).getTime() - parseIsoDate(iv.from).getTime()) / 86_400_000) + 1;
  const third = Math.floor(days / 3);
  if (mod === 'START') return { from: iv.from, to: addDays(iv.from, third - 1) };
  if (mod === 'MID') return { from: addDays(iv.from, third), to: addDays(iv.from, 2 * third - 1) };
  if (mod === 'END') return { from: addDays(iv.from, 2 * third), to: iv.to };
  return iv;
}

/** Month-level thirds follow day numbers (1-10, 11-20, 21-end), which is how "mid-October" is read. */
export function narrowMonth(y: number, m: number, mod: string | undefined): Interval {
  const iv = monthInterval(y, m);
  if (mod === 'START') return { from: iv.from, to: ymd(y, m, 10) };
  if (mod === 'MID') return { from: ymd(y, m, 11), to: ymd(y, m, 20) };
  if (mod === 'END') return { from: ymd(y, m, 21), to: iv.to };
  return iv;
}

/** Year-level thirds follow months (January-April, May-August, September-December). */
export function narrowYear(y: number, mod: string | undefined): Interval {
  if (mod === 'START') return { from: ymd(y, 1, 1), to: ymd(y, 4, 30) };
  if (mod === 'MID') return { from: ymd(y, 5, 1), to: ymd(y, 8, 31) };
  if (mod === 'END') return { from: ymd(y, 9, 1), to: ymd(y, 12, 31) };
  return yearInterval(y);
}

/** The earlier of two ISO dates (they sort as strings). */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The later of two ISO dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
