/**
 * `sitrep parse` through the built CLI: CoNLL-U that standard tools read back (every FORM is the
 * text at its TokenRange, one root per sentence, heads inside the sentence), several files and
 * standard input, and a bad input reported in one line while the others go through.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { commentOf, noSpaceAfter, parseConllu } from '../src/nlp/conllu.js';
import { repoRoot } from './shared-path.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-parse-'));
const ARTICLE =
  "Russia's army didn't retreat from Kherson, officials said on Monday.\n\nThe talks, which began in May, were suspended by Turkey.";
const article = path.join(dir, 'article.txt');
writeFileSync(article, ARTICLE);

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input });
}

describe('sitrep parse (CLI)', () => {
  it('writes CoNLL-U whose forms are the text at their TokenRange', () => {
    const r = run(['parse', article, '--conllu']);
    assert.equal(r.status, 0, r.stderr);
    const sentences = parseConllu(r.stdout);
    assert.equal(sentences.length, 2);
    assert.equal(commentOf(sentences[0]!, 'newdoc id'), article);
    assert.deepEqual(
      sentences.map((s) => commentOf(s, 'sent_id')),
      ['1', '2'],
    );
    let rebuilt = '';
    for (const s of sentences) {
      assert.equal(s.words.filter((w) => w.head === 0).length, 1, 'one root');
      const ranges = new Map(s.ranges.map((m) => [m.first, m]));
      for (const w of s.words) {
        const m = /TokenRange=(\d+):(\d+)/.exec(w.misc);
        assert.ok(m, `${w.form}: ${w.misc}`);
        assert.equal(ARTICLE.slice(Number(m[1]), Number(m[2])), w.form);
        assert.ok(w.head >= 0 && w.head <= s.words.length);
        assert.notEqual(w.deprel, '_');
        assert.notEqual(w.upos, '_');
        // A multiword token's line holds the surface form and its SpaceAfter; its words are inside it.
        const range = ranges.get(w.id);
        if (range) rebuilt += range.form + (noSpaceAfter(range.misc) ? '' : ' ');
        else if (!s.ranges.some((x) => w.id > x.first && w.id <= x.last))
          rebuilt += w.form + (noSpaceAfter(w.misc) ? '' : ' ');
      }
    }
    // Words and SpaceAfter give the text back, whitespace runs aside.
    assert.equal(rebuilt.replace(/\s+/g, ' ').trim(), ARTICLE.replace(/\s+/g, ' '));
    assert.match(r.stdout, /^\d+-\d+\tRussia's\t/m);
    assert.match(r.stdout, /^\d+-\d+\tdidn't\t/m);
  });

  it('numbers sentences across files and reads standard input', () => {
    const r = run(['parse', article, '-', '--conllu'], 'Kyiv was shelled overnight.');
    assert.equal(r.status, 0, r.stderr);
    const sentences = parseConllu(r.stdout);
    assert.deepEqual(
      sentences.map((s) => [commentOf(s, 'newdoc id'), commentOf(s, 'sent_id')]),
      [
        [article, '1'],
        [null, '2'],
        ['stdin', '3'],
      ],
    );
    const kyiv = sentences[2]!;
    assert.equal(kyiv.words.find((w) => w.form === 'Kyiv')?.deprel, 'nsubj:pass');
  });

  it('prints a readable table without --conllu, and names a missing file in one line', () => {
    const r = run(['parse', path.join(dir, 'missing.txt'), article]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /^sitrep parse: .*missing\.txt: no such file\n$/);
    assert.match(r.stdout, /id +form +lemma +upos +xpos +head +deprel/);
    assert.match(r.stdout, /Kherson/);
  });
});
