import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { actorAt, createActorsStage, createMentionIndex, mentionsIn } from './index.js';

const text =
  'North Korean soldiers are in Russia, Pentagon spokeswoman Sabrina Singh said. Ms. Singh added more.';
const doc0 = createDocument(text, { published: '2024-10-28' });
const { actors } = createActorsStage().run({ ...doc0, layers: tokenize(text) }, { debug: false });

describe('actors lookup', () => {
  it('finds the actor whose mention covers a span', () => {
    assert.equal(actorAt(actors, 29, 35)?.code, 'RUS');
    assert.equal(actorAt(actors, 31, 33)?.code, 'RUS');
    assert.equal(actorAt(actors, 82, 87)?.name, 'Sabrina Singh');
  });

  it('finds the first actor mentioned inside a span', () => {
    assert.equal(actorAt(actors, 0, 21)?.code, 'PRK');
    assert.equal(actorAt(createMentionIndex(actors), 37, 71)?.code, 'USAMIL');
  });

  it('returns null where no actor is mentioned', () => {
    assert.equal(actorAt(actors, 22, 28), null);
  });

  it('lists the mentions inside a span in order', () => {
    const inside = mentionsIn(createMentionIndex(actors), 0, 78);
    assert.deepEqual(
      inside.map((m) => [m.mention.text, m.mention.start, m.actor.name]),
      [
        ['North Korean', 0, 'North Korea'],
        ['Russia', 29, 'Russia'],
        ['Pentagon', 37, 'Pentagon'],
        ['Sabrina Singh', 58, 'Sabrina Singh'],
      ],
    );
  });
});
