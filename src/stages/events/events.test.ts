/**
 * Table tests of the events stage, one or more per pattern family, on hand-made actor/time/place/
 * quantity layers (fixture.ts) with the project's lexicon. Each case asserts the code, the actors
 * and the trigger's offsets; a negative table lists text that must yield no event.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventRecord } from '../../core/types.js';
import { buildEventsData, loadEventsData } from '../../data/events.js';
import { CTX, type Fixture, fixtureDoc, fixtureModality } from './fixture.js';
import { createEventsStage } from './index.js';

const stage = createEventsStage(loadEventsData(), fixtureModality);

const A = {
  PRK: { id: 'PRK', mentions: ['North Korea', 'North Korean', 'Pyongyang'] },
  RUS: { id: 'RUS', mentions: ['Russia', 'Moscow', 'Russian'] },
  UKR: { id: 'UKR', mentions: ['Ukraine', 'Kyiv', 'Ukrainian'] },
  IRN: { id: 'IRN', mentions: ['Iran'] },
  USA: { id: 'USA', mentions: ['United States', 'Washington'] },
  DOD: { id: 'DOD', mentions: ['Pentagon'] },
  NATO: { id: 'NATO', mentions: ['NATO'] },
  RUTTE: { id: 'RUTTE', kind: 'person' as const, mentions: ['Rutte', 'Mark Rutte'] },
  LAVROV: { id: 'LAVROV', kind: 'person' as const, mentions: ['Lavrov'] },
  BIDEN: { id: 'BIDEN', kind: 'person' as const, mentions: ['Biden'] },
  AUSTIN: { id: 'AUSTIN', kind: 'person' as const, mentions: ['Austin'] },
  KIM: { id: 'KIM', kind: 'person' as const, mentions: ['Kim'] },
  NAVALNY: { id: 'NAVALNY', kind: 'person' as const, mentions: ['Navalny'] },
  ISR: { id: 'ISR', mentions: ['Israel', 'Israeli'] },
};
const ALL = Object.values(A);

function run(text: string, f: Fixture = {}): readonly EventRecord[] {
  const doc = fixtureDoc(text, { actors: ALL, ...f });
  const { events } = stage.run(doc, CTX);
  for (const e of events) {
    assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text, 'trigger offsets');
    assert.equal(text.slice(e.evidence.start, e.evidence.end), e.evidence.text, 'evidence offsets');
    for (const s of e.alsoEvidence) assert.equal(text.slice(s.start, s.end), s.text);
    assert.equal(e.by, 'events@2');
    assert.ok(e.rule.length > 0);
  }
  return events;
}

interface Case {
  name: string;
  text: string;
  fixture?: Fixture;
  /** The event expected (by trigger word): cameo, source, target. */
  trigger: string;
  cameo: string;
  source: string | null;
  target: string | null;
  more?: (e: EventRecord, text: string) => void;
}

