/**
 * Property-based fuzzing (fast-check), seeded and reproducible, of everything that reads untrusted
 * text: the whole default pipeline (every stage) on arbitrary strings and on mutated real articles,
 * the HTML reader, the feed parser and the JSONL reader. Invariants: no exception (a reader may only
 * refuse with a SitrepError), and for documents every check of `checkDocument`
 * (scripts/corpus-check.ts): span text === doc.text.slice(start, end), offsets in range, unique ids,
 * every reference (events → actors, times, places, quantities; speakers → actors) resolves.
 *
 * SITREP_FUZZ_RUNS=N runs N cases per target (default: a CI run of a few thousand in all);
 * SITREP_FUZZ_SEED=S runs another seed; a failure prints its seed and path, and SITREP_FUZZ_PATH=P
 * (with that seed) replays just that case.
 * SITREP_FUZZ_REPORT=FILE writes cases, failures and the slowest case's time per character per target.
 * Data: the first 40 AllSides articles, read at run time from ../shared/data.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkDocument } from '../scripts/corpus-check.js';
import { isSitrepError } from '../src/core/errors.js';
import { parseFeedDocument } from '../src/feeds/parse-feed.js';
import { parseFieldOptions } from '../src/ingest/fields.js';
import { readSources } from '../src/ingest/sources.js';
import { articleFromText } from '../src/input/read-article.js';
import { toExtractJson } from '../src/output/extract-json.js';
import { defaultPipeline } from '../src/pipeline/default.js';
import { createDocument } from '../src/pipeline/pipeline.js';
import { sharedPath } from './shared-path.js';

const SEED = Number(process.env.SITREP_FUZZ_SEED ?? 20261202);
const RUNS = process.env.SITREP_FUZZ_RUNS ? Number(process.env.SITREP_FUZZ_RUNS) : null;
/** CI case counts per target: a few thousand in all, well under a minute on a quiet core. */
const CI_RUNS = { arbitrary: 600, mutated: 120, html: 200, feed: 1000, jsonl: 400 } as const;
type Target = keyof typeof CI_RUNS;
const runsOf = (t: Target) => RUNS ?? CI_RUNS[t];

interface TargetStats {
  cases: number;
  failures: number;
  slowestMsPerChar: number;
  slowestChars: number;
  slowestMs: number;
}
const stats = new Map<Target, TargetStats>();

/** Counts one case; the slowest per character is kept (cases under 100 characters are timer noise). */
function record(target: Target, chars: number, ms: number): void {
  const s = stats.get(target) ?? {
    cases: 0,
    failures: 0,
    slowestMsPerChar: 0,
    slowestChars: 0,
    slowestMs: 0,
  };
  stats.set(target, s);
  s.cases++;
  if (chars >= 100 && ms / chars > s.slowestMsPerChar) {
    Object.assign(s, { slowestMsPerChar: ms / chars, slowestChars: chars, slowestMs: ms });
  }
}

function timed<T>(target: Target, chars: number, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    record(target, chars, performance.now() - t0);
  }
}

function check<T>(target: Target, arb: fc.Arbitrary<T>, prop: (v: T) => void | Promise<void>, async = false) {
  const params = {
    seed: SEED,
    numRuns: runsOf(target),
    endOnFailure: true,
    includeErrorInReport: true,
    // Replays one failing case: the `path` a failure reports (with its seed).
    ...(process.env.SITREP_FUZZ_PATH ? { path: process.env.SITREP_FUZZ_PATH } : {}),
  };
  const onFail = () => {
    const s = stats.get(target);
    if (s) s.failures++;
  };
  if (async) {
    return fc.assert(
      fc.asyncProperty(arb, async (v) => {
        try {
          await prop(v);
        } catch (err) {
          onFail();
          throw err;
        }
      }),
      params,
    );
  }
  fc.assert(
    fc.property(arb, (v) => {
      try {
        void prop(v);
      } catch (err) {
        onFail();
        throw err;
      }
    }),
    params,
  );
}

// --- generators ---------------------------------------------------------------------------------

