/**
 * Finder: names from the dictionaries (states, their demonyms and capitals, organisations, bodies,
 * office-holders, definite descriptions), each kept or refused by its context:
 * - a capital is an actor only where it acts ("Moscow signed"), not after a locative ("in Moscow");
 * - a capital or an ambiguous name glued to another capitalised word is part of a longer name
 *   ("Michael Jordan", "Washington Redskins");
 * - a demonym fused to pro-/anti- is not the state ("pro-Russian");
 * - "the North" refers to North Korea only once North Korea has been named;
 * - an ambiguous name ("Georgia", "AU") counts only when its actor is also named unambiguously.
 * Depends on the compiled dictionaries and the text helpers only.
 */
import type { ActorMention } from '../../core/types.js';
import type { OfficeHolder } from '../../data/actors.js';
import type { CompiledActors } from './compile.js';
import { isCapitalised, type TextIndex, wordAfter, wordBefore } from './text-context.js';

export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** A known actor's key, or a person key (`p:` + name) once people are resolved. */
  readonly key: string;
  readonly via: ActorMention['via'];
  readonly rule: string;
}

export interface PersonHit {
  readonly start: number;
  readonly end: number;
  readonly holder: OfficeHolder;
  /** The alias matched is a bare surname ("Putin"), not a full name. */
  readonly bare: boolean;
}

export interface NameFindings {
  readonly candidates: Candidate[];
  readonly people: PersonHit[];
  /** Spans of every accepted or blocking name: person names stop where one of these starts. */
  readonly occupied: { start: number; end: number }[];
  /** Spans of every dictionary name, refused ones included ("in Abu Dhabi" is no person either). */
  readonly matched: readonly { start: number; end: number }[];
}

/** "the"/"The" right before `pos` (one space). */
function afterThe(text: string, pos: number): boolean {
  return /(?:^|[^\p{L}])[Tt]he $/u.test(text.slice(Math.max(0, pos - 5), pos));
}

