import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSpans } from '../../core/span.js';
import type { Actor, ActorKind, ActorMention, Attribution, Quote, SitrepDocument } from '../../core/types.js';
import { createDocument } from '../../pipeline/pipeline.js';
import { tokenize } from '../tokens/index.js';
import { createQuotesStage } from './index.js';
import { findQuotedPieces } from './quote-marks.js';

const stage = createQuotesStage();

/**
 * A hand-made actors layer: each actor is named by the literal strings that mention it (every
 * occurrence becomes a mention), standing in for the actors stage so these tests do not depend on it.
 * A string prefixed with `@` marks only its n-th occurrence: `@He#2` is the second "He".
 */
function actorsFor(text: string, spec: Record<string, [ActorKind, ...string[]]>): Actor[] {
  return Object.entries(spec).map(([id, [kind, ...names]]) => {
    const mentions: ActorMention[] = [];
    for (const raw of names) {
      const pinned = raw.match(/^@(.+)#(\d+)$/);
      const name = pinned ? pinned[1]! : raw;
      let at = text.indexOf(name);
      let n = 1;
      while (at >= 0) {
        if (!pinned || n === Number(pinned[2])) {
          mentions.push({ start: at, end: at + name.length, text: name, via: 'name', rule: 'fixture' });
        }
        at = text.indexOf(name, at + 1);
        n++;
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return {
      id,
      name: id,
      kind,
      code: null,
      cameo: null,
      country: null,
      roles: [],
      aliases: [],
      mentions,
      by: 'fixture@0',
      rule: 'fixture',
    };
  });
}

function run(
  text: string,
  spec: Record<string, [ActorKind, ...string[]]> = {},
): { quotes: readonly Quote[]; attributions: readonly Attribution[] } {
  const base = createDocument(text, { published: '2024-10-28' });
  const doc: SitrepDocument<'sentences' | 'tokens' | 'actors'> = {
    ...base,
    layers: { ...tokenize(text), actors: actorsFor(text, spec) },
  };
  const out = stage.run(doc, { debug: false });
  assertSpans(text, out.quotes);
  for (const a of out.attributions) assertSpans(text, [a.cue, a.content, ...(a.source ? [a.source] : [])]);
  return out;
}

/** Asserts a span's text and that its offsets are where that text first occurs (at or after `from`). */
function at(
  text: string,
  span: { start: number; end: number; text: string } | null | undefined,
  want: string,
  from = 0,
) {
  assert.ok(span, `expected a span '${want}'`);
  assert.equal(span.text, want);
  assert.equal(span.start, text.indexOf(want, from));
  assert.equal(span.end, span.start + want.length);
}

describe('quotes stage: direct quotes and their speakers', () => {
  it('speaker after the quote, then a following quote of the same speaker', () => {
    const text =
      '“If we see troops moving in, they are co-belligerents in the war,” Ms. Singh said, using the acronym. “This is a calculation that they have to make.”';
    const { quotes } = run(text, { SINGH: ['person', 'Ms. Singh'] });
    assert.equal(quotes.length, 2);
    at(text, quotes[0], 'If we see troops moving in, they are co-belligerents in the war');
    assert.equal(quotes[0]!.speaker, 'SINGH');
    at(text, quotes[1], 'This is a calculation that they have to make.');
    assert.equal(quotes[1]!.speaker, 'SINGH');
    assert.equal(quotes[1]!.rule, 'continues');
  });

  it('speaker before the quote, with a colon', () => {
    const text = 'The minister told reporters: “We will not give up a single village.”';
    const { quotes, attributions } = run(text, { MIN: ['person', 'The minister'] });
    at(text, quotes[0], 'We will not give up a single village.');
    assert.equal(quotes[0]!.speaker, 'MIN');
    at(text, attributions[0]!.cue, 'told reporters');
  });

  it('a quote split around "he said", with a pronoun resolved by the actors layer', () => {
    const text = 'Mr. Kim arrived late. “We are ready,” he said, “and we will not wait.”';
    const { quotes } = run(text, { KIM: ['person', 'Mr. Kim', '@he#1'] });
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speaker]),
      [
        ['We are ready', 'KIM'],
        ['and we will not wait.', 'KIM'],
      ],
    );
    at(text, quotes[1], 'and we will not wait.');
  });

  it('"he added" falls back to the last person who spoke when no actor mention covers "he"', () => {
    const text = 'Mr. Lavrov said the talks had failed. “The door is still open for them,” he added.';
    const { quotes, attributions } = run(text, { LAVROV: ['person', 'Mr. Lavrov'] });
    assert.equal(quotes[0]!.speaker, 'LAVROV');
    const added = attributions.find((a) => a.verb === 'add')!;
    at(text, added.source, 'he', text.indexOf('he added'));
    assert.equal(added.speaker, 'LAVROV');
  });

  it('inverted: “…,” said X', () => {
    const text = '“We have lost contact with the convoy,” said Maria Lopez, a spokeswoman for the agency.';
    const { quotes, attributions } = run(text, { LOPEZ: ['person', 'Maria Lopez'] });
    assert.equal(quotes[0]!.speaker, 'LOPEZ');
    at(text, attributions[0]!.source, 'Maria Lopez');
  });

  it('partial quotes inside reported speech belong to the reported speaker', () => {
    const text =
      'Mr. Rutte told reporters in Brussels that the deployment represents “a significant escalation” in the conflict and “a dangerous expansion of Russia’s war.”';
    const { quotes, attributions } = run(text, { RUTTE: ['person', 'Mr. Rutte'] });
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speaker]),
      [
        ['a significant escalation', 'RUTTE'],
        ['a dangerous expansion of Russia’s war.', 'RUTTE'],
      ],
    );
    at(text, attributions[0]!.cue, 'told reporters');
    assert.ok(attributions[0]!.content.text.startsWith('the deployment represents'));
  });

  it('one quote across a sentence break: called the deployment “dangerous. Very dangerous.”', () => {
    const text = 'U.S. President Joe Biden also called the deployment “dangerous. Very dangerous.”';
    const { quotes, attributions } = run(text, { BIDEN: ['person', 'Joe Biden'] });
    assert.equal(quotes.length, 1);
    at(text, quotes[0], 'dangerous. Very dangerous.');
    assert.equal(quotes[0]!.speaker, 'BIDEN');
    assert.equal(attributions[0]!.verb, 'call');
  });

  it('a partial quote in a clause reported after it: …within “the next several weeks,” the Pentagon said', () => {
    const text = 'Troops will fight within “the next several weeks,” the U.S. Pentagon said Monday.';
    const { quotes, attributions } = run(text, {
      PENT: ['organization', 'Pentagon'],
      USA: ['country', 'U.S.'],
    });
    at(text, quotes[0], 'the next several weeks');
    assert.equal(quotes[0]!.speaker, 'PENT');
    at(text, attributions[0]!.content, 'Troops will fight within “the next several weeks,”');
  });

  it('straight ASCII quotation marks', () => {
    const text = '"The situation is very serious," the governor said.';
    const { quotes } = run(text, { GOV: ['person', 'the governor'] });
    at(text, quotes[0], 'The situation is very serious');
    assert.equal(quotes[0]!.speaker, 'GOV');
  });

  it('a quotation running over paragraphs (no closing mark at the paragraph end) keeps its speaker', () => {
    const text =
      'Ms. Okafor said: “The water ran out on the third day. Nobody came to help us.\n\n“We buried our neighbours ourselves and then we walked for a week.”\n\nThe ministry did not comment.';
    const { quotes } = run(text, { OKAFOR: ['person', 'Ms. Okafor'] });
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speaker]),
      [
        ['The water ran out on the third day. Nobody came to help us.', 'OKAFOR'],
        ['We buried our neighbours ourselves and then we walked for a week.', 'OKAFOR'],
      ],
    );
    at(text, quotes[1], 'We buried our neighbours ourselves and then we walked for a week.');
  });

  it('a speaker named after a run-on quotation is the speaker of every piece', () => {
    const pieces = findQuotedPieces('“First part.\n\n“Second part,” she said.');
    assert.equal(pieces.length, 2);
    assert.equal(pieces[0]!.chain, pieces[1]!.chain);
    assert.equal(pieces[0]!.close, null);
  });
});

