/**
 * The `quotes` stage: direct quotations with their speakers, and reported speech (attributions) with
 * source, cue, content and what the cue says of the content (certainty, polarity). Finders propose
 * (quotation-mark pairs, reporting cues); refiners decide: a quotation is a quote when someone is
 * reported as saying it, or when it reads as speech (a sentence); a short term in quotation marks that
 * nobody says ("a so-called “peace plan”", “Operation Z”) is not. Speakers are actors of the `actors`
 * layer, found through their mentions (pronouns included).
 * Depends on core, the stage contract and the quotes data; never on store, CLI or HTTP.
 */
import type { Attribution, Quote, SitrepDocument, Span, Token } from '../../core/types.js';
import { loadQuotesData, type QuotesData } from '../../data/quotes.js';
import { type Stage, stageTag } from '../../pipeline/stage.js';
import { findAttributions } from './attributions.js';
import { matchCueAt, tokenIndexAt } from './cue-match.js';
import { findQuotedPieces, type QuotedPiece } from './quote-marks.js';
import { indexSpeakers } from './speaker.js';
import { buildUnits, type Unit } from './units.js';

const NAME = 'quotes';
const VERSION = 2;
const PERSONAL_PRONOUNS = /^(he|she|him|her)$/i;
/** Verbs that take a quoted term as object: only a reporting use (with a source) makes it a quote. */
const NAMING_VERBS = new Set(['call', 'dub', 'term', 'name', 'label', 'brand']);

type Needs = 'sentences' | 'tokens' | 'actors';

/** Words of a quotation, as the tokens give them (punctuation excluded). */
function wordsIn(tokens: readonly Token[], start: number, end: number): Token[] {
  const out: Token[] = [];
  for (let i = tokenIndexAt(tokens, start); i < tokens.length && tokens[i]!.start < end; i++) {
    if (tokens[i]!.pos !== 'PUNCT') out.push(tokens[i]!);
  }
  return out;
}

/** Every word capitalised and no sentence punctuation: a name or a title ("Operation Z", “War and Peace”). */
function looksLikeTitle(words: readonly Token[], text: string): boolean {
  if (words.length === 0 || words.length > 6 || /[.!?]/.test(text)) return false;
  const minor = /^(and|or|of|the|a|an|in|on|at|to|for|with|by|from)$/;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w.text) || (i > 0 && minor.test(w.text)));
}

/** Reads as speech on its own: a sentence (capital to full stop) or a long stretch. */
function readsAsSpeech(words: readonly Token[], text: string): boolean {
  if (words.length >= 8) return true;
  return words.length >= 3 && /^[\p{Lu}“"‘]/u.test(text) && /[.!?…]["”’]?$/.test(text);
}

