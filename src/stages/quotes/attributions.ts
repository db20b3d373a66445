/**
 * Finds reported speech inside reporting units: a cue (a reporting verb by lemma, "according to",
 * "intelligence reports that"), its source (the noun phrase or pronoun that speaks) and its content,
 * in the shapes English news uses:
 *   "X said (that) C"            content after the cue
 *   "C, X said" / "“Q,” X said"  content before the source, up to the clause start or the quotation
 *   "“Q,” said X"                inverted
 *   "C, according to X" / "According to X, C"
 *   "X shrugged off C1 and noted that C2", "…, adding that C"   a coordinated cue borrows the source
 *   "X confirmed reports that C" nested: the inner attribution's `outer` is the outer one
 * Depends on core types, the compiled cue lists and the cue matcher; pure.
 */
import type { Certainty, Polarity, Span, Token } from '../../core/types.js';
import type { CueRow, QuotesData } from '../../data/quotes.js';
import { type CueMatch, matchCueAt, tokenIndexAt } from './cue-match.js';
import type { QuotedPiece } from './quote-marks.js';
import type { Unit } from './units.js';

export interface FoundAttribution {
  source: Span | null;
  cue: Span;
  verb: string;
  content: Span;
  /** The data row that fired and the shape that placed the content, e.g. `reporting-cues.tsv:7 post-posed`. */
  rule: string;
  row: CueRow;
  /** Index (in the returned list) of the attribution this one is nested in, or null. */
  outer: number | null;
  /** Index of an earlier attribution whose source this one shares ("and noted", ", adding"). */
  sharesSourceWith: number | null;
  /** What the cue itself says of the content ("claimed": believed; "denied": negative). */
  certainty: Certainty;
  polarity: Polarity;
  /** Start of the words that decide the cue's modality ("did not say", "declined to confirm"). */
  chainStart: number;
  /** How the content was placed: after the cue, before it, a colon, according-to, a noun cue. */
  shape: 'after' | 'post-posed' | 'inverted' | 'colon' | 'according-to' | 'noun';
}

export interface FinderInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly units: readonly Unit[];
  readonly pieces: readonly QuotedPiece[];
  readonly data: QuotesData;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Auxiliaries and particles between a subject and its reporting verb: "has said", "did not say". */
const CHAIN_WORDS = new Set([
  "'s",
  '’s',
  "'ve",
  '’ve',
  "'d",
  '’d',
  'not',
  "n't",
  'also',
  'later',
  'again',
  'never',
  'only',
  'just',
  'repeatedly',
]);
const TRIM_END = /[\s.,;:]+$/;
/** Heads of a phrase of time or manner between a subject and its verb: "on Tuesday", "at the time". */
const ADJUNCT_HEAD =
  /^(time|moment|day|week|weekend|month|year|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|statement|interview|speech|post|tweet|letter|briefing|conference|response|turn|addition|contrast|particular)$/;
/** Verbs whose next noun phrase is the hearer, not a source placed after the verb ("told CBS News"). */
const OBJECT_FIRST = new Set(['tell', 'inform', 'urge', 'remind', 'assure', 'advise', 'brief']);

function isPunct(t: Token | undefined, chars: string): boolean {
  return t !== undefined && t.pos === 'PUNCT' && chars.includes(t.text);
}

/** The span of text[start, end) with trailing punctuation (not closing quotation marks) and spaces trimmed. */
function contentSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  while (s < end && /\s/.test(text[s]!)) s++;
  const e = s + text.slice(s, end).replace(TRIM_END, '').length;
  if (e <= s) return null;
  return { start: s, end: e, text: text.slice(s, e) };
}

function spanOfTokens(text: string, tokens: readonly Token[], first: number, last: number): Span {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  return { start, end, text: text.slice(start, end) };
}

