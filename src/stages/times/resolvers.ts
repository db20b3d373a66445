/**
 * Resolvers: turn a pattern match into a TIMEX3 type and value and an inclusive interval, against
 * the publication date, the way news is written (see each function). A pattern row of
 * data/times/patterns.tsv names its resolver; what the text states (the groups) and what it implies
 * (the tense of the clause, asked for lazily) come in through the context. Returns null to reject
 * a match (an impossible date, an ambiguous slash date, a narrative-relative "the next day").
 * Depends on core dates and the calendar helpers; no I/O, no clock.
 */
import { addDays, isoWeekday, isValidIsoDate } from '../../core/dates.js';
import type { TimeExpression } from '../../core/types.js';
import {
  addMonths,
  daysInMonth,
  type Interval,
  maxDate,
  minDate,
  monthInterval,
  narrow,
  narrowMonth,
  narrowYear,
  partsOf,
  quarterInterval,
  seasonInterval,
  seasonOf,
  seasonYearOf,
  weekStart,
  weekValue,
  ym,
  ymd,
} from './calendar.js';
import type { ClauseTense } from './tense.js';

export interface Resolution {
  readonly type: TimeExpression['type'];
  readonly value: string;
  readonly from: string | null;
  readonly to: string | null;
  /** Set when the text itself points ahead ("later this week", "the next several weeks"). */
  readonly future?: boolean;
}

export interface ResolveContext {
  /** Publication date (YYYY-MM-DD), or null: relative expressions then stay unresolved. */
  readonly pub: string | null;
  /** The matched text of a named group, lower-cased, or undefined. */
  group(name: string): string | undefined;
  /** The lexicon value of a named group that holds a lexicon word. */
  lex(name: string): string | undefined;
  /** The lexicon value of any word in a class. */
  lexWord(cls: string, word: string): string | undefined;
  /** The tense of the clause around the match (computed on first call). */
  tense(): ClauseTense | null;
}

export type Resolver = (ctx: ResolveContext) => Resolution | null;

const MOD: Readonly<Record<string, string>> = {
  early: 'START',
  mid: 'MID',
  late: 'END',
  start: 'START',
  beginning: 'START',
  middle: 'MID',
  end: 'END',
};

const isPast = (t: ClauseTense | null): boolean => t === 'past' || t === 'completed';

const day = (iso: string): Resolution => ({ type: 'DATE', value: iso, from: iso, to: iso });
const interval = (value: string, iv: Interval, type: Resolution['type'] = 'DATE'): Resolution => ({
  type,
  value,
  from: iv.from,
  to: iv.to,
});
const unresolved = (value: string, type: Resolution['type'] = 'DATE'): Resolution => ({
  type,
  value,
  from: null,
  to: null,
});

function num(ctx: ResolveContext, name: string): number | 'X' | undefined {
  const text = ctx.group(name);
  if (text === undefined) return undefined;
  if (/^\d/.test(text)) return Number(text);
  const parts = text.split(/[-\s]/);
  if (parts.length === 2) {
    // "twenty-five": the lexicon knows both halves.
    const tens = ctx.lexWord('number', parts[0]!);
    const unit = ctx.lexWord('number', parts[1]!);
    if (tens && unit && /^[2-9]0$/.test(tens) && /^[1-9]$/.test(unit)) return Number(tens) + Number(unit);
  }
  const v = ctx.lex(name);
  if (v === undefined) return undefined;
  return v === 'X' ? 'X' : Number(v);
}

function intOf(text: string | undefined): number {
  return text === undefined ? Number.NaN : Number.parseInt(text, 10);
}

/** Year for a month (1-12) given as "last/next/this", by the clause's tense, or the nearest. */
function yearForMonth(ctx: ResolveContext, pub: string, m: number, rel: string | undefined): number {
  const { y, m: m0 } = partsOf(pub);
  if (rel === 'last' || rel === 'past') return m < m0 ? y : y - 1;
  if (rel === 'next' || rel === 'coming') return m > m0 ? y : y + 1;
  if (rel === 'this') return y;
  const tense = ctx.tense();
  if (isPast(tense)) return m <= m0 ? y : y - 1;
  if (tense === 'future') return m >= m0 ? y : y + 1;
  // Tenseless: the nearest such month, the earlier one on a tie ("through January" said in October
  // is next January; "in April" said in October is this year's).
  if (m - m0 > 6) return y - 1;
  if (m0 - m > 6) return y + 1;
  return y;
}