const cases: Case[] = [
  {
    name: 'send troops to X (military aid), quantity in the object',
    text: 'North Korea has sent about 10,000 troops to Russia.',
    fixture: { quantities: [{ text: 'about 10,000 troops', value: 10000, unit: 'troops' }] },
    trigger: 'sent',
    cameo: '072',
    source: 'PRK',
    target: 'RUS',
    more: (e) => assert.equal(e.quantity, 'q1'),
  },
  {
    name: 'supply weapons to X',
    text: 'Iran has supplied drones to Russia.',
    trigger: 'supplied',
    cameo: '072',
    source: 'IRN',
    target: 'RUS',
  },
  {
    name: 'coordinated subjects sign a pact; time of the clause',
    text: 'Pyongyang and Moscow signed a joint security pact last June.',
    fixture: { times: [{ text: 'last June', from: '2024-06-01', to: '2024-06-30' }] },
    trigger: 'signed',
    cameo: '057',
    source: 'PRK',
    target: 'RUS',
    more: (e) => assert.equal(e.time, 't1'),
  },
  {
    name: 'shrug off a possessor’s comments (reject)',
    text: 'Lavrov shrugged off Rutte’s comments.',
    trigger: 'shrugged',
    cameo: '120',
    source: 'LAVROV',
    target: 'RUTTE',
  },
  {
    name: 'condemn (criticise)',
    text: 'Biden condemned Russia on Tuesday.',
    trigger: 'condemned',
    cameo: '111',
    source: 'BIDEN',
    target: 'RUS',
    more: (e) => assert.equal(e.attribution?.speaker, 'BIDEN'),
  },
  {
    name: 'will meet with X in a place: planned, so coded as intent to meet',
    text: 'Austin will meet with Kim later this week in Washington.',
    fixture: {
      actors: ALL.filter((a) => a.id !== 'USA'),
      times: [{ text: 'later this week', from: '2024-10-28', to: '2024-11-03', future: true }],
      places: [{ text: 'Washington', name: 'Washington', country: 'USA' }],
    },
    trigger: 'meet',
    cameo: '036',
    source: 'AUSTIN',
    target: 'KIM',
    more: (e) => {
      assert.equal(e.certainty, 'planned');
      assert.equal(e.time, 't1');
      assert.equal(e.place, 'p1');
    },
  },
  {
    name: 'demonym subject attacks (fight)',
    text: 'Russian forces attacked Ukraine overnight.',
    trigger: 'attacked',
    cameo: '190',
    source: 'RUS',
    target: 'UKR',
  },
  {
    name: 'arrest (passive subject is the target)',
    text: 'Navalny was arrested by Russian police.',
    trigger: 'arrested',
    cameo: '173',
    source: 'RUS',
    target: 'NAVALNY',
  },
  {
    name: 'impose sanctions on X',
    text: 'The United States imposed new sanctions on Iran.',
    trigger: 'imposed',
    cameo: '163',
    source: 'USA',
    target: 'IRN',
  },
  {
    name: 'air strikes on X (noun with a demonym modifier)',
    text: 'Israeli air strikes on Iran continued.',
    trigger: 'strikes',
    cameo: '195',
    source: 'ISR',
    target: 'IRN',
  },
  {
    name: 'seek help from X (appeal for aid)',
    text: 'Russia sought help from Iran.',
    trigger: 'sought',
    cameo: '023',
    source: 'RUS',
    target: 'IRN',
  },
  {
    name: 'relative clause supplier inside a help-seeking frame gives to the seeker',
    text: 'Russia sought help from Iran, which has supplied drones.',
    trigger: 'supplied',
    cameo: '072',
    source: 'IRN',
    target: 'RUS',
  },
  {
    name: '"according to X" is the report’s source, never the target',
    text: 'Russia sought help from Iran, which has supplied drones, according to Western governments.',
    fixture: { actors: [...ALL, { id: 'WEST', mentions: ['Western governments'] }] },
    trigger: 'supplied',
    cameo: '072',
    source: 'IRN',
    target: 'RUS',
    more: (e) => assert.equal(e.attribution?.speaker, 'WEST'),
  },
  {
    name: 'accuse X of aggression',
    text: 'Ukraine accused Russia of aggression.',
    trigger: 'accused',
    cameo: '1123',
    source: 'UKR',
    target: 'RUS',
  },
  {
    name: 'call an act by a condemning word: aimed at the act’s actor',
    text: 'North Korea has sent troops to Russia. Biden called the deployment “dangerous.”',
    trigger: 'called',
    cameo: '111',
    source: 'BIDEN',
    target: 'PRK',
  },
  {
    name: 'evaluative word in reported speech',
    text: 'Rutte said the North Korean deployment was a significant escalation.',
    trigger: 'escalation',
    cameo: '111',
    source: 'RUTTE',
    target: 'PRK',
  },
  {
    name: 'a claim about others is an allegation',
    text: 'Lavrov claimed that NATO instructors were covertly deployed to Ukraine.',
    trigger: 'claimed',
    cameo: '112',
    source: 'LAVROV',
    target: 'NATO',
  },
  {
    name: 'passive deployment: the forces’ nationality is the source',
    text: 'North Korean troops were deployed to Russia.',
    trigger: 'deployed',
    cameo: '072',
    source: 'PRK',
    target: 'RUS',
  },
  {
    name: 'forces heading for a place (mobilise); the place’s country is the target',
    text: 'North Korean soldiers were heading for Kursk.',
    fixture: { places: [{ text: 'Kursk', name: 'Kursk', country: 'RUS' }] },
    trigger: 'heading',
    cameo: '154',
    source: 'PRK',
    target: 'RUS',
    more: (e) => assert.equal(e.place, 'p1'),
  },
  {
    name: 'withdraw troops from X',
    text: 'Russia withdrew its troops from Ukraine.',
    trigger: 'withdrew',
    cameo: '0874',
    source: 'RUS',
    target: 'UKR',
  },
  {
    name: 'visit X',
    text: 'Biden visited Kyiv on Monday.',
    trigger: 'visited',
    cameo: '042',
    source: 'BIDEN',
    target: 'UKR',
  },
  {
    name: 'threaten X',
    text: 'Iran threatened Israel with retaliation.',
    trigger: 'threatened',
    cameo: '138',
    source: 'IRN',
    target: 'ISR',
  },
  {
    name: 'agreed to release: intent to yield',
    text: 'Russia agreed to release Ukrainian prisoners.',
    trigger: 'release',
    cameo: '035',
    source: 'RUS',
    target: 'UKR',
  },
  {
    name: 'declined to meet: rejecting a meeting',
    text: 'Russia declined to meet Ukraine.',
    trigger: 'meet',
    cameo: '125',
    source: 'RUS',
    target: 'UKR',
    more: (e) => assert.equal(e.polarity, 'positive'),
  },
  {
    name: 'threatened to attack: a threat of force (the attack is the threat’s object, not an event)',
    text: 'Iran threatened to attack Israel.',
    trigger: 'threatened',
    cameo: '138',
    source: 'IRN',
    target: 'ISR',
  },
  {
    name: 'demand that X act: the that-clause subject is the target',
    text: 'China demanded that the United States cancel the sale.',
    fixture: { actors: [...ALL, { id: 'CHN', mentions: ['China'] }] },
    trigger: 'demanded',
    cameo: '100',
    source: 'CHN',
    target: 'USA',
  },
  {
    name: 'an act in a country targets that country',
    text: 'Israel strengthened its forces in Ukraine.',
    trigger: 'strengthened',
    cameo: '154',
    source: 'ISR',
    target: 'UKR',
  },
  {
    name: 'received weapons from X: X supplies the receiver',
    text: 'Ukraine received missiles from the United States.',
    trigger: 'received',
    cameo: '072',
    source: 'USA',
    target: 'UKR',
  },
  {
    name: 'a support verb’s subject authors the noun’s act ("launched an attack on X")',
    text: 'Russia launched an attack on Ukraine.',
    trigger: 'attack',
    cameo: '190',
    source: 'RUS',
    target: 'UKR',
  },
  {
    name: 'praise X',
    text: 'NATO praised Ukraine for its resilience.',
    trigger: 'praised',
    cameo: '051',
    source: 'NATO',
    target: 'UKR',
  },
];

