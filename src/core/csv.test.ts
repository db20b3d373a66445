import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvLine } from './csv.js';

describe('CSV cells (formula injection)', () => {
  it('neutralises text starting with = + - @ tab or CR: a leading quote, and quoted', () => {
    assert.equal(csvCell("=cmd|' /C calc'!A0"), `"'=cmd|' /C calc'!A0"`);
    assert.equal(csvCell('+1+1'), `"'+1+1"`);
    assert.equal(csvCell('-2+3'), `"'-2+3"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell('\t=1'), `"'\t=1"`);
    assert.equal(csvCell('\r=1'), `"'\r=1"`);
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  });
  it('keeps numbers (negative ones too) and plain text as they are', () => {
    assert.equal(
      csvLine([-3, 0, 2.5, 'Reuters', null, undefined, 'a,b', 'say "hi"']),
      '-3,0,2.5,Reuters,,,"a,b","say ""hi"""',
    );
  });
});