/**
 * A month and day without a year. A weekday beside it ("Monday, Oct. 26") picks the year outright.
 * Otherwise: in a past clause the latest on or before publication, unless the next one is at most
 * REPORTED_AHEAD days away (a past reporting verb over a date to come: "extended the offer to Nov. 20",
 * while a year-old date would carry its year); in a future clause the next on or after publication;
 * otherwise the nearest of the candidate years.
 */
function dateForMonthDay(ctx: ResolveContext, pub: string, m: number, d: number): string | null {
  const { y } = partsOf(pub);
  const candidates = [y - 1, y, y + 1].filter((cy) => d <= daysInMonth(cy, m)).map((cy) => ymd(cy, m, d));
  if (candidates.length === 0) return null;
  const wd = ctx.lex('weekday');
  if (wd !== undefined) {
    const same = candidates.filter((c) => isoWeekday(c) + 1 === Number(wd));
    if (same.length === 1) return same[0]!;
  }
  const days = (c: string) => (Date.parse(c) - Date.parse(pub)) / 86_400_000;
  const tense = ctx.tense();
  const next = candidates.find((c) => c >= pub) ?? null;
  if (tense === 'past' && next && days(next) <= REPORTED_AHEAD) return next;
  if (isPast(tense)) return candidates.filter((c) => c <= pub).pop() ?? null;
  if (tense === 'future') return next;
  return candidates.reduce((best, c) => (Math.abs(days(c)) < Math.abs(days(best)) ? c : best));
}

/** How far ahead a date under a past verb may lie and still be read as this year's (see dateForMonthDay). */
const REPORTED_AHEAD = 60;

function unitValue(n: number | 'X', unit: string): string {
  if (unit === '2W') return n === 'X' ? 'PXW' : `P${n * 2}W`;
  if (unit.startsWith('T')) return `PT${n}${unit.slice(1)}`;
  return `P${n}${unit}`;
}

/** Moves a date by n units (negative: back); hours and shorter move whole days only. */
function shift(iso: string, n: number, unit: string): string {
  switch (unit) {
    case 'CE':
      return addMonths(iso, Math.round(n * 1200));
    case 'DE':
      return addMonths(iso, Math.round(n * 120));
    case 'Y':
      return addMonths(iso, Math.round(n * 12));
    case 'M':
      return addMonths(iso, Math.round(n));
    case 'Q':
      return addMonths(iso, Math.round(n * 3));
    case 'W':
      return addDays(iso, Math.round(n * 7));
    case '2W':
      return addDays(iso, Math.round(n * 14));
    case 'D':
      return addDays(iso, Math.round(n));
    case 'TH':
      return addDays(iso, Math.sign(n) * Math.ceil(Math.abs(n) / 24));
    default:
      return iso;
  }
}

/**
 * A weekday: "last"/"next" are strictly before/after publication; a bare weekday is the latest such
 * day on or before publication unless its clause is future ("will meet Thursday"), then the next one
 * on or after it; in a present clause the nearer of the two. News reports what happened, so a clause
 * without a cue reads as past.
 */
function weekdayDate(ctx: ResolveContext, pub: string): { iso: string; future: boolean } {
  const wd = Number(ctx.lex('weekday'));
  const pubWd = isoWeekday(pub) + 1;
  const rel = ctx.group('rel');
  let delta: number;
  let future = false;
  if (rel === 'last' || rel === 'past') delta = -((pubWd - wd + 7) % 7 || 7);
  else if (rel === 'next' || rel === 'coming') delta = (wd - pubWd + 7) % 7 || 7;
  else if (rel === 'this') delta = wd - pubWd;
  else {
    const tense = ctx.group('dmod') === 'earlier' ? 'past' : ctx.tense();
    const back = -((pubWd - wd + 7) % 7);
    const ahead = (wd - pubWd + 7) % 7;
    if (tense === 'future') {
      delta = ahead;
      future = true;
    } else if (tense === 'present') {
      // The present of news is often scheduled ("Orban goes to Moscow on Tuesday"), or reports what
      // was just said ("says on Monday"): the nearer of the two days.
      delta = ahead < -back ? ahead : back;
    } else delta = back;
  }
  return { iso: addDays(pub, delta), future: future || delta > 0 };
}

