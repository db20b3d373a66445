/**
 * Compiles the pattern rows of data/times/patterns.tsv into regular expressions, once per process
 * (in the stage factory). The pattern language is documented at the top of patterns.tsv: `{class}`
 * for a lexicon class or a built-in number shape, `<name:a|b>` for named alternatives, lower-case
 * words matching either first-letter case, a space for any whitespace run. Each compiled pattern
 * remembers which lexicon class each named group holds, so the resolver gets values, not words.
 * Depends on the data types only; no I/O.
 */
import type { TimesLexiconEntry, TimesPatternRow } from '../../data/times.js';

export interface CompiledPattern {
  readonly id: string;
  readonly resolver: string;
  readonly priority: number;
  /** The pattern alone, sticky: run where the scanner found it, to read its named groups. */
  readonly sticky: RegExp;
  /**
   * The `before` context, tested on the text just before a match (a lookbehind in the pattern itself
   * would be evaluated at every position of the text, see leadBlocked); null when there is none.
   */
  readonly before: RegExp | null;
  /** Named group → lexicon class, for groups that hold a lexicon word. */
  readonly classes: ReadonlyMap<string, string>;
}

/** Lexicon lookups by class: the exact word as written in the text → its value. */
export type Lexicon = ReadonlyMap<string, ReadonlyMap<string, string>>;

const YEAR = '(?:1[6-9]|20)\\d\\d';
/** Number shapes every pattern may use; `{count}` also takes the number words of the lexicon. */
const BUILTINS: Readonly<Record<string, string>> = {
  year: YEAR,
  yy: '\\d\\d',
  day: '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?',
  decade: `(?:(?:1[6-9]|20)\\d0s|['’]\\d0s)`,
  isodate: `${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])`,
  slashdate: `\\d{1,2}/\\d{1,2}/${YEAR}`,
  ordnum: '\\d{1,2}(?:st|nd|rd|th)',
  clock: '(?:(?:[01]?\\d|2[0-3])(?::[0-5]\\d)?\\s?(?:a\\.m\\.|p\\.m\\.|am|pm)|[Nn]oon|[Mm]idnight)',
};

/** Key of the compound-number alternation ("twenty-five") among the lexicon alternations. */
const COMPOUND = ' compound';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A lower-case word also matches capitalised at a sentence start; a capitalised one only as written. */
function caseWord(word: string): string {
  const first = word[0]!;
  const rest = escapeRe(word.slice(1));
  return /[a-z]/.test(first) ? `[${first.toUpperCase()}${first}]${rest}` : escapeRe(first) + rest;
}

function lexiconAlternation(entries: readonly TimesLexiconEntry[]): string {
  // Longest first, so that "a few" wins over "a" and "Sept." over "Sept".
  const words = [...new Set(entries.map((e) => e.word))].sort((a, b) => b.length - a.length);
  return words.map((w) => w.split(/\s+/).map(caseWord).join('\\s+')).join('|');
}

/** Indexes the lexicon by class for the resolvers: exact text → value, with the capitalised variants. */
export function indexLexicon(entries: readonly TimesLexiconEntry[]): Lexicon {
  const byClass = new Map<string, Map<string, string>>();
  for (const e of entries) {
    let m = byClass.get(e.cls);
    if (!m) {
      m = new Map();
      byClass.set(e.cls, m);
    }
    m.set(e.word.toLowerCase(), e.value);
  }
  return byClass;
}

/** Looks a matched word up in a class, ignoring case and inner whitespace runs. */
export function lookup(lexicon: Lexicon, cls: string, text: string): string | undefined {
  return lexicon.get(cls)?.get(text.toLowerCase().replace(/\s+/g, ' '));
}

/**
 * Translates the pattern language into regular-expression source. `classes` collects the lexicon
 * class of each named group; repeated classes are numbered (month, month2).
 */
