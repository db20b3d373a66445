/**
 * Finds quoted stretches of a text by pairing quotation marks, paragraph by paragraph: curly “…”,
 * straight "…", guillemets «…», low „…“, and single curly ‘…’ outside a double quotation (told apart
 * from the apostrophe by what follows it). A quotation that is still open at the end of a paragraph
 * runs on: the next paragraph, when it opens with a mark, continues it (the news convention for long
 * quotes), and the pieces share a `chain`. Pure string work; depends on nothing.
 */

export interface QuotedPiece {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or null when the piece runs to the end of its paragraph. */
  readonly close: number | null;
  /** Content offsets: inside the marks, without surrounding spaces or a trailing comma. */
  readonly start: number;
  readonly end: number;
  /** Pieces of one quotation running over several paragraphs share a chain number. */
  readonly chain: number;
}

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
/** “ closes a „ quotation in German-style typesetting: only after „ is it read as closing. */
const LOW_CLOSE = '“';

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}
function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Content bounds inside the marks: spaces trimmed, and the comma that news style puts inside. */
function contentOf(text: string, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && (isSpace(text[e - 1]) || text[e - 1] === ',')) e--;
  return [s, e];
}

/** Paragraph ranges: non-blank lines (the tokens stage splits sentences at line breaks too). */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    // Look for a non-space within this line only: a search running past the line end would make a
    // text of many blank lines quadratic.
    let blank = true;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11 && c !== 0xa0 && !/\s/.test(text[i]!)) {
        blank = false;
        break;
      }
    }
    if (!blank) out.push([from, end]);
    from = end + 1;
  }
  return out;
}

/**
 * Every quoted piece of `text`, in text order. Nested single quotation marks inside a double
 * quotation belong to it and are not reported separately.
 */
export function findQuotedPieces(text: string): QuotedPiece[] {
  const pieces: QuotedPiece[] = [];
  // Every quotation mark the pairing looks at (a local regex: its lastIndex is per call).
  // Two apostrophes ('') stand for a straight double mark in ASCII-typed archives.
  const MARKS = /''|["“”„«»‘’]/g;
  // All marks found once, walked with one cursor: searching afresh from each paragraph would scan
  // past its end to the next mark, quadratic in a long text of paragraphs without marks.
  const marks = Array.from(text.matchAll(MARKS), (m) => ({ index: m.index, 0: m[0] }));
  let k = 0;
  let chain = -1;
  let runningOn = false;
  for (const [pStart, pEnd] of paragraphs(text)) {
    let open: number | null = null;
    let openMark = '';
    let openLen = 1;
    let single: number | null = null;
    const first = firstNonSpace(text, pStart);
    // Only a paragraph that opens with a mark can continue a run-on quotation.
    if (runningOn && !(DOUBLE_OPEN.has(text[first]!) || text[first] === '"' || text.startsWith("''", first)))
      runningOn = false;
    const push = (o: number, c: number | null, contentEnd: number, markLen = 1): void => {
      const [s, e] = contentOf(text, o + markLen, contentEnd);
      if (e <= s) return;
      // A piece opening a paragraph right after a run-on piece continues that quotation.
      const continues = runningOn && o === first;
      if (!continues) chain++;
      pieces.push({ open: o, close: c, start: s, end: e, chain });
      runningOn = false;
    };
    // Jump from mark to mark: the regex engine skips the plain text far faster than a loop.
    while (k < marks.length && marks[k]!.index < pStart) k++;
    for (; k < marks.length && marks[k]!.index < pEnd; k++) {
      const mk = marks[k]!;
      const i = mk.index;
      // '' behaves as a straight double mark.
      const ch = mk[0] === "''" ? '"' : mk[0];
      const len = mk[0].length;
      if (open === null) {
        if (DOUBLE_OPEN.has(ch) || (ch === '"' && !isSpace(text[i + len]))) {
          open = i;
          openMark = ch;
          openLen = len;
          single = null;
        } else if (ch === '‘' && (i === pStart || !isLetter(text[i - 1])) && isLetter(text[i + 1])) {
          single = i;
        } else if (ch === '’' && single !== null && !isLetter(text[i + 1])) {
          // A plural possessive ("the soldiers’ families") also ends in s’ before a space: a later
          // closing mark in the paragraph is then the likelier end of the quotation.
          const later = text.slice(i + 1, pEnd).search(/’(?![\p{L}\p{N}])/u);
          if (!(text[i - 1] === 's' && later >= 0)) {
            push(single, i, i);
            single = null;
          }
        }
        continue;
      }
      const closes =
        DOUBLE_CLOSE.has(ch) ||
        (ch === '"' && (openMark === '"' || openMark === '„')) ||
        (ch === LOW_CLOSE && openMark === '„');
      if (closes) {
        push(open, i, i, openLen);
        open = null;
      } else if (DOUBLE_OPEN.has(ch)) {
        // A second opening mark before any closing one: the first quotation was never closed.
        push(open, null, i, openLen);
        open = i;
        openMark = ch;
        openLen = len;
      }
    }
    if (open !== null) {
      push(open, null, pEnd, openLen);
      runningOn = true;
    }
  }
  return pieces;
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}
