/**
 * The quantities finder: a number (digits with separators and scales, number words, indefinite plurals
 * such as "thousands of"), a currency symbol before it or a unit after it (the head noun, past
 * adjectives: "10,000 North Korean troops"), and a qualifier before it ("about", "up to"). Only
 * quantities with a unit, a currency or a percent sign are kept: bare numbers in news are mostly ages,
 * scores, identifiers and dates. Years, dates, clock times, hyphenated compounds ("F-16", "three-year")
 * and ordinals are never quantities. Pure; depends on core types and the quantities data.
 */
import type { Token } from '../../core/types.js';
import type { Qualifier, QuantitiesData, UnitWord } from '../../data/quantities.js';

export interface QuantityMatch {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string | null;
  readonly approximate: boolean;
  readonly qualifier: string | null;
  /** The pattern and the data rows that fired, e.g. `digits;units.tsv:12;qualifiers.tsv:3`. */
  readonly rule: string;
}

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const YEAR = /^(1[89]|20)\d\d$/;
const MONTH =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;
const CLOCK = /^(a\.?m\.?|p\.?m\.?|gmt|utc|bst|est|edt|pst|cet|hrs|o'clock)$/;
/** Words that may come between "of" and a unit: "thousands of its troops". */
const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'those', 'these', 'them']);
/** Parts of speech that may stand between a number and its unit ("10,000 North Korean troops"). */
const MODIFIER_POS = new Set(['ADJ', 'PROPN', 'NOUN', 'VERB', 'ADV']);
const MAX_MODIFIERS = 3;
/** Words joining the two ends of a range ("and" only after "between"). */
const RANGE = new Set(['to', 'and', 'or']);

interface NumberPhrase {
  /** Token range of the number itself. */
  first: number;
  last: number;
  value: number;
  /** An indefinite plural ("thousands of"): approximate, at least the value. */
  plural: boolean;
  pattern: string;
  /** Extra token before the number that belongs to it ("a dozen", "a million"). */
  lead: number | null;
}

const adjacent = (a: Token, b: Token): boolean => a.end === b.start;

