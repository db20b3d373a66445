/**
 * The quantities lexicon: number words, qualifiers, unit words and currency symbols from
 * data/quantities/, indexed once per process. Provides `loadQuantitiesData` (memoised) and
 * `buildQuantitiesData` (the same from TSV strings, for test fixtures). Depends on data paths only.
 */
import { parseTsv, readDataFile } from './paths.js';

export type NumberWordKind = 'cardinal' | 'scale' | 'scale-abbrev' | 'dozen' | 'plural-scale';

export interface NumberWord {
  readonly value: number;
  readonly kind: NumberWordKind;
}

export interface UnitWord {
  readonly unit: string;
  readonly kind: 'count' | 'currency' | 'measure' | 'percent';
  /** `units.tsv:LINE`, for `rule`. */
  readonly rule: string;
}

export interface Qualifier {
  readonly qualifier: string;
  readonly rule: string;
}

export interface QuantitiesData {
  /** Lower-cased word → number word. */
  readonly numbers: ReadonlyMap<string, NumberWord>;
  /** Lower-cased words joined by one space (one or two words) → unit. */
  readonly units: ReadonlyMap<string, UnitWord>;
  /** Lower-cased phrase (one to three words, space-joined) → qualifier. */
  readonly qualifiers: ReadonlyMap<string, Qualifier>;
  /** Currency symbol as written → canonical unit. */
  readonly symbols: ReadonlyMap<string, UnitWord>;
}

export interface QuantitiesSources {
  readonly unitsTsv: string;
  readonly symbolsTsv: string;
  readonly numbersTsv: string;
  readonly qualifiersTsv: string;
}

export function buildQuantitiesData(src: QuantitiesSources): QuantitiesData {
  const numbers = new Map<string, NumberWord>();
  for (const { row } of parseTsv(src.numbersTsv)) {
    numbers.set(
      row.word!.toLowerCase(),
      Object.freeze({ value: Number(row.value), kind: row.kind as NumberWordKind }),
    );
  }
  const units = new Map<string, UnitWord>();
  for (const { line, row } of parseTsv(src.unitsTsv)) {
    units.set(
      row.word!.toLowerCase(),
      Object.freeze({ unit: row.unit!, kind: row.kind as UnitWord['kind'], rule: `units.tsv:${line}` }),
    );
  }
  const qualifiers = new Map<string, Qualifier>();
  for (const { line, row } of parseTsv(src.qualifiersTsv)) {
    qualifiers.set(
      row.phrase!.toLowerCase(),
      Object.freeze({ qualifier: row.qualifier!, rule: `qualifiers.tsv:${line}` }),
    );
  }
  const symbols = new Map<string, UnitWord>();
  for (const { line, row } of parseTsv(src.symbolsTsv)) {
    symbols.set(
      row.symbol!,
      Object.freeze({ unit: row.unit!, kind: 'currency' as const, rule: `symbols.tsv:${line}` }),
    );
  }
  return Object.freeze({ numbers, units, qualifiers, symbols });
}

let shared: QuantitiesData | null = null;

export function loadQuantitiesData(): QuantitiesData {
  shared ??= buildQuantitiesData({
    unitsTsv: readDataFile('quantities', 'units.tsv'),
    symbolsTsv: readDataFile('quantities', 'symbols.tsv'),
    numbersTsv: readDataFile('quantities', 'numbers.tsv'),
    qualifiersTsv: readDataFile('quantities', 'qualifiers.tsv'),
  });
  return shared;
}