export function createQuotesStage(
  data: QuotesData = loadQuotesData(),
): Stage<Needs, 'quotes' | 'attributions'> {
  const by = stageTag({ name: NAME, version: VERSION });
  return {
    name: NAME,
    version: VERSION,
    requires: ['sentences', 'tokens', 'actors'],
    provides: ['quotes', 'attributions'],
    run(doc: SitrepDocument<Needs>) {
      const { text } = doc;
      const { tokens, sentences, actors } = doc.layers;
      const pieces = findQuotedPieces(text);
      const units = buildUnits(sentences, tokens, pieces);
      const found = findAttributions({ text, tokens, units, pieces, data });
      const speakers = indexSpeakers(actors, text);

      // Speakers of attributions, in text order: a "he" no actor mention covers falls back to the
      // latest person who spoke, the usual reading of "he added" in news.
      const speakerOf: (string | null)[] = [];
      let lastPerson: string | null = null;
      for (let i = 0; i < found.length; i++) {
        const f = found[i]!;
        let speaker: string | null;
        if (f.sharesSourceWith !== null) speaker = speakerOf[f.sharesSourceWith] ?? null;
        else speaker = f.source ? speakers.resolve(f.source) : null;
        if (!speaker && f.source && PERSONAL_PRONOUNS.test(f.source.text)) speaker = lastPerson;
        if (speaker && speakers.kindOf(speaker) === 'person') lastPerson = speaker;
        speakerOf.push(speaker);
      }
      // An attribution whose content came out empty ("rejected that, but ...": "that" read as a
      // pronoun object) reports nothing: it is dropped, and so are links to it. Ids keep their
      // numbers so that every remaining link stays right.
      const empty = new Set(found.flatMap((f, i) => (f.content.end <= f.content.start ? [i] : [])));
      const attributions: Attribution[] = found.flatMap((f, i) =>
        empty.has(i)
          ? []
          : [
              {
                id: `at${i + 1}`,
                by,
                rule: f.rule,
                speaker: speakerOf[i] ?? null,
                source: f.source,
                cue: f.cue,
                verb: f.verb,
                content: f.content,
                outer: f.outer === null || empty.has(f.outer) ? null : `at${f.outer + 1}`,
                certainty: f.certainty,
                polarity: f.polarity,
              },
            ],
      );

      const quotes = refineQuotes(doc, pieces, units, attributions, data, by);
      return { quotes, attributions };
    },
  };

  function refineQuotes(
    doc: SitrepDocument<Needs>,
    pieces: readonly QuotedPiece[],
    units: readonly Unit[],
    attributions: readonly Attribution[],
    d: QuotesData,
    by: string,
  ): Quote[] {
    const { text } = doc;
    const { tokens } = doc.layers;
    const cueStarts = new Set(attributions.map((a) => a.cue.start));
    /** Start of the reporting unit holding an offset (units are in text order). */
    const unitStartOf = (offset: number): number => {
      let lo = 0;
      let hi = units.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (units[mid]!.start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return units[lo]?.start ?? 0;
    };
    type Kept = { piece: QuotedPiece; speaker: string | null; rule: string; attributed: boolean };
    const kept: Kept[] = [];
    for (const piece of pieces) {
      const content: Span = { start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end) };
      const openTok = tokenIndexAt(tokens, piece.open);
      // "a so-called “peace plan”", "the film “Oppenheimer”": a term or a title, whoever writes it.
      let marked = false;
      for (let j = Math.max(0, openTok - 3); j < openTok && !marked; j++) {
        const m = matchCueAt(d.notQuote, tokens, j, openTok);
        if (m && m.last === openTok) marked = true;
      }
      const before = tokens[openTok - 1];
      if (before && NAMING_VERBS.has(before.lemma) && !cueStarts.has(before.start)) marked = true;
      if (marked) continue;

      // The innermost attribution whose content holds the quotation speaks it.
      let holder: Attribution | null = null;
      for (const a of attributions) {
        if (a.content.start <= piece.start && piece.end <= a.content.end + 2) {
          if (!holder || a.content.end - a.content.start < holder.content.end - holder.content.start)
            holder = a;
        }
      }
      // "“We are ready,” he said, “and we will not wait.”": the piece right after a cue continues.
      if (!holder) {
        for (const a of attributions) {
          const end = Math.max(a.cue.end, a.source?.end ?? 0);
          if (end <= piece.open && piece.open - end <= 3 && /^[ \t,:]*$/.test(text.slice(end, piece.open))) {
            holder = a;
            break;
          }
        }
      }
      // "“One strong conservative can win,” adding that …": the piece right before a cue is its speaker's.
      if (!holder && piece.close !== null) {
        const after = piece.close + 1;
        for (const a of attributions) {
          const next =
            a.source && a.source.start > piece.open ? Math.min(a.source.start, a.cue.start) : a.cue.start;
          if (next >= after && next - after <= 3 && /^[ \t,]*$/.test(text.slice(after, next))) {
            holder = a;
            break;
          }
        }
      }
      const words = wordsIn(tokens, content.start, content.end);
      const exact =
        holder !== null && holder.content.start === piece.start && holder.content.end === piece.end;
      if (!exact && looksLikeTitle(words, content.text)) continue;
      if (holder) {
        kept.push({ piece, speaker: holder.speaker, rule: `attributed:${holder.id}`, attributed: true });
      } else if (
        readsAsSpeech(words, content.text) ||
        // "“One strong conservative can win,” adding …": a comma, question or exclamation mark inside
        // the closing mark ends a spoken sentence.
        (words.length >= 3 &&
          /^\p{Lu}/u.test(content.text) &&
          /^[,?!]/.test(text.slice(piece.end, piece.close ?? piece.end)))
      ) {
        kept.push({ piece, speaker: null, rule: 'speech', attributed: false });
      }
    }

    // Pieces of one run-on quotation share the speaker found for any of them.
    const chainSpeaker = new Map<number, string>();
    for (const k of kept)
      if (k.speaker && !chainSpeaker.has(k.piece.chain)) chainSpeaker.set(k.piece.chain, k.speaker);
    for (const k of kept) {
      if (!k.speaker && chainSpeaker.has(k.piece.chain)) {
        k.speaker = chainSpeaker.get(k.piece.chain)!;
        k.rule = 'run-on';
      }
    }
    // A quotation standing alone right after another one continues its speaker ("“…,” Ms. Singh said.
    // “This is a calculation ...”"), unless someone else is reported speaking in between.
    for (let i = 1; i < kept.length; i++) {
      const k = kept[i]!;
      const prev = kept[i - 1]!;
      if (k.speaker || k.attributed || !prev.speaker) continue;
      // Only a quotation that opens its own sentence continues a voice; one inside the article's
      // sentence ("ruled that detentions were “in a way that discriminates”") does not.
      const unitStart = unitStartOf(k.piece.open);
      if (!/^[\s“"‘]*$/.test(text.slice(unitStart, k.piece.open))) continue;
      const between = attributions.some(
        (a) => a.cue.start > prev.piece.end && a.cue.start < k.piece.open && a.speaker !== prev.speaker,
      );
      const gapParagraphs = (text.slice(prev.piece.end, k.piece.open).match(/\n\s*\S/g) ?? []).length;
      if (!between && gapParagraphs <= 1) {
        k.speaker = prev.speaker;
        k.rule = 'continues';
      }
    }
    return kept.map((k, i) => ({
      id: `qt${i + 1}`,
      start: k.piece.start,
      end: k.piece.end,
      text: text.slice(k.piece.start, k.piece.end),
      speaker: k.speaker,
      by,
      rule: k.rule,
    }));
  }
}
