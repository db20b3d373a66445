/**
 * The events stage's data: the verb-pattern lexicon (data/events/patterns.tsv), its word sets, the
 * CAMEO code table with PLOVER types, and the evaluative words. Parsed and indexed once per process,
 * frozen, and handed to `createEventsStage`; tests build a bundle from tiny strings with
 * `buildEventsData`. Depends on the data path helpers only; never on stages, store or CLI.
 */
import { SitrepError } from '../core/errors.js';
import { parseTsv, readDataFile } from './paths.js';

/** A word or a multi-word phrase, as lower-case tokens. */
export type Phrase = readonly string[];

/** Phrases split for fast matching: a set of single words and the few multi-word phrases. */
export interface PhraseIndex {
  readonly words: ReadonlySet<string>;
  readonly multi: readonly Phrase[];
}

function indexPhrases(phrases: readonly Phrase[]): PhraseIndex {
  return Object.freeze({
    words: new Set(phrases.filter((p) => p.length === 1).map((p) => p[0]!)),
    multi: Object.freeze(phrases.filter((p) => p.length > 1)),
  });
}

export interface EventPattern {
  readonly id: string;
  /** `patterns.tsv:<line>`: the data row, for `rule`. */
  readonly row: string;
  readonly verb: boolean;
  readonly noun: boolean;
  readonly triggers: readonly Phrase[];
  /** Words one of which must follow the trigger closely (phrasal verbs); empty = none. */
  readonly particles: readonly string[];
  /** Object constraint: phrases one of which must be in the object; empty = none. */
  readonly object: readonly Phrase[];
  /** The object constraint indexed for matching: single words, and the multi-word phrases. */
  readonly objectIndex: PhraseIndex;
  /** The object must be a that-clause. */
  readonly objectThat: boolean;
  readonly subject: readonly Phrase[];
  readonly subjectIndex: PhraseIndex;
  /** `obj`, `poss` or prepositions, in order of preference. */
  readonly target: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly cameo: string;
  readonly plover: string;
  readonly description: string;
  readonly family: string;
  readonly reason: string;
  /** Patterns with more constraints are tried first. */
  readonly specificity: number;
  /** Row order, the tie-break among equally specific patterns. */
  readonly order: number;
}

export interface Evaluation {
  readonly word: string;
  readonly polarity: 'negative' | 'positive';
  readonly cameo: string;
  readonly plover: string;
  readonly description: string;
  readonly row: string;
}

export interface CameoCode {
  readonly code: string;
  readonly plover: string;
  readonly description: string;
}

/** How an intended or refused act is coded instead (data/events/intent-codes.tsv). */
export interface IntentCode {
  readonly intent: string | null;
  readonly refusal: string | null;
  readonly row: string;
}

export interface EventsData {
  readonly patterns: readonly EventPattern[];
  /** First word of a trigger → the patterns it can start, most specific first. */
  readonly byTrigger: ReadonlyMap<string, readonly EventPattern[]>;
  readonly codes: ReadonlyMap<string, CameoCode>;
  readonly evaluations: ReadonlyMap<string, Evaluation>;
  /** CAMEO code prefix → its intent / refusal code. */
  readonly intent: ReadonlyMap<string, IntentCode>;
  /** Words governing an intended act ("agreed to", "threatened to") and a refused one ("declined to"). */
  readonly intentGovernors: ReadonlySet<string>;
  readonly refusalGovernors: ReadonlySet<string>;
  /** Nouns a trigger noun may modify and stay an event ("mediation effort"). */
  readonly lightNouns: ReadonlySet<string>;
  /** Verbs whose object noun is the subject's own act ("launched an attack"). */
  readonly supportVerbs: ReadonlySet<string>;
}

export interface EventsDataFiles {
  readonly patterns: string;
  readonly wordSets: string;
  readonly cameoCodes: string;
  readonly evaluations: string;
  /** Optional: without it, intended acts keep their code. */
  readonly intentCodes?: string;
}