/** Finds every attribution of the document, in text order of their cues. */
export function findAttributions(input: FinderInput): FoundAttribution[] {
  const { text, tokens, units, pieces, data } = input;
  const openAt = new Map<number, QuotedPiece>();
  const closeAt = new Map<number, QuotedPiece>();
  for (const p of pieces) {
    openAt.set(p.open, p);
    if (p.close !== null) {
      closeAt.set(p.close, p);
      // A two-character mark ('') is two tokens: either one closes.
      if (text.startsWith("''", p.close)) closeAt.set(p.close + 1, p);
    }
  }
  const isOpen = (t: Token | undefined): boolean => t !== undefined && openAt.has(t.start);
  const isClose = (t: Token | undefined): boolean => t !== undefined && closeAt.has(t.start);

  /**
   * The noun phrase ending at token k (its first token index), or null when token k cannot end one.
   * Accepts names with titles, "of" inside a title ("Secretary of State"), possessives ("Russia's
   * Foreign Minister"), "and" between names, hyphens and dotted abbreviations.
   */
  const npBack = (k: number, lo: number): number | null => {
    const head = tokens[k];
    if (!head || k < lo) return null;
    if (head.pos === 'PRON') return SUBJECT_PRONOUNS.has(head.normal) ? k : null;
    // A number heads "Six in 10 say", "a third said". A capitalised word after a name is a name even
    // when the tagger reads a verb ("Gareth Pierce", "Jeb Bush").
    const surname = /^\p{Lu}/u.test(head.text) && tokens[k - 1]?.pos === 'PROPN' && k - 1 >= lo;
    // An adjective heads a phrase when a determiner, possessive or demonym makes it a noun: the tagger
    // reads "military" in "the military said" / "Ukraine's military said" as an adjective.
    const prev = tokens[k - 1];
    const nominalAdj =
      head.pos === 'ADJ' &&
      k - 1 >= lo &&
      prev !== undefined &&
      ((prev.pos === 'DET' && prev.normal !== 'that') ||
        POSSESSIVE.has(prev.normal) ||
        ((prev.pos === 'PROPN' || prev.pos === 'ADJ') && /^\p{Lu}/u.test(prev.text)));
    if (head.pos !== 'PROPN' && head.pos !== 'NOUN' && head.pos !== 'NUM' && !surname && !nominalAdj)
      return null;
    let j = k;
    while (j - 1 >= lo && k - j < 12) {
      const t = tokens[j - 1]!;
      const ok =
        t.pos === 'PROPN' ||
        t.pos === 'NOUN' ||
        t.pos === 'ADJ' ||
        t.pos === 'NUM' ||
        (t.pos === 'DET' && t.normal !== 'that') ||
        (t.pos === 'PRON' && /^(his|her|its|their|our|my)$/.test(t.normal)) ||
        POSSESSIVE.has(t.normal) ||
        (t.text === '-' && !tokens[j - 2]?.spaceAfter && t.spaceAfter === false) ||
        // "the conservative-leaning newspaper", "a New York-based group"
        (t.pos === 'VERB' && tokens[j - 2]?.text === '-' && tokens[j - 2]?.spaceAfter === false) ||
        (t.normal === 'of' && tokens[j]!.pos === 'PROPN' && tokens[j - 2]?.pos === 'PROPN') ||
        (t.normal === 'in' && tokens[j]!.pos === 'NUM' && tokens[j - 2]?.pos === 'NUM') ||
        (t.normal === 'and' && tokens[j]!.pos === 'PROPN' && tokens[j - 2]?.pos === 'PROPN');
      if (!ok) break;
      j--;
    }
    while (
      j < k &&
      (tokens[j]!.pos === 'ADP' || tokens[j]!.pos === 'CCONJ' || POSSESSIVE.has(tokens[j]!.normal))
    )
      j++;
    return j;
  };

  /** The noun phrase starting at token k (one past its last token), or null. */
  const npForward = (k: number, hi: number): number | null => {
    let j = k;
    while (j < hi && j - k < 12) {
      const t = tokens[j]!;
      const ok =
        t.pos === 'PROPN' ||
        t.pos === 'NOUN' ||
        t.pos === 'ADJ' ||
        t.pos === 'NUM' ||
        (t.pos === 'DET' && t.normal !== 'that') ||
        (t.pos === 'PRON' && j === k && !/^(his|her|its|their|our|my|your)$/.test(t.normal)) ||
        POSSESSIVE.has(t.normal) ||
        (t.text === '-' && !tokens[j - 1]?.spaceAfter && t.spaceAfter === false) ||
        (/^(of|to|for|at|from|with)$/.test(t.normal) &&
          j > k &&
          ['DET', 'PROPN', 'NOUN', 'ADJ'].includes(tokens[j + 1]?.pos ?? '')) ||
        (t.normal === 'and' && tokens[j - 1]?.pos === 'PROPN' && tokens[j + 1]?.pos === 'PROPN');
      if (!ok) break;
      if (t.pos === 'PRON' && j === k) {
        j++;
        break;
      }
      j++;
    }
    while (j > k && !['PROPN', 'NOUN', 'PRON', 'NUM'].includes(tokens[j - 1]!.pos)) j--;
    return j > k ? j : null;
  };

  /** A token tagged NOUN that is a verb in -s after a name or pronoun, before punctuation or "that". */
  const looksLikeVerb = (i: number): boolean => {
    const t = tokens[i]!;
    if (t.pos !== 'NOUN' || !t.normal.endsWith('s')) return false;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    return (
      (prev?.pos === 'PROPN' || (prev?.pos === 'PRON' && SUBJECT_PRONOUNS.has(prev.normal))) &&
      (next === undefined || next.pos === 'PUNCT' || next.normal === 'that')
    );
  };

  const out: FoundAttribution[] = [];
  let q = 0;
  for (const unit of units) {
    const unitStartIndex = out.length;
    const lo = unit.first;
    const hi = unit.last;
    let i = lo;
    while (i < hi) {
      const pos = tokens[i]!.pos;
      // Only verbs and "according to"-like phrases (ADP, SCONJ) can start a reporting cue; the tagger
      // sometimes reads a present-tense verb after a name as a plural noun ("Viguerie notes.").
      const verbLike = pos === 'VERB' || looksLikeVerb(i);
      const m =
        verbLike || pos === 'ADP' || pos === 'SCONJ' ? matchCueAt(data.reporting, tokens, i, hi) : null;
      // Speech reported inside a quotation ("“I think she will,” he said") is the quoted speaker's
      // own wording, not the article's attribution.
      while (q < pieces.length && (pieces[q]!.close ?? pieces[q]!.end) < tokens[i]!.start) q++;
      const inQuote = q < pieces.length && pieces[q]!.open < tokens[i]!.start;
      if (m && !inQuote && (m.row.kind === 'source-after' || verbLike)) {
        const found =
          m.row.kind === 'source-after'
            ? accordingTo(m, unit, unitStartIndex)
            : verbCue(m, unit, unitStartIndex);
        if (found) {
          out.push(found);
          i = m.last;
          continue;
        }
      }
      const n =
        pos === 'NOUN' && tokens[i + 1]?.normal === 'that' ? matchCueAt(data.nouns, tokens, i, hi) : null;
      if (n && tokens[n.last]?.normal === 'that') {
        const found = nounCue(n, unit);
        if (found) {
          out.push(found);
          i = n.last;
          continue;
        }
      }
      i++;
    }
    clipCoordinated(out, unitStartIndex);
  }
  nest(out);
  return out;

  function modalityOf(row: CueRow): { certainty: Certainty; polarity: Polarity } {
    if (row.value === 'believed') return { certainty: 'believed', polarity: 'positive' };
    if (row.value === 'negative') return { certainty: 'asserted', polarity: 'negative' };
    if (row.value === 'unconfirmed') return { certainty: 'asserted', polarity: 'unconfirmed' };
    return { certainty: 'asserted', polarity: 'positive' };
  }

  function verbCue(m: CueMatch, unit: Unit, unitStartIndex: number): FoundAttribution | null {
    const lo = unit.first;
    const hi = unit.last;
    const verbTok = tokens[m.first]!;
    if (verbTok.pos === 'NOUN' && !looksLikeVerb(m.first)) return null;
    // "agreed to", "promised to": an infinitive, not reported speech.
    if (tokens[m.last]?.normal === 'to' && tokens[m.last]?.pos === 'PART') return null;
    const verb = m.row.cue.includes(' ') ? m.row.cue : verbTok.lemma;
    let { certainty, polarity } = modalityOf(m.row);

    // Cue: the verb, a refusal wrapped round it ("stopped short of confirming"), and extensions.
    let cueFirst = m.first;
    for (let j = Math.max(lo, m.first - 4); j < m.first; j++) {
      const u = matchCueAt(data.modality, tokens, j, m.last);
      if (u && u.last === m.last && u.row.kind === 'unconfirmed') {
        cueFirst = j;
        polarity = 'unconfirmed';
        break;
      }
    }
    let cueLast = m.last;
    for (let guard = 0; guard < 3; guard++) {
      const x = matchCueAt(data.extensions, tokens, cueLast, hi);
      if (!x) break;
      cueLast = x.last;
    }

    // Walk back over the auxiliary chain to the subject: "has also said", "did not say".
    let k = cueFirst - 1;
    let chainStart = cueFirst;
    let negated = false;
    while (k >= lo) {
      const t = tokens[k]!;
      if (t.pos === 'AUX') {
        // "were believed", "is said": a passive reports no source here.
        if (t.lemma === 'be' && !/ing$/.test(verbTok.normal)) return passiveBy(m, k, unit);
      } else if (!(t.pos === 'ADV' || t.pos === 'PART') || !(CHAIN_WORDS.has(t.normal) || t.pos === 'ADV')) {
        break;
      }
      if (t.normal === 'not' || t.normal === "n't") negated = true;
      chainStart = k;
      k--;
    }
    if (negated && polarity === 'positive') polarity = 'negative';
    // "Rep. Earl Blumenauer (D-Ore.) said": a bracketed note after the name is skipped.
    let bracket: number | null = null;
    if (isPunct(tokens[k], ')')) {
      for (let j = k - 1; j >= lo && k - j < 10; j--) {
        if (isPunct(tokens[j], '(')) {
          bracket = k;
          k = j - 1;
          break;
        }
      }
    }

    // The cue keeps its auxiliaries and negation ("has said", "did not confirm"): they are part of
    // what the source is reported to do.
    const cue = spanOfTokens(text, tokens, Math.min(chainStart, cueFirst), cueLast);
    const base = {
      cue,
      verb,
      row: m.row,
      outer: null,
      sharesSourceWith: null,
      certainty,
      polarity,
      chainStart: tokens[chainStart]!.start,
    };
    const quoteOnly = m.row.kind === 'quote-only';
    // "Critics call it a “reform”": a present-tense naming verb (tagged VB too when bare) is a habit of speech, not a report of
    // what someone said ("Biden called the deployment “dangerous”").
    if (quoteOnly && chainStart === cueFirst && ['VB', 'VBP', 'VBZ'].includes(verbTok.xpos)) return null;
    const needsThat = m.row.kind.endsWith('-that');

    // The source before the verb.
    let sourceFirst = npBack(k, lo);
    let sourceLast = bracket !== null && sourceFirst !== null ? bracket + 1 : k + 1;
    let sharesSourceWith: number | null = null;
    if (sourceFirst !== null && tokens[sourceFirst - 1]?.pos === 'ADP' && sourceFirst - 1 > lo) {
      // A prepositional phrase before the verb: part of the source ("a spokesman for the campaign
      // said"), or an adjunct of time or manner ("Trump at the time said", "X on Tuesday dismissed",
      // "X in a statement said"), which is skipped: the subject is before it.
      const subject = npBack(sourceFirst - 2, lo);
      const adp = sourceFirst - 1;
      const adjunct =
        ADJUNCT_HEAD.test(tokens[sourceLast - 1]!.normal) ||
        matchCueAt(data.extensions, tokens, adp, sourceLast);
      if (subject === null) {
        // No subject before the phrase: keep what was found.
      } else if (adjunct) {
        sourceLast = adp;
        sourceFirst = subject;
      } else sourceFirst = subject;
    }
    if (sourceFirst !== null && tokens[sourceLast - 1]!.normal === 'who') {
      // "Singh, who spoke to reporters, said", "a surrogate who said": the antecedent speaks.
      const w = sourceLast - 1;
      const comma = isPunct(tokens[w - 1], ',');
      const antecedent = npBack(comma ? w - 2 : w - 1, lo);
      if (antecedent !== null && tokens[antecedent]!.pos !== 'PRON') {
        sourceFirst = antecedent;
        sourceLast = comma ? w - 1 : w;
      }
    }
    // A spaced dash sets off an appositive like a comma: "Lord Bingham - a senior law lord - said".
    const isSep = (t: Token | undefined): boolean =>
      isPunct(t, ',') || (isPunct(t, '-–—') && t!.spaceAfter && /\s/.test(text[t!.start - 1] ?? ''));
    if (sourceFirst === null && (isSep(tokens[k]) || isClose(tokens[k]))) {
      // "Mark Rutte, NATO's secretary general, said": an appositive between subject and verb, unless
      // the comma ends a quotation or clause and the source follows the verb ("“Q,” said X").
      const after = OBJECT_FIRST.has(verbTok.lemma) ? null : npForward(cueLast, hi);
      const inverted = after !== null && (after >= hi || isPunct(tokens[after], ',.;'));
      if (inverted) {
        const source = spanOfTokens(text, tokens, cueLast, after);
        const content = beforeContent(k, unit, unitStartIndex);
        if (!content || quoteOnly) return null;
        return { ...base, source, content, rule: `${m.row.rule} inverted`, shape: 'inverted' };
      }
      // Walk back over the separators: "Johnson, a salesman from Sumter, South Carolina, says".
      for (let j = k - 1, tries = 0; j > lo && k - j < 30 && tries < 3 && isSep(tokens[k]); j--) {
        if (!isSep(tokens[j])) continue;
        tries++;
        // Between the separators: a noun phrase (an appositive: "Rutte, NATO's chief, said"),
        // possibly with a relative clause ("a Republican who led the committee"), or a relative
        // clause alone ("Pierce, who represents eight of them, claimed").
        const relative = tokens[j + 1]!.normal === 'who';
        let appositive = j + 1 < k && !['VERB', 'AUX'].includes(tokens[j + 1]!.pos);
        let inClause = relative;
        for (let x = j + 1; x < k && appositive; x++) {
          const t = tokens[x]!;
          if (t.normal === 'who' || t.normal === 'which') inClause = true;
          else if ((t.pos === 'VERB' || t.pos === 'AUX') && !inClause) appositive = false;
          else if (t.pos === 'PUNCT' && t.text !== '-' && !isSep(t) && !/[.()]/.test(t.text))
            appositive = false;
        }
        if (!appositive) break;
        const np = npBack(j - 1, lo);
        const before = tokens[np === null ? 0 : np - 1];
        const leads =
          np !== null &&
          (np === lo ||
            isPunct(before, ',;:') ||
            isOpen(before) ||
            isClose(before) ||
            (np - 1 === lo && (before!.pos === 'CCONJ' || before!.pos === 'ADV')));
        if (np !== null && leads) {
          sourceFirst = np;
          // The relative clause describes the source but is not its name.
          sourceLast = relative ? j : k;
          break;
        }
        // "One of the authors of that report, Ari Fleischer, said": the name between the commas.
        if (
          !relative &&
          tokens[j - 1]?.pos === 'NOUN' &&
          tokens.slice(j + 1, k).some((t) => t.pos === 'PROPN') &&
          k - j <= 5
        ) {
          sourceFirst = j + 1;
          sourceLast = k;
          break;
        }
      }
    }
    if (sourceFirst === null) {
      // A coordinated or participial cue shares the subject of the previous one in the unit:
      // "shrugged off the comments and noted that", "..., adding that".
      // The previous cue in the unit, or (for ", adding that" after a quotation) the last one in the
      // paragraph.
      let prev = out.length > unitStartIndex ? out.length - 1 : null;
      const last = out.length > 0 ? out[out.length - 1]! : null;
      const afterQuote = (isPunct(tokens[k], ',') && isClose(tokens[k - 1])) || isClose(tokens[k]);
      if (prev === null && last && afterQuote && last.cue.start >= paragraphStart(unit))
        prev = out.length - 1;
      const coordinated =
        tokens[k]?.pos === 'CCONJ' ||
        ((isPunct(tokens[k], ',') || isClose(tokens[k])) && /ing$/.test(verbTok.normal));
      if (!coordinated) return null;
      if (prev !== null) sharesSourceWith = prev;
      else {
        // No earlier cue: the subject of the sentence ("Reid caucused on Saturday and says ...").
        const subjectEnd = npForward(lo, k);
        const after = subjectEnd === null ? undefined : tokens[subjectEnd];
        if (
          subjectEnd === null ||
          !after ||
          !(after.pos === 'VERB' || after.pos === 'AUX' || after.pos === 'ADV')
        )
          return null;
        sourceFirst = lo;
        sourceLast = subjectEnd;
      }
    }
    const source =
      sharesSourceWith !== null
        ? out[sharesSourceWith]!.source
        : spanOfTokens(text, tokens, sourceFirst!, sourceLast);

    // The content: after the cue ("X said (that) C", "X said: “Q”") or before the source ("C, X said").
    const boundary = sharesSourceWith !== null || sourceFirst === lo ? null : (sourceFirst ?? 0) - 1;
    const postPosed =
      boundary !== null &&
      boundary >= lo &&
      (isPunct(tokens[boundary], ',') || isClose(tokens[boundary])) &&
      sourceFirst! > lo;
    let that: number | null = null;
    for (let j = cueLast; j < hi && j - cueLast <= 6; j++) {
      const t = tokens[j]!;
      if (t.normal === 'that' && (t.pos === 'SCONJ' || t.pos === 'DET' || t.pos === 'PRON')) {
        that = j;
        break;
      }
      if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ') break;
      // "confirmed intelligence reports that C": the "that" belongs to the noun, which is the content.
      if (t.pos === 'NOUN' && matchCueAt(data.nouns, tokens, j, hi)) break;
    }
    const withSource = { ...base, source, sharesSourceWith };
    if (that !== null) {
      const content = contentSpan(text, tokens[that + 1]?.start ?? unit.end, unit.end);
      if (!content) return null;
      if (quoteOnly && !hasQuote(content)) return null;
      return { ...withSource, content, rule: `${m.row.rule} that`, shape: 'after' };
    }
    const next = tokens[cueLast];
    // "“Q1,” he said, “Q2”": the quotation before the source is the content (Q2 continues it).
    if (postPosed && !quoteOnly && (isClose(tokens[boundary!]) || isClose(tokens[boundary! - 1]))) {
      const content = beforeContent(boundary!, unit, unitStartIndex);
      if (content) return { ...withSource, content, rule: `${m.row.rule} post-posed`, shape: 'post-posed' };
    }
    // "Pence added, “It would be …”": a comma before a quotation works like a colon.
    // "Sanders asks at Western High School, “Any questions?”": a place or time phrase may come first.
    let lead = cueLast;
    while (lead < hi && lead - cueLast < 8 && !['PUNCT', 'VERB', 'AUX', 'SCONJ'].includes(tokens[lead]!.pos))
      lead++;
    if (
      lead > cueLast &&
      tokens[cueLast]!.pos === 'ADP' &&
      isPunct(tokens[lead], ',:') &&
      isOpen(tokens[lead + 1])
    ) {
      const piece = openAt.get(tokens[lead + 1]!.start)!;
      const content = { start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end) };
      return { ...withSource, content, rule: `${m.row.rule} colon`, shape: 'colon' };
    }
    if (isPunct(next, ':') || (isPunct(next, ',') && isOpen(tokens[cueLast + 1]))) {
      const piece = pieces.find((p) => p.open >= next!.end && text.slice(next!.end, p.open).trim() === '');
      const content = piece
        ? { start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end) }
        : contentSpan(text, next!.end, unit.end);
      if (!content) return null;
      return { ...withSource, content, rule: `${m.row.rule} colon`, shape: 'colon' };
    }
    if (postPosed && !quoteOnly) {
      // "Earlier Monday, X confirmed ...": a fronted phrase without a verb is no reported clause.
      const content = beforeContent(boundary!, unit, unitStartIndex);
      if (content && (hasQuote(content) || hasVerb(content))) {
        return { ...withSource, content, rule: `${m.row.rule} post-posed`, shape: 'post-posed' };
      }
      // "At one point, she said, she was considering …": a parenthetical cue; the content follows.
      if (isPunct(next, ',') && cueLast + 1 < hi) {
        const after = contentSpan(text, tokens[cueLast + 1]!.start, unit.end);
        if (after && hasVerb(after)) {
          return { ...withSource, content: after, rule: `${m.row.rule} parenthetical`, shape: 'post-posed' };
        }
      }
    }
    // "announced they will suspend": a pronoun subject and its verb start a that-less clause.
    const clause =
      next?.pos === 'PRON' &&
      SUBJECT_PRONOUNS.has(next.normal) &&
      ['AUX', 'VERB'].includes(tokens[cueLast + 1]?.pos ?? '');
    if (
      next &&
      cueLast < hi &&
      !isPunct(next, ',.;)—–-') &&
      !(needsThat && !isOpen(next) && !quoteOnly && !clause)
    ) {
      const content = contentSpan(text, next.start, unit.end);
      if (!content) return null;
      if (quoteOnly && !hasQuote(content)) return null;
      return { ...withSource, content, rule: `${m.row.rule} after`, shape: 'after' };
    }
    return null;
  }

  /**
   * A passive with its agent: "The meeting was first reported by Politico" — the source follows
   * "by", the content is the subject before the auxiliary. Other passives ("is said to") give nothing.
   */
  function passiveBy(m: CueMatch, aux: number, unit: Unit): FoundAttribution | null {
    if (tokens[m.last]?.normal !== 'by' || m.row.kind === 'quote-only') return null;
    const end = npForward(m.last + 1, unit.last);
    if (end === null) return null;
    let chain = aux;
    while (chain > unit.first && ['AUX', 'ADV', 'PART'].includes(tokens[chain - 1]!.pos)) chain--;
    const content = contentSpan(text, unit.start, tokens[chain]!.start);
    if (!content) return null;
    return {
      source: spanOfTokens(text, tokens, m.last + 1, end),
      cue: spanOfTokens(text, tokens, chain, m.last + 1),
      verb: tokens[m.first]!.lemma,
      content,
      rule: `${m.row.rule} passive-by`,
      row: m.row,
      outer: null,
      sharesSourceWith: null,
      ...modalityOf(m.row),
      chainStart: tokens[chain]!.start,
      shape: 'after',
    };
  }

  /** Start of the paragraph a unit is in: the first unit with its paragraph number. */
  function paragraphStart(unit: Unit): number {
    let i = units.indexOf(unit);
    while (i > 0 && units[i - 1]!.paragraph === unit.paragraph) i--;
    return units[i]?.start ?? unit.start;
  }

  function hasVerb(span: Span): boolean {
    for (let j = tokenIndexAt(tokens, span.start); j < tokens.length && tokens[j]!.start < span.end; j++) {
      if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') return true;
    }
    return false;
  }

  function hasQuote(span: Span): boolean {
    return pieces.some((p) => p.open >= span.start && p.open < span.end);
  }

  /**
   * Content before a post-posed source, whose clause ends at token `b` (a comma or a closing mark):
   * the quotation closing there, else the clause from the unit start (or the end of an earlier
   * attribution in the unit). When nothing but an earlier attribution lies there, this one reports
   * that one: "C, the statement said, the agency reported" — the content runs from C to the comma.
   */
  function beforeContent(b: number, unit: Unit, unitStartIndex: number): Span | null {
    let from = unit.start;
    const prev = out.length > unitStartIndex ? out[out.length - 1]! : null;
    if (prev) {
      const prevEnd = Math.max(prev.cue.end, prev.source?.end ?? 0);
      if (prevEnd <= tokens[b]!.start) {
        const between = text.slice(prevEnd, tokens[b]!.start);
        if (/^[\s\w]*$/.test(between) && between.trim().split(/\s+/).length <= 3) {
          return contentSpan(
            text,
            Math.min(prev.content.start, prev.source?.start ?? prev.cue.start),
            tokens[b]!.start,
          );
        }
        from = prevEnd;
      }
    }
    const closeTok = isClose(tokens[b])
      ? b
      : isPunct(tokens[b], ',') && isClose(tokens[b - 1])
        ? b - 1
        : null;
    if (closeTok !== null) {
      const piece = closeAt.get(tokens[closeTok]!.start)!;
      // A quotation that is the whole clause is the content; a partial one ends a longer clause.
      if (piece.open >= from && /^[\s,;:.—–-]*$/.test(text.slice(from, piece.open))) {
        return { start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end) };
      }
      return contentSpan(text, from, tokens[closeTok]!.end);
    }
    return contentSpan(text, from, tokens[b]!.start);
  }

  function accordingTo(m: CueMatch, unit: Unit, unitStartIndex: number): FoundAttribution | null {
    const lo = unit.first;
    const hi = unit.last;
    const sourceEnd = npForward(m.last, hi);
    if (sourceEnd === null) return null;
    const source = spanOfTokens(text, tokens, m.last, sourceEnd);
    const cue = spanOfTokens(text, tokens, m.first, m.last);
    const base = {
      source,
      cue,
      verb: m.row.cue,
      row: m.row,
      outer: null,
      sharesSourceWith: null,
      ...modalityOf(m.row),
      chainStart: cue.start,
      shape: 'according-to' as const,
    };
    let content: Span | null = null;
    if (m.first > lo && isPunct(tokens[m.first - 1], ',')) {
      content = beforeContent(m.first - 1, unit, unitStartIndex);
    } else if (m.first === lo || isPunct(tokens[m.first - 1], ',;:') || isOpen(tokens[m.first - 1])) {
      const after = isPunct(tokens[sourceEnd], ',') ? sourceEnd + 1 : sourceEnd;
      content = after < hi ? contentSpan(text, tokens[after]!.start, unit.end) : null;
    } else {
      content = contentSpan(text, unit.start, tokens[m.first]!.start);
    }
    if (!content) return null;
    return { ...base, content, rule: `${m.row.rule} according-to` };
  }

  function nounCue(n: CueMatch, unit: Unit): FoundAttribution | null {
    let first = npBack(n.first - 1, unit.first);
    if (first === null || tokens[n.first - 1]!.pos === 'PRON') return null;
    // "recent Ukrainian intelligence reports": the source is the naming part, without "the" or "recent".
    while (
      first < n.first &&
      (tokens[first]!.pos === 'DET' || /^[a-z]/.test(tokens[first]!.text)) &&
      tokens[first]!.pos !== 'NOUN'
    )
      first++;
    if (first >= n.first) return null;
    const content = contentSpan(text, tokens[n.last + 1]?.start ?? unit.end, unit.end);
    if (!content) return null;
    return {
      source: spanOfTokens(text, tokens, first, n.first),
      cue: spanOfTokens(text, tokens, n.first, n.last),
      verb: tokens[n.first]!.lemma,
      content,
      rule: `${n.row.rule} noun`,
      row: n.row,
      outer: null,
      sharesSourceWith: null,
      ...modalityOf(n.row),
      chainStart: tokens[n.first]!.start,
      shape: 'noun',
    };
  }
}

