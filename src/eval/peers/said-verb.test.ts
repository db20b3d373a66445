import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saidVerbAttributions } from './said-verb.js';

const show = (text: string, s: { start: number; end: number } | null) =>
  s ? text.slice(s.start, s.end) : null;

describe('said-verb peer', () => {
  const cases: [string, string, string | null, string, number][] = [
    // text, cue, source, content, cue start
    [
      'The reactor is safe, Energy Minister Jane Doe said.',
      'said',
      'Energy Minister Jane Doe',
      'The reactor is safe',
      46,
    ],
    ['Jane Doe told reporters that the reactor is safe.', 'told', 'Jane Doe', 'the reactor is safe', 9],
    ['The reactor is safe, officials said.', 'said', 'The', 'The reactor is safe', 31],
    ['the reactor is safe, officials said.', 'said', null, 'the reactor is safe', 31],
  ];
  for (const [text, cue, source, content, cueStart] of cases) {
    it(`finds "${cue}" with its nearest name in: ${text}`, () => {
      const [a, ...rest] = saidVerbAttributions(text);
      assert.equal(rest.length, 0);
      assert.equal(a!.cue.start, cueStart);
      assert.equal(show(text, a!.cue), cue);
      assert.equal(show(text, a!.source), source);
      assert.equal(show(text, a!.content), content);
    });
  }

  it('finds nothing without a reporting verb', () => {
    for (const text of ['The reactor is safe.', 'Saying goodbye, the Sayers left.', '']) {
      assert.deepEqual(saidVerbAttributions(text), [], text);
    }
  });
});