/** today, tonight, yesterday, tomorrow as a date; "overnight" is the night that ended on publication day. */
function deicticDate(word: string, pub: string): string {
  return addDays(pub, word === 'yesterday' || word === 'overnight' ? -1 : word === 'tomorrow' ? 1 : 0);
}

const SEASON_ORDER: Readonly<Record<string, number>> = { SP: 0, SU: 1, FA: 2, WI: 3 };

export const RESOLVERS: Readonly<Record<string, Resolver>> = {
  /** An explicit calendar date: "October 28, 2024", "28 October 2024". */
  date(ctx) {
    const y = intOf(ctx.group('year'));
    const m = Number(ctx.lex('month'));
    const d = intOf(ctx.group('day'));
    const iso = ymd(y, m, d);
    return isValidIsoDate(iso) ? day(iso) : null;
  },

  'date-iso'(ctx) {
    const iso = ctx.group('isodate')!;
    return isValidIsoDate(iso) ? day(iso) : null;
  },

  /** 10/28/2024 is read only when one side is above 12: "03/04/2024" could be March or April. */
  'date-slash'(ctx) {
    const [a, b, y] = ctx.group('slashdate')!.split('/').map(Number) as [number, number, number];
    let m: number;
    let d: number;
    if (a > 12 && b <= 12) [d, m] = [a, b];
    else if (b > 12 && a <= 12) [m, d] = [a, b];
    else if (a === b) [m, d] = [a, b];
    else return null;
    const iso = ymd(y, m, d);
    return isValidIsoDate(iso) ? day(iso) : null;
  },

  'month-day'(ctx) {
    const m = Number(ctx.lex('month'));
    const d = intOf(ctx.group('day'));
    if (!(d >= 1 && d <= 31)) return null;
    if (!ctx.pub) return unresolved(`XXXX-${ym(0, m).slice(5)}-${String(d).padStart(2, '0')}`);
    const iso = dateForMonthDay(ctx, ctx.pub, m, d);
    return iso ? day(iso) : null;
  },

  /** "March 3-5", "3 to 5 March": one interval; the value is an ISO 8601 interval. */
  'range-days'(ctx) {
    const m = Number(ctx.lex('month'));
    const d1 = intOf(ctx.group('day'));
    const d2 = intOf(ctx.group('day2'));
    if (!(d2 > d1)) return null;
    let y: number;
    if (ctx.group('year')) y = intOf(ctx.group('year'));
    else if (ctx.pub) {
      const first = dateForMonthDay(ctx, ctx.pub, m, d1);
      if (!first) return null;
      y = partsOf(first).y;
    } else return null;
    const from = ymd(y, m, d1);
    const to = ymd(y, m, d2);
    if (!isValidIsoDate(from) || !isValidIsoDate(to)) return null;
    return interval(`${from}/${to}`, { from, to });
  },

  'range-months'(ctx) {
    const m1 = Number(ctx.lex('month'));
    const m2 = Number(ctx.lex('month2'));
    let y1: number;
    let y2: number;
    if (ctx.group('year')) {
      y2 = intOf(ctx.group('year'));
      y1 = m1 <= m2 ? y2 : y2 - 1;
    } else if (ctx.pub) {
      y1 = yearForMonth(ctx, ctx.pub, m1, undefined);
      y2 = m2 >= m1 ? y1 : y1 + 1;
    } else return null;
    return interval(`${ym(y1, m1)}/${ym(y2, m2)}`, {
      from: monthInterval(y1, m1).from,
      to: monthInterval(y2, m2).to,
    });
  },

  /** "between 2014 and 2022", "1990-2000", "2014-15". */
  'range-years'(ctx) {
    const y1 = intOf(ctx.group('year'));
    let y2 = intOf(ctx.group('year2'));
    const yy = ctx.group('yy');
    if (yy !== undefined) {
      y2 = Math.floor(y1 / 100) * 100 + Number(yy);
      if (y2 <= y1) y2 += 100;
    }
    if (!(y2 > y1) || y2 - y1 > 100) return null;
    return interval(`${y1}/${y2}`, { from: ymd(y1, 1, 1), to: ymd(y2, 12, 31) });
  },

  /** A month: with a year, "last/next/this June", or by tense ("in August" said in October = 2024-08). */
  month(ctx) {
    const m = Number(ctx.lex('month'));
    const rel = ctx.group('rel');
    const mod = MOD[ctx.group('mod') ?? ctx.group('pos') ?? rel ?? ''];
    let y: number;
    const yrel = ctx.group('yrel');
    if (ctx.group('year')) y = intOf(ctx.group('year'));
    else if (!ctx.pub) return unresolved(`XXXX-${ym(0, m).slice(5)}`);
    else if (yrel) y = partsOf(ctx.pub).y + (yrel === 'last' ? -1 : yrel === 'next' ? 1 : 0);
    else y = yearForMonth(ctx, ctx.pub, m, rel);
    return interval(ym(y, m), narrowMonth(y, m, mod));
  },

  /** A weekday, "Monday night", "last Friday" (see weekdayDate). */
  weekday(ctx) {
    const code = ctx.lex('partofday');
    if (!ctx.pub) return unresolved(`XXXX-WXX-${ctx.lex('weekday')}`);
    const { iso, future } = weekdayDate(ctx, ctx.pub);
    if (code) return { type: 'TIME', value: `${iso}T${code}`, from: iso, to: iso, future };
    return { ...day(iso), future };
  },

  'set-month'(ctx) {
    return unresolved(`XXXX-${ym(0, Number(ctx.lex('month'))).slice(5)}`, 'SET');
  },

  'set-weekday'(ctx) {
    return unresolved(`XXXX-WXX-${ctx.lex('weekday')}`, 'SET');
  },

  /** today, tonight, yesterday, tomorrow (and "yesterday morning"). */
  deictic(ctx) {
    const word = ctx.group('deictic')!;
    const code = ctx.lex('partofday') ?? (word === 'tonight' || word === 'overnight' ? 'NI' : undefined);
    if (!ctx.pub) return unresolved(word === 'today' ? 'PRESENT_REF' : 'XXXX-XX-XX');
    const iso = deicticDate(word, ctx.pub);
    if (word === 'overnight') return { type: 'TIME', value: `${iso}TNI`, from: iso, to: ctx.pub };
    const future = word === 'tomorrow' || word === 'tonight';
    if (code) return { type: 'TIME', value: `${iso}T${code}`, from: iso, to: iso, future };
    return { ...day(iso), future };
  },

  /** "this morning" is the publication day; "last night" the evening before it. */
  partofday(ctx) {
    const code = ctx.lex('partofday')!;
    if (!ctx.pub) return unresolved(`XXXX-XX-XXT${code}`, 'TIME');
    const iso = ctx.group('rel') === 'last' ? addDays(ctx.pub, -1) : ctx.pub;
    return { type: 'TIME', value: `${iso}T${code}`, from: iso, to: iso };
  },

  /**
   * "last week" (the ISO week before publication's, Monday-Sunday), "this month", "next year", "the
   * third quarter"-like units, narrowed by "early/mid/late" or cut at publication by "earlier/later
   * this ...": "later this week" runs from publication to Sunday and points ahead.
   */
  'rel-unit'(ctx) {
    const unit = ctx.group('unit')!;
    const rel = ctx.group('rel') ?? 'this';
    const modWord = ctx.group('mod') ?? ctx.group('pos');
    if (!ctx.pub)
      return unresolved(rel === 'last' ? 'PAST_REF' : rel === 'next' ? 'FUTURE_REF' : 'PRESENT_REF');
    const offset = rel === 'last' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
    const pub = ctx.pub;
    const { y, m } = partsOf(pub);
    let value: string;
    let iv: Interval;
    const mod = modWord ? MOD[modWord] : undefined;
    if (unit === 'week') {
      const start = addDays(weekStart(pub), 7 * offset);
      value = weekValue(start);
      iv = narrow({ from: start, to: addDays(start, 6) }, mod);
    } else if (unit === 'month') {
      const first = addMonths(ymd(y, m, 1), offset);
      const p = partsOf(first);
      value = ym(p.y, p.m);
      iv = narrowMonth(p.y, p.m, mod);
    } else if (unit === 'quarter') {
      const index = y * 4 + Math.floor((m - 1) / 3) + offset;
      const qy = Math.floor(index / 4);
      const q = (index % 4) + 1;
      value = `${qy}-Q${q}`;
      iv = narrow(quarterInterval(qy, q), mod);
    } else {
      value = String(y + offset);
      iv = narrowYear(y + offset, mod);
    }
    // "the end of the year" in a past clause is the last one that has ended.
    if (rel === 'the' && unit !== 'week' && iv.from > pub && isPast(ctx.tense())) {
      const back = RESOLVERS['rel-unit']!({
        ...ctx,
        group: (name) => (name === 'rel' ? 'last' : ctx.group(name)),
      });
      if (back) return back;
    }
    if (modWord === 'earlier') iv = { from: iv.from, to: minDate(iv.to, pub) };
    const later = modWord === 'later';
    if (later) iv = { from: maxDate(iv.from, pub), to: iv.to };
    return { ...interval(value, iv), future: later || offset > 0 };
  },

  /** "this/last/next weekend"; "the weekend" is the latest one in a past clause, else the coming one. */
  weekend(ctx) {
    if (!ctx.pub) return unresolved('XXXX-WXX-WE');
    const rel = ctx.group('rel');
    const pubWd = isoWeekday(ctx.pub) + 1;
    let offset: number;
    if (rel === 'last' || rel === 'past') offset = -1;
    else if (rel === 'next' || rel === 'coming') offset = 1;
    else if (rel === 'this') offset = 0;
    else offset = ctx.tense() === 'future' || pubWd >= 6 ? 0 : -1;
    const saturday = addDays(weekStart(ctx.pub), 7 * offset + 5);
    return {
      ...interval(`${weekValue(saturday)}-WE`, { from: saturday, to: addDays(saturday, 1) }),
      future: saturday > ctx.pub,
    };
  },

  /** A year: "in 2023", "late 2023" (September-December), "the end of 2023". */
  year(ctx) {
    const y = intOf(ctx.group('year'));
    const modWord = ctx.group('mod') ?? ctx.group('pos');
    return interval(String(y), narrowYear(y, modWord ? MOD[modWord] : undefined));
  },

  /** "the 1990s" (value 199), "the late '80s": a two-digit decade is the latest one not after publication. */
  decade(ctx) {
    const text = ctx.group('decade')!;
    let start: number;
    if (/^\d{4}/.test(text)) start = Number(text.slice(0, 4));
    else {
      const dd = Number(text.slice(1, 3));
      const pubYear = ctx.pub ? partsOf(ctx.pub).y : 2000 + dd;
      start = 2000 + dd <= pubYear ? 2000 + dd : 1900 + dd;
    }
    const mod = MOD[ctx.group('mod') ?? ''];
    let from = start;
    let to = start + 9;
    if (mod === 'START') to = start + 3;
    else if (mod === 'MID') [from, to] = [start + 3, start + 6];
    else if (mod === 'END') from = start + 7;
    return interval(String(Math.floor(start / 10)), { from: ymd(from, 1, 1), to: ymd(to, 12, 31) });
  },

  /** Seasons of the northern hemisphere: "last fall" said in October 2024 is 2023-FA. */
  season(ctx) {
    const s = ctx.lex('season')!;
    const rel = ctx.group('rel');
    const mod = MOD[ctx.group('mod') ?? rel ?? ''];
    let y: number;
    if (ctx.group('year')) y = intOf(ctx.group('year'));
    else if (ctx.pub) {
      const pub = ctx.pub;
      const current = seasonOf(pub);
      const now = seasonYearOf(pub, current) * 4 + SEASON_ORDER[current]!;
      const y0 = partsOf(pub).y;
      const candidates = [y0 - 1, y0, y0 + 1].map((cy) => ({ cy, at: cy * 4 + SEASON_ORDER[s]! }));
      const tense = ctx.tense();
      let pick: { cy: number } | undefined;
      if (rel === 'last' || rel === 'past') pick = candidates.filter((c) => c.at < now).pop();
      else if (rel === 'next' || rel === 'coming') pick = candidates.find((c) => c.at > now);
      else if (rel === 'this') pick = { cy: y0 };
      else if (isPast(tense)) pick = candidates.filter((c) => c.at <= now).pop();
      else if (tense === 'future') pick = candidates.find((c) => c.at >= now);
      y = (pick ?? { cy: y0 }).cy;
    } else return unresolved(`XXXX-${s}`);
    return interval(`${y}-${s}`, narrow(seasonInterval(y, s), mod));
  },

  /** "the third quarter": without a year, the latest one begun by publication (or the next, if future). */
  quarter(ctx) {
    const ord = ctx.group('ord') ?? ctx.group('q') ?? '';
    const q = /^\d/.test(ord) ? Number(ord[0]) : { first: 1, second: 2, third: 3, fourth: 4 }[ord];
    if (!q) return null;
    let y: number;
    if (ctx.group('year')) y = intOf(ctx.group('year'));
    else if (ctx.pub) {
      const y0 = partsOf(ctx.pub).y;
      const iv = quarterInterval(y0, q);
      if (ctx.tense() === 'future') y = iv.to >= ctx.pub ? y0 : y0 + 1;
      else y = iv.from <= ctx.pub ? y0 : y0 - 1;
    } else return unresolved(`XXXX-Q${q}`);
    return interval(`${y}-Q${q}`, quarterInterval(y, q));
  },

  half(ctx) {
    const h = ctx.group('half') === 'first' ? 1 : 2;
    const y = intOf(ctx.group('year'));
    return interval(
      `${y}-H${h}`,
      h === 1 ? { from: ymd(y, 1, 1), to: ymd(y, 6, 30) } : { from: ymd(y, 7, 1), to: ymd(y, 12, 31) },
    );
  },

  /** "the 20th century": value 19, the years 1900-1999 as people count them. */
  century(ctx) {
    const n = intOf(ctx.group('ordnum'));
    if (!(n >= 1 && n <= 21)) return null;
    const start = (n - 1) * 100;
    return interval(String(n - 1).padStart(2, '0'), { from: ymd(start, 1, 1), to: ymd(start + 99, 12, 31) });
  },

  /** "three days ago" at the granularity of its unit: days give a date, weeks a week, years a year. */
  ago(ctx) {
    const n = num(ctx, 'count') ?? 'X';
    const unit =
      ctx.lex('unit') ??
      ({ years: 'Y', decades: 'DE', months: 'M', weeks: 'W', days: 'D' } as Record<string, string>)[
        ctx.group('unit') ?? ''
      ] ??
      'Y';
    if (!ctx.pub || n === 'X') return { type: 'DATE', value: 'PAST_REF', from: null, to: ctx.pub };
    const then = shift(ctx.pub, -n, unit);
    const { y, m } = partsOf(then);
    if (unit === 'Y' || unit === 'DE' || unit === 'CE') return interval(String(y), narrowYear(y, undefined));
    if (unit === 'M') return interval(ym(y, m), monthInterval(y, m));
    if (unit === 'W' || unit === '2W') {
      const start = weekStart(then);
      return interval(weekValue(then), { from: start, to: addDays(start, 6) });
    }
    return day(then);
  },

  /**
   * "the past two weeks" (from publication minus two weeks to publication), "the next several weeks"
   * (from publication, open-ended, future). A DURATION anchored at publication.
   */
  anchored(ctx) {
    const rel = ctx.group('rel')!;
    const unit = ctx.lex('unit')!;
    // "the coming weeks": a plural without a number is an unspecified count, "the past year" is one.
    const plural = ctx.group('unit')!.endsWith('s');
    const n = num(ctx, 'count') ?? (plural ? 'X' : 1);
    const ahead = rel === 'next' || rel === 'coming' || rel === 'ahead' || rel === 'to come';
    // "the next day", "the last hour": relative to the story's own events, not to publication.
    if (ctx.group('count') === undefined && !plural && (unit === 'D' || unit.startsWith('T'))) return null;
    const value = unitValue(n, unit);
    if (!ctx.pub) return unresolved(value, 'DURATION');
    if (n === 'X') {
      return ahead
        ? { type: 'DURATION', value, from: ctx.pub, to: null, future: true }
        : { type: 'DURATION', value, from: null, to: ctx.pub };
    }
    return ahead
      ? { type: 'DURATION', value, from: ctx.pub, to: shift(ctx.pub, n, unit), future: true }
      : { type: 'DURATION', value, from: shift(ctx.pub, -n, unit), to: ctx.pub };
  },

  /**
   * "a year earlier", "two days later": anchored to another event of the story, which this stage does
   * not know. "earlier/before" still says the time is past; "later/after" is left open.
   */
  'relative-offset'(ctx) {
    const rel = ctx.group('rel');
    if (rel === 'earlier' || rel === 'before')
      return { type: 'DATE', value: 'PAST_REF', from: null, to: ctx.pub };
    return unresolved('XXXX-XX-XX');
  },

  /** "in recent years": an open stretch up to publication. */
  recent(ctx) {
    const unit =
      ({ years: 'Y', months: 'M', weeks: 'W', days: 'D', decades: 'DE' } as Record<string, string>)[
        ctx.group('unit')!
      ] ?? 'Y';
    return { type: 'DURATION', value: unitValue('X', unit), from: null, to: ctx.pub };
  },

  /** "three years", "a three-year war", "48 hours", "for years": a length of time, not a date. */
  duration(ctx) {
    const n = num(ctx, 'count') ?? 'X';
    const unit =
      ctx.lex('unit') ??
      (
        {
          years: 'Y',
          decades: 'DE',
          months: 'M',
          weeks: 'W',
          days: 'D',
          hours: 'TH',
          centuries: 'CE',
        } as Record<string, string>
      )[ctx.group('unit') ?? ''];
    if (!unit || n === 0) return null;
    return unresolved(unitValue(n, unit), 'DURATION');
  },

  set(ctx) {
    const n = num(ctx, 'count');
    const unit = ctx.lex('unit');
    if (!unit) return null;
    return unresolved(unitValue(n === undefined || n === 'X' ? 1 : n, unit), 'SET');
  },

  'set-adverb'(ctx) {
    return unresolved(ctx.lex('frequency')!, 'SET');
  },

  /** now/currently (PRESENT_REF, the publication day), recently, "the past" (PAST_REF), soon, "the future". */
  ref(ctx) {
    const text = ctx.group('ref');
    const value =
      (text !== undefined ? ctx.lex('ref') : undefined) ??
      (ctx.group('past') !== undefined ? 'PAST_REF' : 'FUTURE_REF');
    const pub = ctx.pub;
    if (value === 'PRESENT_REF') return { type: 'DATE', value, from: pub, to: pub };
    if (value === 'PAST_REF') return { type: 'DATE', value, from: null, to: pub };
    return { type: 'DATE', value, from: pub, to: null, future: true };
  },

  /** "3 p.m.", "noon Thursday": a time of the day named, else of the publication day (TIMEX3's default). */
  clock(ctx) {
    const text = ctx.group('clock') ?? ctx.group('h24')!;
    let h: number;
    let mm = 0;
    const h24 = /^(\d{1,2}):(\d\d)$/.exec(text);
    if (text === 'noon') h = 12;
    else if (text === 'midnight') h = 0;
    else if (h24) {
      h = Number(h24[1]);
      mm = Number(h24[2]);
    } else {
      const m = /^(\d{1,2})(?::(\d\d))?\s?([ap])/.exec(text);
      if (!m) return null;
      h = Number(m[1]) % 12;
      if (m[3] === 'p') h += 12;
      mm = m[2] ? Number(m[2]) : 0;
    }
    const t = `T${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
    if (!ctx.pub) return unresolved(`XXXX-XX-XX${t}`, 'TIME');
    let iso = ctx.pub;
    let future = false;
    const word = ctx.group('deictic');
    if (word !== undefined) iso = deicticDate(word, ctx.pub);
    else if (ctx.group('weekday') !== undefined) ({ iso, future } = weekdayDate(ctx, ctx.pub));
    return { type: 'TIME', value: `${iso}${t}`, from: iso, to: iso, future };
  },
};
