import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Sentence, Token } from '../core/types.js';
import { commentOf, noSpaceAfter, parseConllu } from '../nlp/conllu.js';
import { formatConllu, formatParseTable, type ParsedText } from './conllu.js';

/** Layers for `text` with words given as [form, upos, head (document index, -1 root), deprel, sentence]. */
function layers(
  text: string,
  rows: [string, string, number, string, number][],
  paragraphs: number[],
): ParsedText {
  const tokens: Token[] = [];
  let at = 0;
  for (const [form, upos, , , sentence] of rows) {
    const start = text.indexOf(form, at);
    at = start + form.length;
    tokens.push({
      index: tokens.length,
      start,
      end: at,
      text: form,
      pos: upos,
      xpos: upos === 'PUNCT' ? '.' : 'XX',
      normal: form.toLowerCase(),
      lemma: form.toLowerCase(),
      sentence,
      spaceAfter: /\s/.test(text.charAt(at)),
    });
  }
  const sentences: Sentence[] = paragraphs.map((paragraph, index) => {
    const own = tokens.filter((t) => t.sentence === index);
    const start = own[0]!.start;
    const end = own[own.length - 1]!.end;
    return { index, start, end, text: text.slice(start, end), paragraph };
  });
  return {
    text,
    sentences,
    tokens,
    syntax: { heads: rows.map((r) => r[2]), deprels: rows.map((r) => r[3]) },
  };
}

const TEXT = "They don't\ngo.\n\nYes!";
const DOC = layers(
  TEXT,
  [
    ['They', 'PRON', 3, 'nsubj', 0],
    ['do', 'AUX', 3, 'aux', 0],
    ["n't", 'PART', 3, 'advmod', 0],
    ['go', 'VERB', -1, 'root', 0],
    ['.', 'PUNCT', 3, 'punct', 0],
    ['Yes', 'INTJ', -1, 'root', 1],
    ['!', 'PUNCT', 5, 'punct', 1],
  ],
  [0, 1],
);

describe('CoNLL-U output of a parsed document', () => {
  const out = formatConllu(DOC, 'doc.txt', 7);
  const parsed = parseConllu(out);

  it('writes newdoc, newpar, sent_id and one-line text comments', () => {
    assert.equal(parsed.length, 2);
    assert.equal(commentOf(parsed[0]!, 'newdoc id'), 'doc.txt');
    assert.equal(commentOf(parsed[1]!, 'newdoc id'), null);
    assert.ok(parsed.every((s) => s.comments.some(([k]) => k === 'newpar')));
    assert.deepEqual(
      parsed.map((s) => [commentOf(s, 'sent_id'), commentOf(s, 'text')]),
      [
        ['7', "They don't go."],
        ['8', 'Yes!'],
      ],
    );
  });

  it('round-trips: every FORM is the text at its TokenRange, heads are sentence-local', () => {
    for (const s of parsed) {
      for (const w of s.words) {
        const m = /TokenRange=(\d+):(\d+)/.exec(w.misc);
        assert.ok(m, w.misc);
        assert.equal(TEXT.slice(Number(m[1]), Number(m[2])), w.form);
      }
    }
    assert.deepEqual(
      parsed[0]!.words.map((w) => [w.form, w.head, w.deprel]),
      [
        ['They', 4, 'nsubj'],
        ['do', 4, 'aux'],
        ["n't", 4, 'advmod'],
        ['go', 0, 'root'],
        ['.', 4, 'punct'],
      ],
    );
    assert.deepEqual(
      parsed[1]!.words.map((w) => [w.form, w.head]),
      [
        ['Yes', 0],
        ['!', 1],
      ],
    );
  });

  it("writes a contraction as EWT's multiword token, SpaceAfter where the text has no space", () => {
    assert.deepEqual(parsed[0]!.ranges, [{ first: 2, last: 3, form: "don't", misc: 'TokenRange=5:10' }]);
    assert.match(out, /^2-3\tdon't\t_/m);
    const glued = parsed.flatMap((s) => s.words.filter((w) => noSpaceAfter(w.misc)).map((w) => w.form));
    // "go" before ".", "Yes" before "!"; the words inside "don't" carry no SpaceAfter; the text's last word neither.
    assert.deepEqual(glued, ['go', 'Yes']);
  });

  it('prints a readable table per sentence', () => {
    const table = formatParseTable(DOC, 'doc.txt');
    assert.match(table, /^doc\.txt\n\n# They don't go\.\nid +form +lemma/);
    assert.match(table, /4 +go +go +VERB +XX +0 \(root\) +root/);
  });
});
