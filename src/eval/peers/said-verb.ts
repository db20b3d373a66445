/**
 * The "said"-verb attribution baseline, the peer of the `attribution` suite: every common reporting
 * verb form is a cue, its source is the nearest capitalised name before it in the same sentence,
 * and its content is the rest of the sentence (after the cue, or before the source when the cue ends
 * the sentence). Deliberately simple and independent of Sitrep: plain regular expressions, no
 * tagger, no actor layer. Depends on nothing.
 */

export interface PeerSpan {
  readonly start: number;
  readonly end: number;
}

export interface PeerAttribution {
  readonly source: PeerSpan | null;
  readonly cue: PeerSpan;
  readonly content: PeerSpan | null;
}

/** The usual reporting verbs of news prose, in the forms reporters write them (past and present). */
const CUE =
  /\b(?:said|says|say|told|tells|added|adds|stated|states|claimed|claims|reported|reports|announced|announces|wrote|writes|noted|notes|argued|argues|insisted|insists|warned|warns|explained|explains|according to)\b/g;
/** Sentences: runs ending at . ! ? (with closing quotes) or a line break; abbreviations will cut some, as any naive splitter would. */
const SENTENCE = /[^.!?\n]+(?:[.!?]+["”’)]*|(?=\n)|$)/g;
/** A name: one or more capitalised words in a row. */
const NAME = /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

function trimmed(text: string, start: number, end: number): PeerSpan | null {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:"“”]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:.!?"“”]/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

export function saidVerbAttributions(text: string): PeerAttribution[] {
  const out: PeerAttribution[] = [];
  for (const sm of text.matchAll(SENTENCE)) {
    const sentence = sm[0];
    const base = sm.index;
    for (const cm of sentence.matchAll(CUE)) {
      const cueStart = base + cm.index;
      const cue = { start: cueStart, end: cueStart + cm[0].length };
      let source: PeerSpan | null = null;
      for (const nm of sentence.slice(0, cm.index).matchAll(NAME)) {
        source = { start: base + nm.index, end: base + nm.index + nm[0].length };
      }
      const sentenceEnd = base + sentence.length;
      const after = trimmed(text, cue.end, sentenceEnd);
      let content: PeerSpan | null;
      if (after && text.slice(after.start, after.end).split(/\s+/).length > 3) {
        // "X said (that) C", "X told reporters that C": what follows, from after a near "that".
        const that = /^(?:\s+\S+){0,3}?\s+that\b/.exec(text.slice(cue.end, sentenceEnd));
        content = trimmed(text, that ? cue.end + that[0].length : cue.end, sentenceEnd);
      } else {
        // "C, X said.": what precedes the comma before the cue (else the source).
        const comma = sentence.lastIndexOf(',', cm.index);
        content = trimmed(text, base, comma >= 0 ? base + comma : source ? source.start : cue.start);
      }
      out.push({ source, cue, content });
    }
  }
  return out;
}