export function findQuantities(tokens: readonly Token[], data: QuantitiesData): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  const same = (i: number, j: number): boolean => !!tokens[j] && tokens[j]!.sentence === tokens[i]!.sentence;
  const num = (i: number) => (tokens[i] ? data.numbers.get(tokens[i]!.normal) : undefined);

  /** Scales after a value ("1.5 million", "three hundred thousand", "3m" against the digits). */
  const scales = (i: number, value: number, afterDigits: boolean): { value: number; last: number } => {
    let last = i;
    let v = value;
    for (;;) {
      const n = num(last + 1);
      if (!n || !same(i, last + 1)) break;
      if (n.kind === 'scale' || n.kind === 'dozen') v *= n.value;
      else if (
        n.kind === 'scale-abbrev' &&
        afterDigits &&
        last === i &&
        adjacent(tokens[last]!, tokens[last + 1]!)
      )
        v *= n.value;
      else break;
      last++;
    }
    return { value: v, last };
  };

  const parseNumber = (i: number): NumberPhrase | null => {
    const t = tokens[i]!;
    if (DIGITS.test(t.text)) {
      const { value, last } = scales(i, Number(t.text.replace(/,/g, '')), true);
      return {
        first: i,
        last,
        value,
        plural: false,
        pattern: last > i ? 'digits-scale' : 'digits',
        lead: null,
      };
    }
    const w = num(i);
    if (!w) return null;
    if (w.kind === 'cardinal') {
      let value = w.value;
      let last = i;
      // "twenty-five": tens, a hyphen, units, written together.
      const h = tokens[i + 1];
      const u = num(i + 2);
      if (value >= 20 && h?.text === '-' && adjacent(t, h) && u?.kind === 'cardinal' && u.value < 10) {
        value += u.value;
        last = i + 2;
      }
      const s = scales(last, value, false);
      return { first: i, last: s.last, value: s.value, plural: false, pattern: 'words', lead: null };
    }
    if (w.kind === 'scale' || w.kind === 'dozen') {
      // "a hundred", "a dozen", "a million": the article is the number one.
      const prev = tokens[i - 1];
      if (!prev || !same(i, i - 1) || (prev.normal !== 'a' && prev.normal !== 'an')) return null;
      const s = scales(i, w.value, false);
      return { first: i, last: s.last, value: s.value, plural: false, pattern: 'words', lead: i - 1 };
    }
    if (w.kind === 'plural-scale') {
      // "thousands of", "tens of thousands of", "hundreds of millions of": at least two of the scale.
      let value = w.value;
      let last = i;
      const inner = num(i + 2);
      if (tokens[i + 1]?.normal === 'of' && inner?.kind === 'plural-scale' && inner.value > w.value) {
        value *= inner.value;
        last = i + 2;
      } else if (w.value === 10) return null; // "tens" alone is not a news count
      if (tokens[last + 1]?.normal !== 'of') return null;
      return { first: i, last, value: 2 * value, plural: true, pattern: 'plural-scale', lead: null };
    }
    return null;
  };

  /** The unit after a number: "%", "troops", "North Korean troops", "of its troops", "square kilometres". */
  const findUnit = (last: number, allowOf: boolean): { unit: UnitWord; end: number } | null => {
    let k = last + 1;
    if (!same(last, k)) return null;
    if (tokens[k]!.normal === 'of' && allowOf) {
      k++;
      if (tokens[k] && DETERMINERS.has(tokens[k]!.normal)) k++;
    }
    for (let m = 0; m <= MAX_MODIFIERS && same(last, k); m++) {
      const t = tokens[k]!;
      const two =
        tokens[k + 1] && same(last, k + 1)
          ? data.units.get(`${t.normal} ${tokens[k + 1]!.normal}`)
          : undefined;
      if (two) return { unit: two, end: tokens[k + 1]!.end };
      const one = data.units.get(t.normal);
      if (one) return { unit: one, end: t.end };
      // Hyphenated modifiers ("Iranian-made", "long-range") are walked over as one.
      if (t.text === '-' && m > 0) {
        k++;
        m--;
        continue;
      }
      if (!MODIFIER_POS.has(t.pos) || data.numbers.has(t.normal)) return null;
      k++;
    }
    return null;
  };

  /** The longest qualifier (up to three words) ending just before token `i`. */
  const findQualifier = (i: number): { q: Qualifier; first: number } | null => {
    for (let n = 3; n >= 1; n--) {
      const first = i - n;
      if (first < 0 || !same(i, first)) continue;
      const phrase = tokens
        .slice(first, i)
        .map((t) => t.normal)
        .join(' ');
      const q = data.qualifiers.get(phrase);
      if (q) return { q, first };
    }
    return null;
  };

  /** Token index of the high end of a range whose low end was just emitted. */
  let rangeHigh = -1;
  for (let i = 0; i < tokens.length; i++) {
    const phrase = parseNumber(i);
    // Beyond a quadrillion (or beyond a double) a "number" is junk, not something news counts.
    if (!phrase || !Number.isFinite(phrase.value) || phrase.value > 1e15) continue;
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    // Digits glued to a letter or digit before them are part of a code or a longer string ("A320",
    // a run of digits the tokenizer had to cut), never a count of their own.
    if (prev && adjacent(prev, t) && /[\p{L}\p{N}]$/u.test(prev.text)) continue;
    const next = tokens[phrase.last + 1];
    // Not quantities: parts of hyphenated compounds ("F-16", "three-year", "10-year-old"), dates,
    // clock times and ordinals (never matched: "28th" and "third" are not numbers here).
    if (prev && same(i, i - 1) && prev.text === '-' && adjacent(prev, t)) continue;
    if (next && same(i, phrase.last + 1) && next.text === '-' && adjacent(tokens[phrase.last]!, next))
      continue;
    if (prev && same(i, i - 1) && MONTH.test(prev.normal)) continue;
    if (next && same(i, phrase.last + 1) && (MONTH.test(next.normal) || CLOCK.test(next.normal))) continue;

    // A currency symbol written against the number: "$4 billion", "£3m", "US$1.2bn".
    let currency: UnitWord | null = null;
    let start = phrase.lead !== null ? tokens[phrase.lead]!.start : t.start;
    let before = phrase.lead ?? i;
    if (phrase.pattern.startsWith('digits') && prev && adjacent(prev, t)) {
      const two = tokens[i - 2];
      const joined = two && adjacent(two, prev) ? data.symbols.get(two.text + prev.text) : undefined;
      const sym = joined ?? data.symbols.get(prev.text);
      if (sym) {
        currency = sym;
        before = joined ? i - 2 : i - 1;
        start = tokens[before]!.start;
      }
    }
    const unit = currency ? null : findUnit(phrase.last, phrase.plural || phrase.value !== 1);
    if (!currency && !unit) {
      // The low end of a range takes the high end's unit: "between 10,000 and 12,000 troops",
      // "10,000 to 12,000 troops" give at least 10,000 troops and up to 12,000 troops.
      const conn = tokens[phrase.last + 1];
      const between = tokens[before - 1]?.normal === 'between' && same(i, before - 1);
      if (
        !conn ||
        !same(i, phrase.last + 1) ||
        !(RANGE.has(conn.normal) && (conn.normal !== 'and' || between))
      )
        continue;
      const high = tokens[phrase.last + 2] && same(i, phrase.last + 2) ? parseNumber(phrase.last + 2) : null;
      const highUnit = high ? findUnit(high.last, true) : null;
      if (!high || !highUnit) continue;
      if (YEAR.test(t.text) && phrase.pattern === 'digits') continue;
      // "3 to 5 million": the low end shares the high end's scale.
      const highBase = Number(tokens[high.first]!.text.replace(/,/g, ''));
      const scale =
        phrase.pattern === 'digits' && high.pattern === 'digits-scale' && highBase > 0
          ? high.value / highBase
          : 1;
      const lowQual = findQualifier(before);
      out.push({
        start: between ? tokens[before - 1]!.start : lowQual ? tokens[lowQual.first]!.start : start,
        end: tokens[phrase.last]!.end,
        value: phrase.value * scale,
        unit: highUnit.unit.unit,
        approximate: true,
        qualifier: 'at least',
        rule: `${phrase.pattern};range-low;${highUnit.unit.rule}`,
      });
      rangeHigh = high.first;
      continue;
    }
    // A year-like number ("in 2024 troops left") counts only with its unit right after it ("1900 troops").
    if (
      !currency &&
      phrase.pattern === 'digits' &&
      YEAR.test(t.text) &&
      unit!.end !== tokens[phrase.last + 1]?.end
    )
      continue;
    // "one" only as a count of a unit right after it ("one soldier"), never the pronoun ("one of the").
    if (
      phrase.pattern === 'words' &&
      phrase.value === 1 &&
      phrase.lead === null &&
      tokens[phrase.last + 1]?.normal === 'of'
    )
      continue;

    const qual = findQualifier(before);
    if (qual) start = tokens[qual.first]!.start;
    const isHigh = rangeHigh === i;
    const end = unit ? unit.end : tokens[phrase.last]!.end;
    const rules = [
      phrase.pattern,
      isHigh ? 'range-high' : null,
      (currency ?? unit?.unit)?.rule,
      qual?.q.rule,
    ].filter(Boolean);
    out.push({
      start,
      end,
      value: phrase.value,
      unit: (currency ?? unit?.unit)?.unit ?? null,
      approximate: phrase.plural || qual !== null || isHigh,
      qualifier: qual?.q.qualifier ?? (phrase.plural ? 'at least' : isHigh ? 'up to' : null),
      rule: rules.join(';'),
    });
    // Continue after what was consumed, so one quantity never yields two.
    while (i + 1 < tokens.length && tokens[i + 1]!.start < end) i++;
  }
  return out;
}