describe('quotes stage: not quotes', () => {
  const negatives = [
    'Moscow rejected the so-called “peace plan” on Tuesday.',
    'The offensive, known as “Operation Z”, began in February.',
    'The army launched “Operation Northern Shield” last year.',
    'She starred in the film “The Long Night” before entering politics.',
    'His memoir, “A Promised Land”, sold a million copies.',
    'The “ceasefire” lasted less than a day.',
    'Critics call it a “reform” in name only.',
    'The app, dubbed “Safe Home”, was withdrawn.',
  ];
  for (const text of negatives) {
    it(text, () => {
      assert.deepEqual(run(text).quotes, []);
    });
  }

  it('no attributions in plain narrative, passives or infinitives', () => {
    for (const text of [
      'North Korea has sent about 10,000 troops to Russia.',
      'Some soldiers were believed to be heading for the border.',
      'The two sides agreed to meet again in May.',
      'The report was published on Monday.',
    ]) {
      assert.deepEqual(run(text).attributions, [], text);
    }
  });
});

describe('quotes stage: attributions', () => {
  it('C, X said Monday: the content is the clause before the source', () => {
    const text = 'Some soldiers have already moved closer to the front, the Pentagon said Monday.';
    const { attributions } = run(text, { PENT: ['organization', 'Pentagon'] });
    const a = attributions[0]!;
    at(text, a.source, 'the Pentagon');
    at(text, a.cue, 'said');
    at(text, a.content, 'Some soldiers have already moved closer to the front');
    assert.equal(a.speaker, 'PENT');
    assert.equal(a.verb, 'say');
    assert.match(a.rule, /^reporting-cues\.tsv:\d+ post-posed$/);
    assert.equal(a.by, 'quotes@2');
  });

  it('a parenthetical source: C, spokeswoman X said, and …', () => {
    const text =
      'Some units have moved closer to Ukraine, Pentagon spokeswoman Sabrina Singh said, and were heading for Kursk.';
    const { attributions } = run(text, {
      SINGH: ['person', 'Sabrina Singh'],
      PENT: ['organization', 'Pentagon'],
    });
    const a = attributions[0]!;
    at(text, a.source, 'Pentagon spokeswoman Sabrina Singh');
    assert.equal(a.speaker, 'SINGH');
    at(text, a.content, 'Some units have moved closer to Ukraine');
  });

  it('X said C without "that"', () => {
    const text = 'Ms. Singh said Mr. Austin and his counterpart will discuss the deployment.';
    const { attributions } = run(text, { SINGH: ['person', 'Ms. Singh'], AUSTIN: ['person', 'Mr. Austin'] });
    assert.equal(attributions.length, 1);
    assert.equal(attributions[0]!.speaker, 'SINGH');
    at(text, attributions[0]!.content, 'Mr. Austin and his counterpart will discuss the deployment');
  });

  it('a nominal adjective heads the source: "the military said", "Ukraine\'s military said"', () => {
    const text = "The military said it shot down 20 drones. Ukraine's military said it lost two tanks.";
    const { attributions } = run(text, { UKR: ['country', 'Ukraine'] });
    assert.equal(attributions.length, 2);
    at(text, attributions[0]!.source!, 'The military');
    at(text, attributions[0]!.content, 'it shot down 20 drones');
    assert.equal(attributions[0]!.speaker, null);
    at(text, attributions[1]!.source!, "Ukraine's military");
    assert.equal(attributions[1]!.speaker, 'UKR', 'a state speaks through its possessed body');
  });

  it('a possessive person is not the speaker, a possessive state is only when nothing else is', () => {
    const text =
      "Putin's spokesman said the talks failed. South Korea's spy agency said troops arrived. " +
      "Russia's Mr. Lavrov said no deal was near.";
    const { attributions } = run(text, {
      PUTIN: ['person', 'Putin'],
      KOR: ['country', 'South Korea'],
      RUS: ['country', 'Russia'],
      LAVROV: ['person', 'Mr. Lavrov'],
    });
    assert.deepEqual(
      attributions.map((a) => a.speaker),
      [null, 'KOR', 'LAVROV'],
    );
  });

  it('X claimed that C: believed', () => {
    const text = 'Mr. Lavrov claimed that Western instructors had been deployed to Ukraine.';
    const a = run(text, { LAVROV: ['person', 'Mr. Lavrov'] }).attributions[0]!;
    at(text, a.content, 'Western instructors had been deployed to Ukraine');
    assert.equal(a.verb, 'claim');
    assert.equal(a.certainty, 'believed');
  });

  it('according to X, at the end and at the start of a sentence', () => {
    const text =
      'Iran has supplied drones, according to Western governments. According to the UN, 40 people died.';
    const [end, start] = run(text).attributions;
    at(text, end!.cue, 'according to');
    at(text, end!.source, 'Western governments');
    at(text, end!.content, 'Iran has supplied drones');
    at(text, start!.cue, 'According to');
    at(text, start!.source, 'the UN');
    at(text, start!.content, '40 people died');
  });

  it('C, Western officials say', () => {
    const text = 'It will also stoke tensions in the region, Western officials say.';
    const a = run(text).attributions[0]!;
    at(text, a.source, 'Western officials');
    at(text, a.cue, 'say');
    at(text, a.content, 'It will also stoke tensions in the region');
    assert.equal(a.speaker, null);
  });

  it('nested: X confirmed intelligence reports that C', () => {
    const text = 'Mark Rutte confirmed recent Ukrainian intelligence reports that some units were in Kursk.';
    const [outer, inner] = run(text, { RUTTE: ['person', 'Mark Rutte'] }).attributions;
    at(text, outer!.cue, 'confirmed');
    at(text, outer!.content, 'recent Ukrainian intelligence reports that some units were in Kursk');
    at(text, inner!.source, 'Ukrainian intelligence');
    at(text, inner!.cue, 'reports');
    at(text, inner!.content, 'some units were in Kursk');
    assert.equal(inner!.outer, outer!.id);
    assert.equal(outer!.outer, null);
  });

  it('nested: C, the statement said, the agency reported', () => {
    const text = 'The strike hit a depot, the statement said, the state news agency reported.';
    const [inner, outer] = run(text).attributions;
    at(text, inner!.source, 'the statement');
    at(text, inner!.content, 'The strike hit a depot');
    at(text, outer!.source, 'the state news agency');
    at(text, outer!.content, 'The strike hit a depot, the statement said');
    assert.equal(inner!.outer, outer!.id);
  });

  it('coordinated cues share the source: shrugged off C1 and noted that C2', () => {
    const text =
      'Foreign Minister Sergey Lavrov shrugged off the comments and noted that the two countries signed a pact.';
    const [off, noted] = run(text, { LAVROV: ['person', 'Sergey Lavrov'] }).attributions;
    at(text, off!.cue, 'shrugged off');
    at(text, off!.content, 'the comments');
    assert.equal(off!.polarity, 'negative');
    at(text, noted!.source, 'Foreign Minister Sergey Lavrov');
    assert.equal(noted!.speaker, 'LAVROV');
    at(text, noted!.content, 'the two countries signed a pact');
  });

  it('polarity of the cue: denied → negative, stopped short of confirming → unconfirmed', () => {
    const text =
      'He stopped short of confirming the soldiers were in Russia. Moscow denied that it had sent troops.';
    const [stopped, denied] = run(text, { RUS: ['country', 'Moscow'] }).attributions;
    at(text, stopped!.cue, 'stopped short of confirming');
    at(text, stopped!.content, 'the soldiers were in Russia');
    assert.equal(stopped!.polarity, 'unconfirmed');
    at(text, denied!.content, 'it had sent troops');
    assert.equal(denied!.polarity, 'negative');
    assert.equal(denied!.speaker, 'RUS');
  });

  it('an appositive between the source and the verb', () => {
    const text = 'Mark Rutte, NATO’s secretary general, said the alliance would respond.';
    const a = run(text, { RUTTE: ['person', 'Mark Rutte'], NATO: ['organization', 'NATO'] }).attributions[0]!;
    at(text, a.source, 'Mark Rutte, NATO’s secretary general');
    assert.equal(a.speaker, 'RUTTE');
    at(text, a.content, 'the alliance would respond');
  });
});