export function findNames(index: TextIndex, c: CompiledActors): NameFindings {
  const { text } = index;
  const lex = c.data.lexicon;
  const candidates: Candidate[] = [];
  const ambiguous: Candidate[] = [];
  const people: PersonHit[] = [];
  const occupied: { start: number; end: number }[] = [];
  const lastSeen = new Map<string, number>();
  const matches = c.names.scan(text, index.starts);
  const matchStarts = new Set(matches.map((m) => m.start));

  /** A capitalised word right before, within the sentence, that is not a function word or a title. */
  const gluedBefore = (start: number): boolean => {
    const w = wordBefore(text, start);
    if (!w || w.end !== start - 1 || !isCapitalised(w.text) || index.startsSentence(w.start)) return false;
    if (lex.notNames.has(w.text) || lex.honorifics.has(w.text)) return false;
    return c.titles.longestAt(index.folded, w.start) === null;
  };
  /** A capitalised word right after that is not a title, a weekday or another known name. */
  const gluedAfter = (end: number): boolean => {
    if (text[end] !== ' ') return false;
    const w = wordAfter(text, end);
    if (!w || !isCapitalised(w.text) || lex.calendar.has(w.text) || matchStarts.has(w.start)) return false;
    return c.titles.longestAt(index.folded, w.start) === null;
  };

  /**
   * A capital names its government only where it acts: not after a locative ("in Moscow"), not as
   * "the capital of Cairo" or "the capital, Algiers", not glued into a longer name, and not as the
   * modifier of a noun ("the Cairo speech", "London bombings") unless that noun is its government's
   * ("Beijing government", "Moscow officials"). A plural-looking next word is read as a verb
   * ("Beijing says that") unless a verb follows it ("London bombings were").
   */
  const actsAsGovernment = (start: number, end: number): boolean => {
    const prev = wordBefore(text, start);
    if (prev && lex.locatives.has(prev.text.toLowerCase())) return false;
    const before = /(\p{L}+)(?: of|,) $/u.exec(text.slice(Math.max(0, start - 24), start));
    if (before && lex.placeNouns.has(before[1]!.toLowerCase())) return false;
    if (gluedBefore(start) || gluedAfter(end)) return false;
    if (/^-(?:based|born|headquartered|bound)\b/.test(text.slice(end, end + 16))) return false;
    const next = text[end] === ' ' ? index.tokenStartingAt(end + 1) : null;
    if (
      next &&
      (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'NUM') &&
      !isCapitalised(next.text)
    ) {
      if (lex.governmentNouns.has(next.normal)) return true;
      if (!/[^s]s$/.test(next.text)) return false;
      const after = index.tokens[next.index + 1];
      if (after && after.sentence === next.sentence && (after.pos === 'VERB' || after.pos === 'AUX'))
        return false;
    }
    return true;
  };

  for (const m of matches) {
    const hit = m.values[m.values.length - 1]!;
    if (hit.type === 'block') {
      occupied.push(m);
      continue;
    }
    if (hit.type === 'definite') {
      if (!afterThe(text, m.start)) continue;
      // Several actors may share a description ("the bloc"): the most recently named one.
      let best: { key: string; rule: string; at: number } | null = null;
      for (const v of m.values) {
        if (v.type !== 'definite') continue;
        const at = lastSeen.get(v.entry.key);
        if (at !== undefined && (!best || at > best.at)) best = { key: v.entry.key, rule: v.entry.rule, at };
      }
      if (best) {
        candidates.push({ start: m.start, end: m.end, key: best.key, via: 'definite', rule: best.rule });
        occupied.push(m);
      }
      continue;
    }
    if (hit.type === 'person') {
      const bare = !hit.alias.includes(' ');
      if (bare && gluedBefore(m.start)) continue; // "Hunter Biden" is not Joe Biden
      people.push({ start: m.start, end: m.end, holder: hit.holder, bare });
      occupied.push(m);
      continue;
    }
    const e = hit.entry;
    if (e.afterThe && !afterThe(text, m.start)) continue;
    if (e.via === 'metonym' && !actsAsGovernment(m.start, m.end)) continue;
    if (e.ambiguous && (gluedBefore(m.start) || gluedAfter(m.end))) continue;
    if (e.via === 'demonym' && text[m.start - 1] === '-') {
      const prefix = wordBefore(text, m.start - 1);
      if (prefix && lex.prefixes.has(prefix.text.toLowerCase())) continue;
    }
    const cand: Candidate = { start: m.start, end: m.end, key: e.key!, via: e.via, rule: e.rule };
    occupied.push(m);
    if (e.ambiguous) {
      ambiguous.push(cand);
      continue;
    }
    candidates.push(cand);
    lastSeen.set(cand.key, m.start);
  }
  // An ambiguous name counts when its actor is also named unambiguously, when it is coordinated with
  // another state ("the United States and Jordan"), or when a title follows it ("Georgian President",
  // "Jordan's King").
  const confirmed = new Set(candidates.map((x) => x.key));
  const stateEnds = new Set<number>();
  const stateStarts = new Set<number>();
  for (const x of candidates) {
    if (c.actors.get(x.key)?.kind !== 'country') continue;
    stateEnds.add(x.end);
    stateStarts.add(x.start);
  }
  const coordinated = (a: Candidate): boolean => {
    const before = /(?:,| and| or|, and) $/.exec(text.slice(Math.max(0, a.start - 6), a.start));
    if (before && stateEnds.has(a.start - before[0].length)) return true;
    const after = /^(?:,| and| or|, and) /.exec(text.slice(a.end, a.end + 6));
    return after !== null && stateStarts.has(a.end + after[0].length);
  };
  const titled = (a: Candidate): boolean => {
    const gap = /^(?:['’]s)? /.exec(text.slice(a.end, a.end + 3));
    return gap !== null && c.titles.longestAt(index.folded, a.end + gap[0].length) !== null;
  };
  for (const a of ambiguous) if (confirmed.has(a.key) || coordinated(a) || titled(a)) candidates.push(a);
  candidates.sort((a, b) => a.start - b.start);
  return { candidates, people, occupied, matched: matches };
}