/**
 * "X shrugged off C1 and noted that C2": the first content stops where the coordinated cue begins
 * (before its "and" or comma).
 */
function clipCoordinated(out: FoundAttribution[], from: number): void {
  for (let i = from + 1; i < out.length; i++) {
    const later = out[i]!;
    if (later.sharesSourceWith === null) continue;
    const earlier = out[later.sharesSourceWith]!;
    if (earlier.content.start < later.cue.start && later.cue.start < earlier.content.end) {
      const cut = earlier.content.text.slice(0, later.chainStart - earlier.content.start);
      const trimmed = cut.replace(/(?:[\s,;]+(?:and|but|while)?)+\s*$/i, '');
      earlier.content = {
        start: earlier.content.start,
        end: earlier.content.start + trimmed.length,
        text: trimmed,
      };
    }
  }
}

/** Sets `outer` to the attribution with the smallest content holding this one's cue. */
function nest(out: FoundAttribution[]): void {
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    let best: number | null = null;
    for (let j = 0; j < out.length; j++) {
      if (j === i) continue;
      const o = out[j]!;
      if (o.content.start <= a.cue.start && a.cue.end <= o.content.end) {
        if (
          best === null ||
          o.content.end - o.content.start < out[best]!.content.end - out[best]!.content.start
        )
          best = j;
      }
    }
    a.outer = best;
  }
}