/** Pieces that exercise the stages: names, cues, quote marks, brackets, numbers, dates, odd Unicode. */
const PIECES = [
  'Russia',
  'Ukraine',
  'North Korea',
  'the Pentagon',
  'Vladimir Putin',
  'Mr.',
  'Dr.',
  'U.S.',
  'NATO',
  'said',
  'told reporters',
  'according to',
  'denied',
  'accused',
  'attacked',
  'met',
  'sent',
  'troops',
  'on Monday',
  'last week',
  'in 2023',
  'February 30',
  '13/13/13',
  'in Kyiv',
  'near Kharkiv',
  'Paris',
  '10,000',
  'about 3,000',
  '$5 billion',
  '1e400',
  '9'.repeat(40),
  '%',
  '50%',
  '(',
  ')',
  '[',
  ']',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '.',
  ',',
  ';',
  ':',
  '?',
  '!',
  '—',
  '-',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u202e',
  '\ud800',
  '\udc00',
  '😀',
  'e\u0301',
  'ﬁ',
  'İ',
  'ß',
  'مرحبا',
  'שלום',
  '北京',
  'A',
  'THE',
  'and',
  'of',
  'that',
  'he',
  'she',
  'they',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('a', 'A', '1', ' ', '"', '(', '.'), maxLength: 60 }),
  },
);
const arbitraryText = fc
  .tuple(fc.array(piece, { maxLength: 120, size: 'max' }), fc.constantFrom(' ', '', ' ', '\n'))
  .map(([ps, sep]) => ps.join(sep));

function realArticles(): string[] {
  const lines = readFileSync(sharedPath('data', 'allsides-intl-news', 'articles.jsonl'), 'utf8').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (out.length >= 40) break;
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { content_original?: string }).content_original;
    if (text) out.push(text.slice(0, 4000));
  }
  return out;
}
const ARTICLES = realArticles();

type Edit = { at: number; kind: 'insert' | 'delete' | 'duplicate' | 'replace'; len: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'replace'),
  len: fc.integer({ min: 1, max: 400 }),
  text: arbitraryText.map((t) => t.slice(0, 200)),
});
function applyEdits(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length ? e.at % t.length : 0;
    const end = Math.min(t.length, at + e.len);
    if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(end);
    else if (e.kind === 'duplicate') t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
    else t = t.slice(0, at) + e.text + t.slice(end);
  }
  return t;
}
const mutatedArticle = fc
  .tuple(fc.integer({ min: 0, max: ARTICLES.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }))
  .map(([i, edits]) => applyEdits(ARTICLES[i]!, edits));

/** Tag soup: real tags, nested and unclosed, attributes, entities, comments, scripts, stray brackets. */
const TAGS = [
  'html',
  'head',
  'body',
  'title',
  'meta',
  'article',
  'div',
  'p',
  'span',
  'a',
  'script',
  'style',
  'br',
  'h1',
  'time',
  'noscript',
  'svg',
  'table',
  'td',
  'li',
  'iframe',
  'template',
];
const htmlPiece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TAGS).map((t) => `<${t}>`),
  fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  fc
    .tuple(
      fc.constantFrom(...TAGS),
      fc.constantFrom('class', 'href', 'content', 'property', 'datetime', 'name'),
      fc.string({ maxLength: 20 }),
    )
    .map(([t, a, v]) => `<${t} ${a}="${v}">`),
  fc.constantFrom(
    '<meta property="article:published_time" content="2024-10-28T10:00:00Z">',
    '<!-- c -->',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '&amp;',
    '&#0;',
    '&#x110000;',
    '&nbsp;',
    '<',
    '>',
    '</',
    '<!DOCTYPE html>',
    '<?xml version="1.0"?>',
  ),
  piece,
);
const htmlDoc = fc.oneof(
  fc.array(htmlPiece, { maxLength: 150 }).map((ps) => ps.join('')),
  // Deep nesting.
  fc
    .tuple(fc.constantFrom('div', 'span', 'p', 'b'), fc.integer({ min: 1, max: 1000 }), arbitraryText)
    .map(([t, n, body]) => `<html><body>${`<${t}>`.repeat(n)}${body}${`</${t}>`.repeat(n)}</body></html>`),
);

const feedPiece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '<rss version="2.0">',
    '</rss>',
    '<channel>',
    '</channel>',
    '<item>',
    '</item>',
    '<title>',
    '</title>',
    '<link>',
    '</link>',
    '<description>',
    '</description>',
    '<pubDate>',
    '</pubDate>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '</feed>',
    '<entry>',
    '</entry>',
    '<link href="https://example.org/a"/>',
    '<updated>2024-10-28T10:00:00Z</updated>',
    '<content:encoded><![CDATA[<p>Hi</p>]]></content:encoded>',
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE x [<!ENTITY a "b">]>',
    '&a;',
    '&amp;',
    '<rdf:RDF>',
    '</rdf:RDF>',
  ),
  htmlPiece,
);
const feedDoc = fc.oneof(
  fc.array(feedPiece, { maxLength: 120 }).map((ps) => ps.join('')),
  fc.json({ maxDepth: 4 }),
  fc
    .constantFrom(
      '{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"https://e.org/1","content_text":"x"}]}',
    )
    .chain((base) => fc.array(edit, { maxLength: 4 }).map((e) => applyEdits(base, e))),
);

