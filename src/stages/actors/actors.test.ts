import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSpans } from '../../core/span.js';
import type { Actor } from '../../core/types.js';
import type { ActorsData } from '../../data/actors.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { createActorsStage } from './index.js';

const stage = createActorsStage();

function run(text: string, published: string | null = '2024-10-28', s = stage): readonly Actor[] {
  const doc0 = createDocument(text, { published });
  const doc = { ...doc0, layers: tokenize(text) };
  const { actors } = s.run(doc, { debug: false });
  for (const a of actors) {
    assertSpans(text, a.mentions);
    assert.equal(a.by, 'actors@1');
    assert.ok(a.rule.length > 0);
    for (const m of a.mentions) assert.ok(m.rule.length > 0, `mention ${m.text} has a rule`);
  }
  return actors;
}

function byName(actors: readonly Actor[], name: string): Actor {
  const a = actors.find((x) => x.name === name);
  assert.ok(a, `no actor '${name}' in ${actors.map((x) => x.name).join(', ')}`);
  return a;
}

/** [text, start] of each mention, in order. */
function mentions(a: Actor): [string, number][] {
  return a.mentions.map((m) => [m.text, m.start]);
}

describe('actors stage: states, capitals, demonyms', () => {
  const cases: { text: string; name: string; code: string; want: [string, number][] }[] = [
    {
      text: 'Moscow and Kyiv traded accusations on Tuesday.',
      name: 'Russia',
      code: 'RUS',
      want: [['Moscow', 0]],
    },
    {
      text: 'Moscow and Kyiv traded accusations on Tuesday.',
      name: 'Ukraine',
      code: 'UKR',
      want: [['Kyiv', 11]],
    },
    {
      text: 'There will be no limits on U.S.-provided weapons, the Americans said.',
      name: 'United States',
      code: 'USA',
      want: [
        ['U.S.', 27],
        ['Americans', 54],
      ],
    },
    {
      text: 'South Korean officials met their Japanese counterparts in Tokyo.',
      name: 'South Korea',
      code: 'KOR',
      want: [['South Korean', 0]],
    },
    {
      text: 'North Korea fired a missile. Seoul said the North had broken its word.',
      name: 'North Korea',
      code: 'PRK',
      want: [
        ['North Korea', 0],
        ['North', 44],
      ],
    },
    {
      text: "Beijing's warnings went unheeded, and Britain sent a carrier to the South China Sea.",
      name: 'China',
      code: 'CHN',
      want: [['Beijing', 0]],
    },
    {
      text: 'Georgia and Russia fought a war in 2008; Tbilisi still wants its land back.',
      name: 'Georgia',
      code: 'GEO',
      want: [
        ['Georgia', 0],
        ['Tbilisi', 41],
      ],
    },
    {
      text: 'Turkey blocked the vote, and Ankara later relented.',
      name: 'Turkey',
      code: 'TUR',
      want: [
        ['Turkey', 0],
        ['Ankara', 29],
      ],
    },
  ];
  for (const c of cases) {
    it(`${c.code} in "${c.text}"`, () => {
      const a = byName(run(c.text), c.name);
      assert.equal(a.kind, 'country');
      assert.equal(a.code, c.code);
      assert.equal(a.cameo, c.code);
      assert.deepEqual(mentions(a), c.want);
    });
  }

  it('a capital after a locative, in "the capital of", or modifying a noun is a place, not an actor', () => {
    const actors = run(
      'The talks in Moscow ended. Riots hit the capital of Cairo. The Paris office closed. Tehran says it will reply.',
    );
    assert.equal(
      actors.find((a) => a.code === 'RUS'),
      undefined,
    );
    assert.equal(
      actors.find((a) => a.code === 'EGY'),
      undefined,
    );
    assert.equal(
      actors.find((a) => a.code === 'FRA'),
      undefined,
    );
    assert.deepEqual(mentions(byName(actors, 'Iran')), [['Tehran', 84]]);
  });

  it('an ambiguous name counts only with another cue; names inside longer names do not count', () => {
    const actors = run(
      'Georgia voters backed the governor. Michael Jordan scored. Pro-Russian and Latin American groups met.',
    );
    assert.deepEqual(
      actors.map((a) => a.code),
      [],
    );
  });

  it('accepts an ambiguous name coordinated with another state or followed by a title', () => {
    const jordan = byName(run('The United States and Jordan signed a trade pact.'), 'Jordan');
    assert.deepEqual(mentions(jordan), [['Jordan', 22]]);
    const actors = run('Georgian President Eduard Shevardnadze resigned on Sunday.', '2003-11-23');
    assert.deepEqual(mentions(byName(actors, 'Georgia')), [['Georgian', 0]]);
    assert.equal(byName(actors, 'Eduard Shevardnadze').country, 'GEO');
  });

  it('gives organisations and state bodies their CAMEO codes and countries', () => {
    const actors = run(
      'NATO allies met as the Kremlin and the White House traded barbs; the Pentagon declined to comment.',
    );
    const nato = byName(actors, 'NATO');
    assert.equal(nato.cameo, 'IGOWSTNAT');
    assert.deepEqual(mentions(nato), [['NATO', 0]]);
    const kremlin = byName(actors, 'Kremlin');
    assert.deepEqual(
      [kremlin.code, kremlin.cameo, kremlin.country, kremlin.kind],
      ['RUSGOV', 'RUSGOV', 'RUS', 'organization'],
    );
    assert.deepEqual(mentions(kremlin), [['Kremlin', 23]]);
    assert.equal(byName(actors, 'White House').cameo, 'USAGOV');
    const pentagon = byName(actors, 'Pentagon');
    assert.deepEqual([pentagon.cameo, pentagon.country], ['USAMIL', 'USA']);
    assert.deepEqual(mentions(pentagon), [['Pentagon', 69]]);
  });

  it('reads "the West" as the West, but not inside place names', () => {
    const west = byName(run('Western allies say the West must act, not the West Bank.'), 'the West');
    assert.deepEqual([west.kind, west.code], ['group', 'WEST']);
    assert.deepEqual(mentions(west), [
      ['Western allies', 0],
      ['West', 23],
    ]);
  });

  it('resolves "the alliance" to the organisation named before it', () => {
    const nato = byName(
      run('NATO leaders gathered in Vilnius. The alliance promised more air defence.'),
      'NATO',
    );
    assert.deepEqual(mentions(nato), [
      ['NATO', 0],
      ['alliance', 38],
    ]);
  });
});