function translate(
  source: string,
  alternations: ReadonlyMap<string, string>,
  classes: Map<string, string> | null,
  where: string,
): string {
  let out = '';
  const open: string[] = [];
  const seen = new Map<string, number>();
  const groupName = (name: string): string => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}${n}`;
  };
  const tokenRe = /\{([a-z]\w*)\}|<(\w+):|\\.|\(\?(?:<[=!]|[:=!])|\[(?:\\.|[^\]])*\]|[a-z]+|./gy;
  for (let m = tokenRe.exec(source); m; m = tokenRe.exec(source)) {
    const [tok, placeholder, named] = m;
    if (placeholder) {
      const builtin = BUILTINS[placeholder];
      const lex = alternations.get(placeholder);
      let body: string;
      if (placeholder === 'count') {
        const compound = alternations.get(COMPOUND);
        body = `\\d{1,4}(?:\\.\\d+)?|${compound ? `${compound}|` : ''}${alternations.get('number') ?? '(?!)'}`;
      } else if (builtin) body = builtin;
      else if (lex) body = lex;
      else throw new Error(`${where}: unknown class {${placeholder}}`);
      if (classes) {
        const name = groupName(placeholder);
        if (lex && !builtin) classes.set(name, placeholder);
        if (placeholder === 'count') classes.set(name, 'number');
        out += `(?<${name}>${body})`;
      } else out += `(?:${body})`;
    } else if (named) {
      open.push(named);
      out += classes ? `(?<${groupName(named)}>` : '(?:';
    } else if (tok === '>' && open.length > 0) {
      open.pop();
      out += ')';
    } else if (tok === ' ') {
      out += '\\s+';
    } else if (/^[a-z]+$/.test(tok)) {
      out += caseWord(tok);
    } else {
      out += tok;
    }
  }
  if (open.length > 0) throw new Error(`${where}: unclosed <${open[0]}:`);
  return out;
}

// A time expression never ends inside a word or a number ("2024-10" of a phone number, "12.53%").
const TRAIL = '(?![\\p{L}\\p{N}_]|[.,:/-]\\p{N}|\\s?%)';

/**
 * Nor does it start inside one, or right after a currency sign, a slash or a hyphen (URLs, phone
 * numbers, "F-16", "$2023"). Checked on the character before a match rather than by a lookbehind in
 * every pattern: a leading lookbehind stops the regex engine from skipping ahead to a possible first
 * character, which made the patterns four times slower.
 */
const LEAD_BLOCKERS = /[\p{L}\p{N}$£€¥#@/\\_.,:-]/u;

export function leadBlocked(text: string, start: number): boolean {
  return start > 0 && LEAD_BLOCKERS.test(text[start - 1]!);
}

/**
 * All patterns compiled into one sticky scanner: an alternation in file order, capture group i + 1
 * marking pattern i, tried only where a word that can start a pattern begins (`starters`: every word
 * of the pattern column and of the lexicon, lower-case and capitalised; numbers always). One
 * alternation is about three times faster than a pass per pattern, and trying it only at starter
 * words spares the engine some 75 failing alternatives at every other word. The price: at one
 * position the first alternative that matches wins, so patterns.tsv lists longer forms first.
 */
export interface CompiledTimes {
  readonly patterns: readonly CompiledPattern[];
  readonly scanner: RegExp;
  readonly starters: ReadonlySet<string>;
}

export function compilePatterns(
  rows: readonly TimesPatternRow[],
  lexicon: readonly TimesLexiconEntry[],
): CompiledTimes {
  const byClass = new Map<string, TimesLexiconEntry[]>();
  for (const e of lexicon) {
    const list = byClass.get(e.cls) ?? [];
    list.push(e);
    byClass.set(e.cls, list);
  }
  const alternations = new Map<string, string>();
  for (const [cls, entries] of byClass) alternations.set(cls, lexiconAlternation(entries));
  // "twenty-five", "twenty four": tens and units of the number class, so that {count} needs no list of them.
  const numbers = byClass.get('number') ?? [];
  const tens = numbers.filter((e) => /^[2-9]0$/.test(e.value));
  const units = numbers.filter((e) => /^[1-9]$/.test(e.value) && !/^an?$/.test(e.word));
  if (tens.length > 0 && units.length > 0) {
    alternations.set(COMPOUND, `(?:${lexiconAlternation(tens)})[-\\s](?:${lexiconAlternation(units)})`);
  }

  const sources: string[] = [];
  const patterns = rows.map((row) => {
    const where = `patterns.tsv ${row.id}`;
    const classes = new Map<string, string>();
    const body = translate(row.pattern, alternations, classes, where);
    const after = row.after ? `(?=${row.after})` : '';
    let before: RegExp | null = null;
    const source = `(?:${body})${TRAIL}${after}`;
    try {
      new RegExp(source, 'u');
      if (row.before) {
        before = new RegExp(
          `(?:^|[^\\p{L}\\p{N}])(?:${translate(row.before, alternations, null, where)})\\s+$`,
          'u',
        );
      }
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
    // In the scanner every group but the alternative's own is non-capturing: capture registers are
    // saved on every backtrack, and a match object with hundreds of groups costs more than the
    // second, sticky match of the one pattern that fired.
    sources.push(`(${source.replace(/\(\?<\w+>|(?<!\\)\((?!\?)/g, '(?:')})`);
    return Object.freeze({
      id: row.id,
      resolver: row.resolver,
      priority: row.priority,
      sticky: new RegExp(source, 'uy'),
      before,
      classes,
    });
  });
  // A superset of the words a match can start with: the words of every pattern (placeholders and
  // group names taken out), the words of the lexicon and of the built-in shapes.
  const starters = new Set<string>();
  // Lower-case and capitalised forms, so the scan needs no case folding per word: no pattern matches
  // a word in any other case.
  const addWords = (text: string) => {
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      starters.add(w);
      starters.add(w[0]!.toUpperCase() + w.slice(1));
    }
  };
  for (const row of rows) addWords(row.pattern.replace(/\{\w+\}|<\w+:|\\[a-z]/g, ' '));
  for (const e of lexicon) addWords(e.word);
  addWords('noon midnight');
  return Object.freeze({
    patterns: Object.freeze(patterns),
    scanner: new RegExp(`(?:${sources.join('|')})`, 'uy'),
    starters,
  });
}