const jsonlLine = fc.oneof(
  fc
    .record({
      text: fc.oneof(arbitraryText, fc.integer(), fc.constant(null)),
      title: fc.option(fc.string()),
      published: fc.option(
        fc.oneof(fc.string(), fc.constantFrom('2024-10-28', '2024-02-30', '0000-00-00', 'yesterday')),
      ),
      url: fc.option(fc.webUrl()),
      source: fc.option(fc.oneof(fc.string(), fc.record({ name: fc.string() }))),
    })
    .map((r) => JSON.stringify(r)),
  fc.json({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '',
    '   ',
    '{',
    '{"text":"a\\u0000b"}',
    '[1,2]',
    'null',
    '{"body": "x"}',
    '\uFEFF{"text":"bom"}',
  ),
);
const jsonlFile = fc.array(jsonlLine, { maxLength: 12 });

// --- properties ---------------------------------------------------------------------------------

const pipeline = defaultPipeline();

function pipelineHolds(text: string, target: Target): void {
  const doc = timed(target, text.length, () =>
    pipeline.run(createDocument(text, { published: '2024-10-28' })),
  );
  const failures = checkDocument(doc);
  assert.deepEqual(failures.slice(0, 3), [], `invariants broken on ${JSON.stringify(text.slice(0, 300))}`);
  // The JSON projection serialises (a cyclic or BigInt value would throw).
  JSON.stringify(toExtractJson(doc, pipeline.version));
}

/** A reader may refuse with a SitrepError; anything else thrown is a crash. */
function refusalOnly(err: unknown): void {
  if (!isSitrepError(err)) throw err;
  assert.ok(err.message.length > 0);
}

describe('fuzz', () => {
  after(() => {
    const report = Object.fromEntries([...stats].map(([k, v]) => [k, v]));
    if (process.env.SITREP_FUZZ_REPORT)
      writeFileSync(process.env.SITREP_FUZZ_REPORT, `${JSON.stringify({ seed: SEED, report }, null, 2)}\n`);
  });

  it('pipeline: arbitrary strings keep every invariant', () => {
    check('arbitrary', arbitraryText, (text) => pipelineHolds(text, 'arbitrary'));
  });

  it('pipeline: mutated real articles keep every invariant', () => {
    check('mutated', mutatedArticle, (text) => pipelineHolds(text, 'mutated'));
  });

  it('HTML reader: tag soup and deep nesting give text or a coded refusal', () => {
    check('html', htmlDoc, (html) => {
      try {
        const a = timed('html', html.length, () => articleFromText('page.html', html, 'html'));
        assert.equal(typeof a.text, 'string');
        assert.ok(!a.text.includes('<script'), 'no script text in the article');
        if (a.meta.published) assert.match(a.meta.published, /^\d{4}-\d{2}-\d{2}$/);
      } catch (err) {
        refusalOnly(err);
      }
    });
  });

  it('feed parser: arbitrary XML and JSON give entries or a coded refusal', () => {
    check('feed', feedDoc, (text) => {
      try {
        const feed = timed('feed', text.length, () => parseFeedDocument('https://example.org/feed', text));
        for (const e of feed.entries) {
          for (const v of [e.link, e.title, e.published, e.body])
            assert.ok(v === null || typeof v === 'string');
          if (e.published) assert.match(e.published, /^\d{4}-\d{2}-\d{2}$/);
        }
      } catch (err) {
        refusalOnly(err);
      }
    });
  });

  it('JSONL reader: one item per non-blank line, an article with text or a coded refusal', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sitrep-fuzz-jsonl-'));
    const fields = parseFieldOptions([]);
    assert.ok(typeof fields !== 'string');
    const file = path.join(dir, 'in.jsonl');
    try {
      await check(
        'jsonl',
        jsonlFile,
        async (lines) => {
          // A line of the file is what the generator made, split where it holds newlines.
          const content = lines.join('\n');
          await writeFile(file, content);
          const expected = content
            .split(/\r\n|\n|\r/)
            .map((l, i) => [l, i + 1] as const)
            .filter(([l]) => l.trim() !== '');
          const items = [];
          const t0 = performance.now();
          for await (const item of readSources([file], { format: 'jsonl', fields })) items.push(item);
          record('jsonl', content.length, performance.now() - t0);
          assert.equal(items.length, expected.length, JSON.stringify(content));
          items.forEach((item, i) => {
            assert.equal(item.ok ? item.article.key : item.key, `${file}:${expected[i]![1]}`);
            if (item.ok) {
              assert.equal(typeof item.article.text, 'string');
              assert.ok(item.article.text.trim() !== '');
            } else refusalOnly(item.error);
          });
        },
        true,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
