/**
 * The events CSV as an analyst loads it (issue 15): read back by Python's csv module (what pandas
 * and most scripts sit on), with the documented columns (docs/EXPORTS.md) in order, certainty,
 * polarity, the attribution speaker, CAMEO actor codes, Goldstein and QuadClass from
 * data/events/goldstein.tsv, fatalities, date precision, lat and lon.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runMerge } from '../src/merge/run-merge.js';
import { openStore } from '../src/store/open-store.js';
import { toDocumentRows } from '../src/store/rows.js';
import { STORY_CSV_COLUMNS } from '../src/store/story-json.js';
import { repoRoot } from './shared-path.js';
import { type ActorSpec, fixtureDoc, KREMLIN, PENTAGON, RUS, UKR } from './store-fixtures.js';

const bin = path.join(repoRoot, 'bin', 'sitrep.js');
const db = mkdtempSync(path.join(tmpdir(), 'sitrep-csv-'));
const PUTIN: ActorSpec = {
  name: 'Vladimir Putin',
  code: null,
  cameo: 'RUSGOV',
  country: 'RUS',
  kind: 'person',
};

/** Rows as Python's csv.DictReader reads the file, keyed by header. */
function pythonCsv(file: string, delimiter = ','): Record<string, string>[] {
  const script =
    'import csv, json, sys\nprint(json.dumps(list(csv.DictReader(open(sys.argv[1], newline=""), delimiter=sys.argv[2]))))';
  const r = spawnSync('python3', ['-c', script, file, delimiter], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, string>[];
}

describe('events CSV (read back by Python csv)', () => {
  before(async () => {
    const store = await openStore(db);
    const text =
      'Russian forces killed at least 12 civilians in Kyiv on Monday, the Pentagon said. Vladimir Putin said, "We could talk."';
    const doc = fixtureDoc({
      text,
      published: '2024-10-29',
      outlet: 'Alpha',
      events: [
        {
          cameo: '190',
          plover: 'ASSAULT',
          source: RUS,
          target: UKR,
          speaker: PENTAGON,
          evidence: 'Russian forces killed at least 12 civilians in Kyiv on Monday, the Pentagon said.',
          quantity: {
            text: 'at least 12 civilians',
            value: 12,
            unit: 'civilians',
            approximate: false,
            qualifier: 'at least',
          },
          time: { text: 'on Monday', from: '2024-10-28', to: '2024-10-28' },
          place: { text: 'Kyiv', name: 'Kyiv', country: 'UKR', admin1: 'Kyiv City', lat: 50.45, lon: 30.52 },
        },
        {
          cameo: '036',
          plover: 'CONSULT',
          source: PUTIN,
          target: null,
          speaker: KREMLIN,
          evidence: 'Vladimir Putin said, "We could talk."',
          certainty: 'possible',
        },
      ],
    });
    await store.putDocuments([
      toDocumentRows(doc, { input: 'a.txt', pipeline: 'p@1', ingestedAt: '2024-10-29T00:00:00Z' }),
    ]);
    await runMerge(store);
    await store.close();
  });

  it('has the documented columns, in order, and the values an analyst looks for', () => {
    const out = path.join(db, 'events.csv');
    const r = spawnSync(process.execPath, [bin, 'export', '--db', db, '--format', 'csv', '--out', out], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const header = readFileSync(out, 'utf8').split('\n')[0]!.split(',');
    assert.deepEqual(header, [...STORY_CSV_COLUMNS]);
    const docs = readFileSync(path.join(repoRoot, 'docs', 'EXPORTS.md'), 'utf8');
    for (const c of STORY_CSV_COLUMNS)
      assert.match(docs, new RegExp(`\\| \`${c}\` \\|`), `docs/EXPORTS.md documents ${c}`);
    const rows = pythonCsv(out);
    assert.equal(rows.length, 2);
    const fight = rows.find((x) => x.cameo === '190')!;
    assert.equal(fight.goldstein, '-10');
    assert.equal(fight.quad_class, '4');
    assert.equal(fight.fatalities, '12');
    assert.equal(fight.date_precision, 'day');
    assert.equal(fight.date_from, '2024-10-28');
    assert.equal(fight.certainty, 'asserted');
    assert.equal(fight.attribution_speaker, 'Pentagon');
    assert.equal(fight.source_code, 'RUS');
    assert.equal(fight.lat, '50.45');
    assert.equal(fight.lon, '30.52');
    assert.equal(fight.place_name, 'Kyiv');
    const talk = rows.find((x) => x.cameo === '036')!;
    assert.equal(talk.certainty, 'possible');
    assert.equal(talk.source_code, 'RUSGOV', "a person's CAMEO actor code");
    assert.equal(talk.goldstein, '4');
    assert.equal(talk.quad_class, '1');
    assert.equal(talk.fatalities, '');
    assert.equal(talk.date_precision, 'publication');
    assert.equal(talk.evidence, 'Vladimir Putin said, "We could talk."');
  });

  it('GDELT 2.0 event TSV: its 61 columns in its order, read back as tab-separated', () => {
    const out = path.join(db, 'events.tsv');
    const r = spawnSync(process.execPath, [bin, 'export', '--db', db, '--format', 'gdelt', '--out', out], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const rows = pythonCsv(out, '\t');
    assert.equal(rows.length, 2);
    const cols = Object.keys(rows[0]!);
    assert.equal(cols.length, 61);
    assert.deepEqual(cols.slice(0, 6), [
      'GLOBALEVENTID',
      'SQLDATE',
      'MonthYear',
      'Year',
      'FractionDate',
      'Actor1Code',
    ]);
    assert.deepEqual(cols.slice(25, 35), [
      'IsRootEvent',
      'EventCode',
      'EventBaseCode',
      'EventRootCode',
      'QuadClass',
      'GoldsteinScale',
      'NumMentions',
      'NumSources',
      'NumArticles',
      'AvgTone',
    ]);
    assert.deepEqual(cols.slice(-2), ['DATEADDED', 'SOURCEURL']);
    const fight = rows.find((x) => x.EventCode === '190')!;
    assert.equal(fight.SQLDATE, '20241028');
    assert.equal(fight.Actor1Code, 'RUS');
    assert.equal(fight.Actor2Code, 'UKR');
    assert.equal(fight.EventRootCode, '19');
    assert.equal(fight.QuadClass, '4');
    assert.equal(fight.GoldsteinScale, '-10.0');
    assert.equal(fight.ActionGeo_FullName, 'Kyiv');
    assert.equal(fight.ActionGeo_Lat, '50.45');
  });
});
