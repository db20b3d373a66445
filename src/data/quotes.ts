/**
 * Loads the `quotes` stage's word lists (data/quotes/: modality cues and reporting cues) and compiles
 * each into a word trie, once per process. Provides the compiled shapes and `compileCues`, which tests
 * use to build tiny fixtures. Depends on core and the data path helpers only; never on stages.
 */
import { SitrepError } from '../core/errors.js';
import { parseTsv, readDataFile } from './paths.js';

/** One row of a cue list: `cue` words, what `kind` of cue it is and the `value` it gives. */
export interface CueRow {
  readonly cue: string;
  readonly kind: string;
  readonly value: string;
  /** `file:line`, the `rule` of anything the row makes fire. */
  readonly rule: string;
}

/**
 * A trie over words. `next` is keyed by a lower-cased word (`may`); `nextByPos` by a word and then a
 * universal POS tag, for words written `may@AUX`. A matcher tries both forms of each token (its
 * normal form and its lemma); the two maps keep the lookup free of string building.
 */
export interface CueNode {
  readonly next: ReadonlyMap<string, CueNode>;
  readonly nextByPos: ReadonlyMap<string, ReadonlyMap<string, CueNode>>;
  readonly row: CueRow | null;
}

export interface QuotesData {
  /** Hedges, future and conditional markers, negation and "unconfirmed" phrases (modality.tsv). */
  readonly modality: CueNode;
  /** Reporting verbs and "according to"-style phrases (reporting-cues.tsv, verb and source-after kinds). */
  readonly reporting: CueNode;
  /** Nouns that report before "that": "intelligence reports that" (kind noun). */
  readonly nouns: CueNode;
  /** Words after a reporting verb that belong to its cue: "in a statement", "reporters" (kind cue-extension). */
  readonly extensions: CueNode;
  /** Words before a quotation mark that make it a term or a title: "so-called", "the film" (kind not-quote). */
  readonly notQuote: CueNode;
}

/** Splits the reporting cue rows by kind into the tries the stage uses; the same word can be in several. */
export function compileReporting(rows: readonly CueRow[]): Omit<QuotesData, 'modality'> {
  const of = (kinds: string[]): CueNode => compileCues(rows.filter((r) => kinds.includes(r.kind)));
  return {
    reporting: of(['speech', 'speech-that', 'belief', 'belief-that', 'quote-only', 'source-after']),
    nouns: of(['noun']),
    extensions: of(['cue-extension']),
    notQuote: of(['not-quote']),
  };
}

interface MutableNode {
  next: Map<string, MutableNode>;
  nextByPos: Map<string, Map<string, MutableNode>>;
  row: CueRow | null;
}

function newNode(): MutableNode {
  return { next: new Map(), nextByPos: new Map(), row: null };
}

/** Every variant of a cue: a word ending in `?` is optional, so `a b? c` gives `a b c` and `a c`. */
function expandOptional(words: readonly string[]): string[][] {
  let variants: string[][] = [[]];
  for (const w of words) {
    if (w.endsWith('?') && w.length > 1) {
      const bare = w.slice(0, -1);
      variants = variants.flatMap((v) => [v, [...v, bare]]);
    } else {
      variants = variants.map((v) => [...v, w]);
    }
  }
  return variants.filter((v) => v.length > 0);
}

function freezeNode(n: MutableNode): CueNode {
  for (const child of n.next.values()) freezeNode(child);
  for (const byPos of n.nextByPos.values()) for (const child of byPos.values()) freezeNode(child);
  return Object.freeze(n);
}

/**
 * Compiles cue rows into a trie. A later row with the same words replaces an earlier one (so a
 * fixture can override a shipped row); words are lower-cased, POS tags kept upper-case.
 */
export function compileCues(rows: readonly CueRow[]): CueNode {
  const root = newNode();
  for (const row of rows) {
    const words = row.cue.split(/\s+/).filter(Boolean);
    for (const variant of expandOptional(words)) {
      let node = root;
      for (const raw of variant) {
        const at = raw.lastIndexOf('@');
        const word = (at > 0 ? raw.slice(0, at) : raw).toLowerCase();
        let map = node.next;
        if (at > 0) {
          const pos = raw.slice(at + 1).toUpperCase();
          let byPos = node.nextByPos.get(word);
          if (!byPos) {
            byPos = new Map();
            node.nextByPos.set(word, byPos);
          }
          map = byPos;
          let child = map.get(pos);
          if (!child) {
            child = newNode();
            map.set(pos, child);
          }
          node = child;
          continue;
        }
        let child = map.get(word);
        if (!child) {
          child = newNode();
          map.set(word, child);
        }
        node = child;
      }
      node.row = Object.freeze({ ...row });
    }
  }
  return freezeNode(root);
}

/** Reads a cue TSV (columns cue, kind, value) into rows with their `file:line` rule. */
export function parseCueFile(file: string, content: string): CueRow[] {
  return parseTsv(content).map(({ line, row }) => {
    if (!row.cue || !row.kind) {
      throw new SitrepError(
        'DATA_MISSING',
        `${file}:${line} is incomplete: every row needs a cue and a kind`,
        { input: file },
      );
    }
    return { cue: row.cue, kind: row.kind, value: row.value ?? '', rule: `${file}:${line}` };
  });
}

let loaded: QuotesData | null = null;

/** The shipped cue lists, loaded and compiled on first use (once per process). */
export function loadQuotesData(): QuotesData {
  loaded ??= Object.freeze({
    modality: compileCues(parseCueFile('modality.tsv', readDataFile('quotes', 'modality.tsv'))),
    ...compileReporting(parseCueFile('reporting-cues.tsv', readDataFile('quotes', 'reporting-cues.tsv'))),
  });
  return loaded;
}