function split(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

function phrase(words: string): Phrase {
  return Object.freeze(words.split(/\s+/).filter(Boolean));
}

/** The entry of the longest prefix of `code` in a table keyed by code prefixes. */
export function longestPrefix<T>(table: ReadonlyMap<string, T>, code: string): T | null {
  for (let n = code.length; n >= 2; n--) {
    const hit = table.get(code.slice(0, n));
    if (hit) return hit;
  }
  return null;
}

/** The PLOVER type and description of a code: those of its longest listed prefix. */
export function lookupCode(codes: ReadonlyMap<string, CameoCode>, code: string): CameoCode | null {
  for (let n = code.length; n >= 2; n--) {
    const hit = codes.get(code.slice(0, n));
    if (hit) return hit;
  }
  return null;
}

export function buildEventsData(files: EventsDataFiles): EventsData {
  const codes = new Map<string, CameoCode>();
  for (const { row } of parseTsv(files.cameoCodes)) {
    codes.set(
      row.code!,
      Object.freeze({ code: row.code!, plover: row.plover!, description: row.description! }),
    );
  }

  const evaluations = new Map<string, Evaluation>();
  for (const { line, row } of parseTsv(files.evaluations)) {
    const code = lookupCode(codes, row.cameo!);
    if (!code)
      throw new SitrepError('DATA_INVALID', `evaluations.tsv:${line}: unknown CAMEO code ${row.cameo}`);
    evaluations.set(
      row.word!.toLowerCase(),
      Object.freeze({
        word: row.word!.toLowerCase(),
        polarity: row.polarity === 'positive' ? 'positive' : 'negative',
        cameo: row.cameo!,
        plover: code.plover,
        description: code.description,
        row: `evaluations.tsv:${line}`,
      }),
    );
  }

  const sets = new Map<string, string[]>();
  for (const { row } of parseTsv(files.wordSets)) sets.set(row.set!, split(row.words));
  // The evaluative words double as sets, so a pattern can ask for "a condemning word" (@negative).
  sets.set(
    'negative',
    [...evaluations.values()].filter((e) => e.polarity === 'negative').map((e) => e.word),
  );
  sets.set(
    'positive',
    [...evaluations.values()].filter((e) => e.polarity === 'positive').map((e) => e.word),
  );

  const expand = (cell: string | undefined, line: number): { phrases: Phrase[]; that: boolean } => {
    const phrases: Phrase[] = [];
    let that = false;
    for (const item of split(cell)) {
      if (item === 'that') {
        that = true;
      } else if (item.startsWith('@')) {
        const words = sets.get(item.slice(1));
        if (!words) throw new SitrepError('DATA_INVALID', `patterns.tsv:${line}: unknown word set ${item}`);
        for (const w of words) phrases.push(phrase(w));
      } else {
        phrases.push(phrase(item));
      }
    }
    return { phrases, that };
  };

  const patterns: EventPattern[] = [];
  for (const { line, row } of parseTsv(files.patterns)) {
    const code = lookupCode(codes, row.cameo!);
    if (!code) throw new SitrepError('DATA_INVALID', `patterns.tsv:${line}: unknown CAMEO code ${row.cameo}`);
    const object = expand(row.object, line);
    const subject = expand(row.subject, line);
    const particles = split(row.particle);
    const flags = new Set(split((row.flags ?? '').replace(/,/g, '|')));
    const kind = row.kind ?? 'v';
    patterns.push(
      Object.freeze({
        id: row.id!,
        row: `patterns.tsv:${line}`,
        verb: kind.includes('v'),
        noun: kind.includes('n'),
        triggers: Object.freeze(split(row.trigger).map(phrase)),
        particles: Object.freeze(particles),
        object: Object.freeze(object.phrases),
        objectIndex: indexPhrases(object.phrases),
        objectThat: object.that,
        subject: Object.freeze(subject.phrases),
        subjectIndex: indexPhrases(subject.phrases),
        target: Object.freeze(split(row.target)),
        flags: Object.freeze(flags),
        cameo: row.cameo!,
        plover: code.plover,
        description: code.description,
        family: row.family || row.id!,
        reason: row.reason ?? '',
        specificity:
          (particles.length ? 2 : 0) +
          (object.phrases.length || object.that ? 2 : 0) +
          (subject.phrases.length ? 2 : 0) +
          (flags.has('needtarget') ? 1 : 0),
        order: patterns.length,
      }),
    );
  }

  const byTrigger = new Map<string, EventPattern[]>();
  for (const p of patterns) {
    for (const t of p.triggers) {
      const list = byTrigger.get(t[0]!) ?? [];
      if (!list.includes(p)) list.push(p);
      byTrigger.set(t[0]!, list);
    }
  }
  for (const list of byTrigger.values()) {
    list.sort((a, b) => b.specificity - a.specificity || a.order - b.order);
    Object.freeze(list);
  }

  const intent = new Map<string, IntentCode>();
  for (const { line, row } of parseTsv(files.intentCodes ?? '')) {
    for (const c of [row.intent, row.refusal]) {
      if (c && !lookupCode(codes, c))
        throw new SitrepError('DATA_INVALID', `intent-codes.tsv:${line}: unknown CAMEO code ${c}`);
    }
    intent.set(
      row.code!,
      Object.freeze({
        intent: row.intent || null,
        refusal: row.refusal || null,
        row: `intent-codes.tsv:${line}`,
      }),
    );
  }

  return Object.freeze({
    patterns: Object.freeze(patterns),
    byTrigger,
    codes,
    evaluations,
    intent,
    intentGovernors: new Set(sets.get('intent') ?? []),
    refusalGovernors: new Set(sets.get('refusal') ?? []),
    lightNouns: new Set(sets.get('light') ?? []),
    supportVerbs: new Set(sets.get('support') ?? []),
  });
}

let shared: EventsData | null = null;

/** The project's events data, read and indexed once per process. */
export function loadEventsData(): EventsData {
  shared ??= buildEventsData({
    patterns: readDataFile('events', 'patterns.tsv'),
    wordSets: readDataFile('events', 'word-sets.tsv'),
    cameoCodes: readDataFile('events', 'cameo-codes.tsv'),
    evaluations: readDataFile('events', 'evaluations.tsv'),
    intentCodes: readDataFile('events', 'intent-codes.tsv'),
  });
  return shared;
}
