/**
 * The `times` stage: time expressions (TIMEX3 type and value) resolved to inclusive date intervals
 * against the publication date, the way news is written. Finders are the compiled patterns of
 * data/times/patterns.tsv; resolvers (resolvers.ts) turn each match into a value, asking the clause's
 * tense (tense.ts, from the tokens layer) only where the text leaves the direction open; a refiner
 * keeps the longest of overlapping candidates.
 *
 * Why not chrono-node: it reads news wrongly without rules on top ("on Tuesday" goes forward, "last
 * June" loses "last", "later this week" becomes a past day, "the next several weeks" becomes a date,
 * bare years are missed), and the rules would have to undo most of what it decides. Measured here on
 * TimeBank (CPU time per 2 KB, same process, best of 10 runs on a loaded 2-core machine): this stage
 * 140-180 µs including tense and resolution, chrono.parse alone 150-230 µs; so no speed is lost, and
 * our patterns are data (data/times/), so every result names the pattern that fired.
 * Depends on core, the stage contract and the times data loader; never on store, CLI or HTTP.
 */
import type { SitrepDocument, TimeExpression, Token } from '../../core/types.js';
import { loadTimesData, type TimesData } from '../../data/times.js';
import { type Stage, stageTag } from '../../pipeline/stage.js';
import {
  type CompiledPattern,
  compilePatterns,
  indexLexicon,
  type Lexicon,
  leadBlocked,
  lookup,
} from './compile.js';
import { RESOLVERS, type Resolution, type ResolveContext } from './resolvers.js';
import { type ClauseTense, clauseTense, indexCues, type TenseIndex } from './tense.js';

const VERSION = 1;
/** How much text before a match its `before` context may span ("the beginning of"). */
const BEFORE_REACH = 40;

interface Candidate extends Resolution {
  readonly start: number;
  readonly end: number;
  readonly pattern: CompiledPattern;
}

/** The compiled, frozen form of the data: built once per stage. */
export interface TimesMatcher {
  readonly patterns: readonly CompiledPattern[];
  readonly scanner: RegExp;
  readonly starters: ReadonlySet<string>;
  readonly lexicon: Lexicon;
  readonly cues: TenseIndex;
}

export function compileTimes(data: TimesData): TimesMatcher {
  const { patterns, scanner, starters } = compilePatterns(data.patterns, data.lexicon);
  for (const p of patterns) {
    if (!RESOLVERS[p.resolver]) throw new Error(`patterns.tsv ${p.id}: unknown resolver '${p.resolver}'`);
  }
  return Object.freeze({
    patterns,
    scanner,
    starters,
    lexicon: indexLexicon(data.lexicon),
    cues: indexCues(data.cues),
  });
}

/** Matches one pattern at `start` (sticky), checks its context and resolves it; null if it does not hold. */
function tryPattern(
  matcher: TimesMatcher,
  pattern: CompiledPattern,
  text: string,
  start: number,
  published: string | null,
  tokens: readonly Token[],
): Candidate | null {
  const re = pattern.sticky;
  re.lastIndex = start;
  const m = re.exec(text);
  if (!m) return null;
  if (pattern.before && !pattern.before.test(text.slice(Math.max(start - BEFORE_REACH, 0), start)))
    return null;
  const end = start + m[0].length;
  const groups = m.groups ?? {};
  let tense: ClauseTense | null | undefined;
  const ctx: ResolveContext = {
    pub: published,
    group: (name) => groups[name]?.toLowerCase().replace(/\s+/g, ' '),
    lex: (name) => {
      const cls = pattern.classes.get(name);
      const word = groups[name];
      return cls && word !== undefined ? lookup(matcher.lexicon, cls, word) : undefined;
    },
    lexWord: (cls, word) => lookup(matcher.lexicon, cls, word),
    tense: () => {
      if (tense === undefined) tense = clauseTense(tokens, start, end, matcher.cues);
      return tense;
    },
  };
  const resolved = RESOLVERS[pattern.resolver]!(ctx);
  return resolved ? { ...resolved, start, end, pattern } : null;
}

/**
 * Finds and resolves the time expressions of a text. `tokens` (with sentence indices) give the tense of
 * each clause; without them every clause counts as tenseless.
 */
export function findTimes(
  matcher: TimesMatcher,
  text: string,
  published: string | null,
  tokens: readonly Token[],
  by: string,
): TimeExpression[] {
  const candidates: Candidate[] = [];
  // The scanner is shared by every document of this stage: lastIndex is set before each use and the
  // loop never yields, so no other run can see it mid-scan.
  const re = matcher.scanner;
  const words = /[A-Za-z]+|\d+|['’]\d/g;
  for (let w = words.exec(text); w; w = words.exec(text)) {
    const start = w.index;
    const first = text.charCodeAt(start);
    const numeric = first < 65; // a digit or an apostrophe before one
    if (!numeric && !matcher.starters.has(w[0])) continue;
    if (leadBlocked(text, start)) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m) continue;
    let which = 1;
    while (m[which] === undefined) which++;
    // At one position the scanner reports the first alternative that matches; should its context or
    // its resolver refuse it, the later patterns get their turn at the same position.
    let found: Candidate | null = null;
    for (let i = which - 1; i < matcher.patterns.length && !found; i++) {
      found = tryPattern(matcher, matcher.patterns[i]!, text, start, published, tokens);
    }
    if (found) {
      candidates.push(found);
      words.lastIndex = found.end;
    }
  }

  // Refiner: the longest candidate wins an overlap, then the earlier pattern row, then the earlier start.
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || a.pattern.priority - b.pattern.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);

  return kept.map((c, i) => {
    const future = c.future === true || (published !== null && c.from !== null && c.from > published);
    return Object.freeze({
      id: `t${i + 1}`,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: c.type,
      value: c.value,
      from: c.from,
      to: c.to,
      future,
      by,
      rule: c.pattern.id,
    });
  });
}

export function createTimesStage(data: TimesData = loadTimesData()): Stage<'sentences' | 'tokens', 'times'> {
  const matcher = compileTimes(data);
  const by = stageTag({ name: 'times', version: VERSION });
  return {
    name: 'times',
    version: VERSION,
    requires: ['sentences', 'tokens'],
    provides: ['times'],
    run(doc: SitrepDocument<'sentences' | 'tokens'>) {
      return { times: findTimes(matcher, doc.text, doc.meta.published, doc.layers.tokens, by) };
    },
  };
}