describe('actors stage: people', () => {
  it('reads title, affiliation and name, and picks the office-holder role by the article date', () => {
    const text = 'Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing.';
    const actors = run(text);
    const putin = byName(actors, 'Vladimir Putin');
    assert.deepEqual([putin.kind, putin.country, putin.cameo], ['person', 'RUS', 'RUSGOV']);
    assert.deepEqual(putin.roles, ['Russian President']);
    assert.deepEqual(mentions(putin), [['Vladimir Putin', 18]]);
    const xi = byName(actors, 'Xi Jinping');
    assert.equal(xi.country, 'CHN');
    assert.deepEqual(xi.roles, ['Chinese leader', 'President']);
    assert.deepEqual(mentions(byName(actors, 'Russia')), [['Russian', 0]]);
    assert.equal(
      actors
        .find((a) => a.code === 'CHN')
        ?.mentions.map((m) => m.text)
        .join(),
      'Chinese',
    );
  });

  it('chooses the role in force on the publication date', () => {
    const text = 'Mark Rutte spoke to reporters.';
    const as2020 = byName(run(text, '2020-05-01'), 'Mark Rutte');
    assert.deepEqual([as2020.country, as2020.roles], ['NLD', ['Prime Minister']]);
    const as2024 = byName(run(text, '2024-11-15'), 'Mark Rutte');
    assert.deepEqual(
      [as2024.country, as2024.roles, as2024.cameo],
      ['NATO', ['Secretary-General'], 'IGOWSTNAT'],
    );
  });

  it('finds people nobody listed from their titles, with the affiliation the title gives', () => {
    const text =
      'Israeli military spokeswoman Avital Leibovich said the strikes would go on. She added that Hamas fired first.';
    const actors = run(text);
    const p = byName(actors, 'Avital Leibovich');
    // "Israeli military" is the IDF: the person belongs to it, and through it to Israel.
    assert.deepEqual([p.country, p.cameo, p.roles], ['ISR', 'ISRMIL', ['Israeli military spokeswoman']]);
    assert.deepEqual(mentions(p), [
      ['Avital Leibovich', 29],
      ['She', 76],
    ]);
    assert.equal(byName(actors, 'Hamas').kind, 'group');
  });

  it('reads "NAME, a TITLE at ORG," appositions and people quoted without a title', () => {
    const text =
      'John Smith, a senior fellow at the Center for Strategic and International Studies, said the risk was real. ' +
      '“It is a gamble,” said Maria Lopez, who runs a shelter.';
    const actors = run(text);
    const smith = byName(actors, 'John Smith');
    assert.deepEqual(smith.roles, ['senior fellow at the Center for Strategic and International Studies']);
    assert.equal(smith.country, null);
    assert.deepEqual(mentions(smith), [['John Smith', 0]]);
    assert.deepEqual(mentions(byName(actors, 'Maria Lopez')), [['Maria Lopez', 130]]);
  });

  it('finds people by a given name and a surname, and genders them by the given name', () => {
    const text = 'The report was written by Robert Mueller and Sarah Connolly. She signed it in Abu Dhabi.';
    const actors = run(text, '2019-04-18');
    assert.deepEqual(mentions(byName(actors, 'Robert Mueller')), [['Robert Mueller', 26]]);
    assert.deepEqual(mentions(byName(actors, 'Sarah Connolly')), [
      ['Sarah Connolly', 45],
      ['She', 61],
    ]);
    assert.equal(actors.filter((a) => a.kind === 'person').length, 2);
  });

  it('attaches an apposition to a listed person and its organisation', () => {
    const grossi = byName(
      run('Rafael Grossi, the head of the IAEA, said inspectors were blocked.'),
      'Rafael Grossi',
    );
    assert.deepEqual([grossi.country, grossi.roles], ['IAEA', ['head of the IAEA', 'Director-General']]);
  });

  it('links Mr./Ms. + surname, the bare surname and pronouns to the person introduced before', () => {
    const text =
      'Defence Secretary John Healey visited Kyiv on Friday. Mr. Healey said Britain would keep helping. ' +
      '“We are in this for the long haul,” Healey added. He then flew to Warsaw.';
    const healey = byName(run(text, '2024-11-01'), 'John Healey');
    assert.deepEqual([healey.country, healey.cameo], ['GBR', 'GBRMIL']);
    assert.deepEqual(mentions(healey), [
      ['John Healey', 18],
      ['Mr. Healey', 54],
      ['Healey', 134],
      ['He', 148],
    ]);
    assert.deepEqual(
      healey.mentions.map((m) => m.via),
      ['name', 'surname', 'surname', 'pronoun'],
    );
  });

  it('puts the family name first for hyphenated Korean names', () => {
    const text = 'Defense Minister Shin Won-sik met his U.S. counterpart. Mr. Shin said drills would expand.';
    const shin = byName(run(text, '2024-02-01'), 'Shin Won-sik');
    assert.equal(shin.country, 'KOR');
    assert.deepEqual(mentions(shin), [
      ['Shin Won-sik', 17],
      ['his', 34],
      ['Mr. Shin', 56],
    ]);
  });

  it('resolves a sentence-initial pronoun to the subject of the sentence before, by gender', () => {
    const text =
      'Olaf Scholz rejected Ms. Meloni’s proposal on Thursday. He said Germany would not pay. ' +
      'Giorgia Meloni answered within hours. She called the refusal short-sighted.';
    const actors = run(text, '2023-06-01');
    assert.deepEqual(mentions(byName(actors, 'Olaf Scholz')), [
      ['Olaf Scholz', 0],
      ['He', 56],
    ]);
    assert.deepEqual(mentions(byName(actors, 'Giorgia Meloni')), [
      ['Ms. Meloni', 21],
      ['Giorgia Meloni', 87],
      ['She', 125],
    ]);
  });

  it('resolves "the president" and "the chancellor" to the person last named with that role', () => {
    const text =
      'French President Emmanuel Macron met Olaf Scholz on Monday. The president said Europe must rearm, ' +
      'and the chancellor agreed. The president of Finland was absent.';
    const actors = run(text);
    assert.deepEqual(mentions(byName(actors, 'Emmanuel Macron')), [
      ['Emmanuel Macron', 17],
      ['president', 64],
    ]);
    assert.deepEqual(mentions(byName(actors, 'Olaf Scholz')), [
      ['Olaf Scholz', 37],
      ['chancellor', 106],
    ]);
  });

  it('does not take "State" or a second title for a name', () => {
    const text =
      'Secretary of State Antony Blinken and former Chairman of the Joint Chiefs of Staff Adm. Mike Mullen spoke.';
    const actors = run(text, '2022-03-01');
    assert.deepEqual(mentions(byName(actors, 'Antony Blinken')), [['Antony Blinken', 19]]);
    const mullen = byName(actors, 'Mike Mullen');
    assert.deepEqual(mullen.roles, ['former Chairman of the Joint Chiefs of Staff Adm.']);
    assert.equal(actors.filter((a) => a.kind === 'person').length, 2);
  });

  it('places U.S. legislators by their party tag and keeps title words inside names', () => {
    const text =
      'Sen. Bob Corker (R-Tenn.) praised Martin Luther King Jr. in a speech. ' +
      'Deputy Foreign Minister Seyed Abbas Araghchi replied.';
    const actors = run(text, '2013-09-01');
    const corker = byName(actors, 'Bob Corker');
    assert.deepEqual([corker.country, corker.cameo, corker.roles], ['USA', 'USALEG', ['Sen.']]);
    assert.deepEqual(mentions(corker), [['Bob Corker', 5]]);
    assert.equal(
      actors.find((a) => a.name === 'Jr' || a.name === 'Jr.'),
      undefined,
    );
    const araghchi = byName(actors, 'Abbas Araghchi');
    assert.deepEqual(araghchi.roles, ['Deputy Foreign Minister']);
    assert.deepEqual(mentions(araghchi), [['Abbas Araghchi', 100]]);
  });

  it('takes its dictionaries from the factory (a tiny fixture)', () => {
    const fixture: ActorsData = {
      actors: new Map([
        [
          'FRE',
          { key: 'FRE', kind: 'country', name: 'Freedonia', cameo: 'FRE', country: 'FRE', rule: 'fixture:1' },
        ],
      ]),
      names: [
        { text: 'Freedonia', key: 'FRE', via: 'name', ambiguous: false, rule: 'fixture:2' },
        { text: 'Freedonian', key: 'FRE', via: 'demonym', ambiguous: false, rule: 'fixture:3' },
      ],
      definites: [],
      people: [
        {
          name: 'Rufus Firefly',
          aliases: ['Firefly'],
          surname: 'Firefly',
          gender: 'm',
          terms: [
            {
              country: 'FRE',
              role: 'Leader',
              sector: 'GOV',
              from: '1933-01-01',
              to: null,
              rule: 'fixture:4',
            },
          ],
          rule: 'fixture:4',
        },
      ],
      titles: [{ title: 'minister', sector: 'GOV', gender: null, rule: 'fixture:5' }],
      lexicon: {
        honorifics: new Map([['Mr.', 'm']]),
        pronouns: new Map([['he', 'm']]),
        locatives: new Set(['in']),
        particles: new Set(),
        notNames: new Set(),
        prefixes: new Set(),
        modifiers: new Set(),
        reporting: new Set(['said']),
        placeNouns: new Set(),
        governmentNouns: new Set(),
        calendar: new Set(),
      },
      givenNames: new Map(),
    };
    const actors = run(
      'Freedonian Minister Chicolini said Firefly was right. He agreed.',
      '1933-11-17',
      createActorsStage(fixture),
    );
    assert.deepEqual(
      actors.map((a) => [a.name, a.country, mentions(a)]),
      [
        ['Freedonia', 'FRE', [['Freedonian', 0]]],
        // "He" at the start of a sentence is its predecessor's subject.
        [
          'Chicolini',
          'FRE',
          [
            ['Chicolini', 20],
            ['He', 54],
          ],
        ],
        ['Rufus Firefly', 'FRE', [['Firefly', 35]]],
      ],
    );
  });
});
