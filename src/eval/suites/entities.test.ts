import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor, Place } from '../../core/types.js';
import { conllTypeOf, sitrepEntities } from './entities.js';

const actor = (kind: Actor['kind'], mentions: [number, number, Actor['mentions'][number]['via']][]): Actor =>
  ({
    kind,
    mentions: mentions.map(([start, end, via]) => ({ start, end, via, text: '', rule: '' })),
  }) as unknown as Actor;

describe('entities suite: Sitrep layers as CoNLL types', () => {
  it('maps kinds and mention types as documented', () => {
    assert.equal(conllTypeOf({ kind: 'person' }, 'name'), 'PER');
    assert.equal(conllTypeOf({ kind: 'person' }, 'surname'), 'PER');
    assert.equal(conllTypeOf({ kind: 'person' }, 'pronoun'), null);
    assert.equal(conllTypeOf({ kind: 'organization' }, 'acronym'), 'ORG');
    assert.equal(conllTypeOf({ kind: 'country' }, 'name'), 'LOC');
    assert.equal(conllTypeOf({ kind: 'country' }, 'metonym'), 'LOC');
    assert.equal(conllTypeOf({ kind: 'country' }, 'demonym'), 'MISC');
    assert.equal(conllTypeOf({ kind: 'country' }, 'definite'), null);
  });

  it('gives one span per offset pair, actors before places, in text order', () => {
    const actors = [
      actor('country', [
        [20, 26, 'name'],
        [40, 47, 'demonym'],
      ]),
      actor('person', [
        [0, 10, 'name'],
        [30, 32, 'pronoun'],
      ]),
    ];
    const places = [
      { start: 20, end: 26 },
      { start: 50, end: 55 },
    ] as unknown as Place[];
    assert.deepEqual(sitrepEntities(actors, places), [
      { start: 0, end: 10, label: 'PER' },
      { start: 20, end: 26, label: 'LOC' },
      { start: 40, end: 47, label: 'MISC' },
      { start: 50, end: 55, label: 'LOC' },
    ]);
  });
});