describe('events stage: pattern families (value and offsets)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const events = run(c.text, c.fixture);
      const e = events.find((x) => x.trigger.text === c.trigger);
      assert.ok(
        e,
        `no event on "${c.trigger}" in ${JSON.stringify(events.map((x) => [x.trigger.text, x.cameo]))}`,
      );
      const start = c.text.indexOf(c.trigger);
      assert.deepEqual(
        { cameo: e.cameo, source: e.source, target: e.target, start: e.trigger.start, end: e.trigger.end },
        { cameo: c.cameo, source: c.source, target: c.target, start, end: start + c.trigger.length },
      );
      c.more?.(e, c.text);
    });
  }
});

describe('events stage: arguments, attribution and merging', () => {
  it('attributes an event to the reporting source and keeps the report time off it', () => {
    const text = 'North Korea has sent troops to Russia, the Pentagon said Monday.';
    const events = run(text, { times: [{ text: 'Monday', from: '2024-10-28', to: '2024-10-28' }] });
    const e = events.find((x) => x.trigger.text === 'sent')!;
    assert.equal(e.attribution?.speaker, 'DOD');
    assert.equal(e.attribution?.verb, 'say');
    assert.equal(text.slice(e.attribution!.start, e.attribution!.end), 'said');
    assert.equal(e.time, null);
  });

  it('prefers the attribution layer where it covers the trigger', () => {
    const text = 'Officials said Iran has supplied drones to Russia.';
    const events = run(text, {
      attributions: [
        { speaker: 'USA', cue: 'said', verb: 'say', content: 'Iran has supplied drones to Russia' },
      ],
    });
    assert.equal(events[0]?.attribution?.speaker, 'USA');
  });

  it('merges one event stated twice into one with further evidence', () => {
    const text = 'North Korea has sent troops to Russia. The North Korean deployment alarmed Japan.';
    const events = run(text).filter((e) => e.source === 'PRK');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.alsoEvidence.length, 1);
    assert.equal(events[0]!.alsoEvidence[0]!.text, 'The North Korean deployment alarmed Japan.');
  });

  it('keeps a supply of another kind distinct from a deployment', () => {
    const text = 'North Korea has sent troops to Russia. North Korea has shipped ammunition to Russia.';
    const events = run(text);
    assert.deepEqual(
      events.map((e) => [e.trigger.text, e.cameo, e.source, e.target]),
      [
        ['sent', '072', 'PRK', 'RUS'],
        ['shipped', '072', 'PRK', 'RUS'],
      ],
    );
  });

  it('gives certainty and polarity from the modality helper', () => {
    const events = run('Russia did not attack Ukraine.');
    assert.equal(events[0]?.polarity, 'negative');
  });

  it('drops the governing verb of an intended act ("agreed to lift sanctions")', () => {
    const events = run('Russia agreed to lift sanctions on Iran.');
    assert.deepEqual(
      events.map((e) => [e.trigger.text, e.cameo, e.source, e.target]),
      [['lift', '035', 'RUS', 'IRN']],
    );
  });

  it('survives fragments whose trigger opens the sentence', () => {
    for (const text of ['To attack.', 'Keen to fight.', 'Agreed to meet. To sign.', 'Which attacked.']) {
      for (const e of run(text)) assert.deepEqual([e.source, e.target], [null, null], text);
    }
  });

  it('a participle modifying a noun presupposes its act, whatever the clause’s modality', () => {
    const text = 'There will be no limits on the use of United States-provided weapons.';
    const e = run(text).find((x) => x.trigger.text === 'provided');
    assert.deepEqual(
      [e?.cameo, e?.source, e?.certainty, e?.polarity],
      ['072', 'USA', 'asserted', 'positive'],
    );
  });

  it('carries the CAMEO root’s PLOVER type and a label naming the actors', () => {
    const [e] = run('Iran has supplied drones to Russia.');
    assert.equal(e?.plover, 'AID');
    assert.match(e!.label, /IRN → RUS/);
    assert.match(e!.rule, /^aid-weapons \(patterns\.tsv:\d+\)$/);
  });

  it('works with a tiny fixture lexicon', () => {
    const data = buildEventsData({
      patterns:
        'id\tkind\ttrigger\tparticle\tobject\tsubject\ttarget\tflags\tcameo\tfamily\treason\nhug\tv\thug\t\t\t\tobj\t\t051\t\ttest\n',
      wordSets: 'set\twords\treason\n',
      cameoCodes: 'code\tplover\tdescription\n05\tSUPPORT\tsupport\n051\tSUPPORT\tpraise\n',
      evaluations: 'word\tpolarity\tcameo\treason\n',
    });
    const s = createEventsStage(data, fixtureModality);
    const text = 'Russia hugged Iran.';
    const { events } = s.run(fixtureDoc(text, { actors: ALL }), CTX);
    assert.deepEqual(
      events.map((e) => [e.cameo, e.source, e.target, e.trigger.start, e.trigger.end]),
      [['051', 'RUS', 'IRN', 7, 13]],
    );
  });
});

describe('events stage: negatives (no event)', () => {
  const none = [
    'The war in Ukraine continued.',
    'Russia said.',
    'He said so on Monday.',
    'Ukraine’s meeting room was full.',
    'By John Smith, Reuters',
    'Inflation rose 12.53% in Russia.',
    'See https://example.com/attack for details.',
    'Russia and Ukraine are neighbours.',
    'The attack was reported.',
    'Another front of the attack on Ukraine is sanctions.',
  ];
  for (const text of none) {
    it(`"${text}"`, () => {
      assert.deepEqual(
        run(text).map((e) => [e.trigger.text, e.cameo]),
        [],
      );
    });
  }
});
