import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor, EventRecord } from '../../core/types.js';
import { actorCodes, agrees, primaryEvent, ratio } from './event-agreement.js';

const span = (start: number) => ({ start, end: start + 1, text: 'x' });
function event(id: string, trigger: number, evidence: number): EventRecord {
  return {
    id,
    by: 'events@1',
    rule: 'test',
    cameo: '042',
    plover: 'CONSULT',
    label: 'visit',
    source: null,
    target: null,
    time: null,
    place: null,
    quantity: null,
    attribution: null,
    certainty: 'asserted',
    polarity: 'positive',
    evidence: span(evidence),
    alsoEvidence: [],
    trigger: span(trigger),
  };
}
function actor(id: string, code: string | null, country: string | null, cameo: string | null): Actor {
  return {
    id,
    by: 'actors@1',
    rule: 'test',
    name: id,
    kind: 'person',
    code,
    cameo,
    country,
    roles: [],
    aliases: [],
    mentions: [],
  };
}

describe('event agreement helpers', () => {
  it('compares the first event in text order, by trigger then evidence', () => {
    assert.equal(primaryEvent([]), null);
    assert.equal(primaryEvent([event('b', 30, 0), event('a', 10, 5), event('c', 10, 2)])!.id, 'c');
  });

  it('lets an actor answer to its code, its country and its CAMEO class', () => {
    const actors = [actor('un', 'UN', null, 'IGOUNO'), actor('singh', null, 'USA', 'USAMIL')];
    assert.deepEqual([...actorCodes(actors, 'un')].sort(), ['IGO', 'UN']);
    assert.deepEqual([...actorCodes(actors, 'singh')], ['USA']);
    assert.equal(actorCodes(actors, null).size, 0);
    assert.equal(actorCodes(actors, 'nobody').size, 0);
    assert.ok(agrees(actorCodes(actors, 'un'), ['IGO']));
    assert.ok(!agrees(actorCodes(actors, 'singh'), ['RUS', 'PRK']));
  });

  it('gives 0, not NaN, for an empty ratio', () => {
    assert.equal(ratio(0, 0), 0);
    assert.equal(ratio(1, 4), 0.25);
  });
});