describe('quotes stage: more source shapes', () => {
  it('a dash appositive and a relative clause between source and verb', () => {
    const text =
      'Lord Bingham - a senior law lord - said the rules were unlawful. Gareth Pierce, who represents eight of the men, claimed the detention was cruel.';
    const [dash, rel] = run(text, {
      BINGHAM: ['person', 'Lord Bingham'],
      PIERCE: ['person', 'Gareth Pierce'],
    }).attributions;
    at(text, dash!.source, 'Lord Bingham - a senior law lord');
    assert.equal(dash!.speaker, 'BINGHAM');
    at(text, dash!.content, 'the rules were unlawful');
    at(text, rel!.source, 'Gareth Pierce');
    assert.equal(rel!.speaker, 'PIERCE');
    at(text, rel!.content, 'the detention was cruel');
  });

  it('an appositive over several commas; a name set off after a common noun; an inverted source with "to"', () => {
    const text =
      'Joe Johnson, a salesman from Sumter, South Carolina, says Cruz will win. One of the authors of the report, Ari Fleischer, said Trump will test it. “It is bad,” said a longtime adviser to Trump.';
    const [johnson, fleischer, adviser] = run(text).attributions;
    at(text, johnson!.source, 'Joe Johnson, a salesman from Sumter, South Carolina');
    at(text, johnson!.content, 'Cruz will win');
    at(text, fleischer!.source, 'Ari Fleischer');
    at(text, adviser!.source, 'a longtime adviser to Trump');
    at(text, adviser!.content, 'It is bad');
  });

  it('", adding that" after a quotation shares the speaker; a quotation never takes a speaker across a paragraph', () => {
    const text =
      '“We must win,” Cruz said. “One strong conservative can win,” adding that rivals attack him.\n\n“This is the end.”\n\nSenator Lee said the race was open.';
    const { quotes, attributions } = run(text, { CRUZ: ['person', 'Cruz'], LEE: ['person', 'Senator Lee'] });
    const adding = attributions.find((a) => a.verb === 'add')!;
    assert.equal(adding.speaker, 'CRUZ');
    at(text, adding.content, 'rivals attack him');
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speaker]),
      [
        ['We must win', 'CRUZ'],
        ['One strong conservative can win', 'CRUZ'],
        ['This is the end.', 'CRUZ'],
      ],
    );
  });

  it('a passive with its agent: C was first reported by X', () => {
    const text = 'The meeting was first reported by Politico.';
    const a = run(text).attributions[0]!;
    at(text, a.source, 'Politico');
    at(text, a.cue, 'was first reported by');
    at(text, a.content, 'The meeting');
  });

  it("a quotation inside the article's own sentence does not continue the previous speaker", () => {
    const text =
      '“We will appeal,” Mr Clarke said. The judges ruled the law worked “in a way that discriminates on the ground of nationality”.';
    const { quotes } = run(text, { CLARKE: ['person', 'Mr Clarke'] });
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speaker]),
      [
        ['We will appeal', 'CLARKE'],
        ['in a way that discriminates on the ground of nationality', null],
      ],
    );
  });
});

