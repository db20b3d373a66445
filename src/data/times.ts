/**
 * Loads the times stage's data (data/times/*.tsv: lexicon, patterns, tense cues) once per process and
 * freezes it. Provides `loadTimesData` for the stage's factory and `parseTimesData` so tests can hand
 * the stage a tiny fixture. Depends on core and data/paths only; compiling patterns is the stage's job.
 */
import { SitrepError } from '../core/errors.js';
import { parseTsv, readDataFile } from './paths.js';

export interface TimesLexiconEntry {
  /** The word as it must appear (see lexicon.tsv on case). */
  readonly word: string;
  /** month, weekday, number, ordinal, unit, partofday, season, mod, ref, frequency. */
  readonly cls: string;
  readonly value: string;
  /** `lexicon.tsv:<line>`. */
  readonly source: string;
}

export interface TimesPatternRow {
  readonly id: string;
  readonly before: string;
  readonly pattern: string;
  readonly after: string;
  readonly resolver: string;
  /** Order in the file: the earlier pattern wins a tie between equally long candidates. */
  readonly priority: number;
}

export type Tense = 'past' | 'present' | 'future';

/**
 * What a cue says: a tense; `completed` for what is over by publication whatever the verb ("since",
 * "ago": a past that no reported future can override); `none` for a modal (see tense-cues.tsv).
 */
export type CueTense = Tense | 'completed' | 'none';

export interface TenseCue {
  /** Consecutive token normal forms. */
  readonly words: readonly string[];
  readonly tense: CueTense;
}

export interface TimesData {
  readonly lexicon: readonly TimesLexiconEntry[];
  readonly patterns: readonly TimesPatternRow[];
  readonly cues: readonly TenseCue[];
}

const TENSES: readonly string[] = ['past', 'present', 'future', 'completed', 'none'];

/** Parses the three files' contents (what `loadTimesData` reads from data/times/). */
export function parseTimesData(files: { lexicon: string; patterns: string; cues: string }): TimesData {
  const lexicon = parseTsv(files.lexicon).map(({ line, row }) => {
    if (!row.word || !row.class) {
      throw new SitrepError('DATA_INVALID', `lexicon.tsv line ${line}: a word and a class are required`);
    }
    return Object.freeze({
      word: row.word,
      cls: row.class,
      value: row.value ?? '',
      source: `lexicon.tsv:${line}`,
    });
  });
  const patterns = parseTsv(files.patterns).map(({ line, row }, i) => {
    if (!row.id || !row.pattern || !row.resolver) {
      throw new SitrepError(
        'DATA_INVALID',
        `patterns.tsv line ${line}: id, pattern and resolver are required`,
      );
    }
    return Object.freeze({
      id: row.id,
      before: row.before ?? '',
      pattern: row.pattern,
      after: row.after ?? '',
      resolver: row.resolver,
      priority: i,
    });
  });
  const cues = parseTsv(files.cues).map(({ line, row }) => {
    const tense = row.tense ?? '';
    if (!row.cue || !TENSES.includes(tense)) {
      throw new SitrepError(
        'DATA_INVALID',
        `tense-cues.tsv line ${line}: a cue and a tense (past, present, future, completed, none) are required`,
      );
    }
    return Object.freeze({ words: Object.freeze(row.cue.split(/\s+/)), tense: tense as CueTense });
  });
  return Object.freeze({
    lexicon: Object.freeze(lexicon),
    patterns: Object.freeze(patterns),
    cues: Object.freeze(cues),
  });
}

let shared: TimesData | null = null;

/** The project's times data, read from data/times/ on first use. */
export function loadTimesData(): TimesData {
  shared ??= parseTimesData({
    lexicon: readDataFile('times', 'lexicon.tsv'),
    patterns: readDataFile('times', 'patterns.tsv'),
    cues: readDataFile('times', 'tense-cues.tsv'),
  });
  return shared;
}