describe('quotes stage: archives and brackets', () => {
  it("two apostrophes ('') as quotation marks, a bracketed note after the name, a parenthetical cue", () => {
    const text =
      "''It would be a very big story,'' Rep. Earl Blumenauer (D-Ore.) said. At one point, she said, she was considering a run.";
    const { quotes, attributions } = run(text, { EB: ['person', 'Earl Blumenauer'] });
    at(text, quotes[0], 'It would be a very big story');
    assert.equal(quotes[0]!.speaker, 'EB');
    at(text, attributions[0]!.source, 'Rep. Earl Blumenauer (D-Ore.)');
    at(text, attributions[1]!.content, 'she was considering a run', text.indexOf('said,'));
  });
});

describe('findQuotedPieces', () => {
  it('pairs curly, straight and single curly marks, and tells a closing ’ from an apostrophe', () => {
    const text = 'He said “yes.” She said "no." The soldiers’ families said ‘we won’t wait’.';
    const got = findQuotedPieces(text).map((p) => text.slice(p.start, p.end));
    assert.deepEqual(got, ['yes.', 'no.', 'we won’t wait']);
  });

  it('an unclosed quotation runs to the end of its paragraph; a paragraph without a mark ends the run', () => {
    const text = '“One.\n\nNo quote here.\n\n“Two.”';
    const pieces = findQuotedPieces(text);
    assert.equal(pieces.length, 2);
    assert.equal(pieces[0]!.close, null);
    assert.notEqual(pieces[0]!.chain, pieces[1]!.chain);
    assert.equal(text.slice(pieces[0]!.start, pieces[0]!.end), 'One.');
  });

  it('finds nothing in text without quotation marks or with apostrophes only', () => {
    assert.deepEqual(findQuotedPieces('Russia’s army and the soldiers’ kit, it’s said.'), []);
    assert.deepEqual(findQuotedPieces(''), []);
  });
});

describe('quotes stage: degenerate input', () => {
  it('never reports an attribution with empty content ("rejected that, but ...")', () => {
    const { attributions } = run('Europe rejected that, but said it would consider easing the terms.');
    for (const a of attributions) assert.ok(a.content.end > a.content.start, JSON.stringify(a));
    assert.ok(attributions.some((a) => a.content.text.includes('easing the terms')));
  });

  it('stays linear on many blank lines and on long paragraphs without marks', () => {
    // Quadratic scanning would need billions of steps here; linear work is a few milliseconds.
    const blank = '\n'.repeat(200_000);
    const plain = 'The talks went on.\n'.repeat(20_000);
    const t0 = process.cpuUsage();
    assert.deepEqual(findQuotedPieces(blank), []);
    assert.deepEqual(findQuotedPieces(`${plain}“Late.”`).length, 1);
    const used = process.cpuUsage(t0);
    assert.ok(used.user + used.system < 2_000_000, `took ${used.user + used.system} µs of CPU`);
  });
});
