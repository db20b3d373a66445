#!/usr/bin/env node
/**
 * Robustness check of the whole extraction pipeline on real articles and on hostile synthetic inputs.
 *
 *   npm run build && node --import tsx scripts/corpus-check.ts [--limit N] [--every K] [--corpus NAME]
 *       [--failures N] [--scale S] [--no-hostile] [--json FILE]
 *
 * It runs the built pipeline (dist/, as scripts/bench.js does) over every article of the shared
 * corpora (allsides-intl-news, ukraine-war-gdelt-2022-24, fakes-syria, bbc-news) and over hostile inputs
 * (1 MB of one word, 100k nested quotes, lone surrogates, ...), and checks per document the invariants
 * of the document model (src/core/types.ts): no exception, every span equal to the text at its offsets,
 * unique ids, references that resolve, valid ISO intervals, coordinates in range, finite quantities,
 * and CPU time per document. Documents run in a child process under a watchdog, so a hang or a crash
 * is reported against the document that caused it and the run goes on with the next one.
 *
 * The checks and the inputs are exported for test/corpus-invariants.test.ts, which runs them on a
 * sample through src/. This file imports only core types and node built-ins (never a stage).
 */
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LayerName, SitrepDocument, Span } from '../src/core/types.js';

// ---------------------------------------------------------------------------------------------------
// Invariants

/** One broken invariant: which check, which stage made the item (its `by`), and the item itself. */
export interface Failure {
  readonly check: string;
  readonly by: string | null;
  readonly item: string;
  readonly detail: string;
}

type AnyDoc = SitrepDocument<LayerName>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: the latter maps years 0-99 to 1900-1999.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A short, JSON-ish rendering of an offending item for the report. */
export function brief(item: unknown, max = 240): string {
  let s: string;
  try {
    s = JSON.stringify(item, (key, v) => (key === 'mentions' && Array.isArray(v) ? `[${v.length}]` : v));
  } catch {
    s = String(item);
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * Every invariant of one extracted document. Returns the failures (empty when all hold). Pure: the
 * document is only read.
 */
export function checkDocument(doc: AnyDoc): Failure[] {
  const out: Failure[] = [];
  const text = doc.text;
  const L = doc.layers;
  const fail = (check: string, by: string | null, item: unknown, detail: string) =>
    out.push({ check, by, item: brief(item), detail });

  const span = (what: string, by: string | null, owner: unknown, s: Span | null | undefined) => {
    if (s == null || typeof s !== 'object') return fail('span-missing', by, owner, `${what} is ${s}`);
    const { start, end } = s;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end)
      return fail('span-range', by, owner, `${what} [${start}, ${end}) outside [0, ${text.length}]`);
    if (s.text !== text.slice(start, end))
      return fail(
        'span-text',
        by,
        owner,
        `${what} text ${JSON.stringify(s.text)} ≠ slice ${JSON.stringify(text.slice(start, end))}`,
      );
    if (start === end) fail('span-empty', by, owner, `${what} is empty at ${start}`);
    // A boundary between the two halves of a surrogate pair cuts a character in two.
    for (const at of [start, end])
      if (at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at)))
        fail('span-splits-pair', by, owner, `${what} boundary ${at} splits a surrogate pair`);
  };
  const provenance = (kind: string, item: { by?: unknown; rule?: unknown }) => {
    if (typeof item.by !== 'string' || !/^[a-z-]+@\d+/.test(item.by))
      fail('provenance', null, item, `${kind} has by=${JSON.stringify(item.by)}`);
    if (typeof item.rule !== 'string' || item.rule === '')
      fail('provenance', (item.by as string) ?? null, item, `${kind} has rule=${JSON.stringify(item.rule)}`);
  };

  const required: LayerName[] = [
    'sentences',
    'tokens',
    'actors',
    'times',
    'places',
    'quantities',
    'quotes',
    'attributions',
    'events',
  ];
  for (const name of required)
    if (!Array.isArray(L[name])) fail('layer-missing', null, name, `layer ${name} is not an array`);
  if (out.length) return out;

  // Ids: unique across all layers of the document, so a reference names one thing.
  const ids = new Map<string, string>();
  const idsOf: Record<string, Set<string>> = {};
  const register = (layer: string, item: { id?: unknown; by?: string }) => {
    idsOf[layer] ??= new Set();
    if (typeof item.id !== 'string' || item.id === '')
      return fail('id-missing', item.by ?? null, item, `${layer} item without id`);
    const seen = ids.get(item.id);
    if (seen) fail('id-duplicate', item.by ?? null, item, `id ${item.id} already used in ${seen}`);
    else ids.set(item.id, layer);
    idsOf[layer]!.add(item.id);
  };
  for (const layer of [
    'actors',
    'times',
    'places',
    'quantities',
    'quotes',
    'attributions',
    'events',
  ] as const)
    for (const item of L[layer]!) register(layer, item);
  const ref = (layer: string, by: string, owner: unknown, field: string, id: string | null | undefined) => {
    if (id === null) return;
    if (typeof id !== 'string' || !idsOf[layer]!.has(id))
      fail('ref-dangling', by, owner, `${field}=${JSON.stringify(id)} is no ${layer} id`);
  };

  for (const s of L.sentences!) span('sentence', 'tokens', s, s);
  for (const t of L.tokens!) span('token', 'tokens', t, t);

  for (const a of L.actors!) {
    provenance('actor', a);
    if (!Array.isArray(a.mentions)) {
      fail('span-missing', a.by, a, 'actor without mentions array');
      continue;
    }
    if (a.mentions.length === 0) fail('actor-no-mention', a.by, a, `actor ${a.name} has no mention`);
    let last = -1;
    for (const m of a.mentions) {
      span('mention', a.by, { actor: a.id, name: a.name, mention: m }, m);
      if (m.start < last)
        fail('mention-order', a.by, { actor: a.id, mention: m }, 'mentions not in text order');
      last = m.start;
    }
  }
  for (const t of L.times!) {
    provenance('time', t);
    span('time', t.by, t, t);
    for (const [k, v] of [
      ['from', t.from],
      ['to', t.to],
    ] as const)
      if (v !== null && (typeof v !== 'string' || !isIsoDate(v)))
        fail('time-iso', t.by, t, `${k}=${JSON.stringify(v)} is not a YYYY-MM-DD date`);
    if (typeof t.from === 'string' && typeof t.to === 'string' && t.from > t.to)
      fail('time-order', t.by, t, `from ${t.from} > to ${t.to}`);
    if (typeof t.value !== 'string' || t.value === '') fail('time-value', t.by, t, 'empty value');
  }
  for (const p of L.places!) {
    provenance('place', p);
    span('place', p.by, p, p);
    if (p.lat === null || p.lon === null) fail('place-no-coordinates', p.by, p, 'lat/lon null');
    else {
      if (!Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90) fail('place-lat', p.by, p, `lat ${p.lat}`);
      if (!Number.isFinite(p.lon) || p.lon < -180 || p.lon > 180) fail('place-lon', p.by, p, `lon ${p.lon}`);
    }
    // Multinational regions (Asia, Middle East, South China Sea) legitimately have no country.
    if (!p.country && p.featureClass !== 'region')
      fail('place-no-country', p.by, p, `country ${p.country} (${p.featureClass})`);
  }
  for (const q of L.quantities!) {
    provenance('quantity', q);
    span('quantity', q.by, q, q);
    if (typeof q.value !== 'number' || !Number.isFinite(q.value))
      fail('quantity-finite', q.by, q, `value ${q.value}`);
  }
  for (const q of L.quotes!) {
    provenance('quote', q);
    span('quote', q.by, q, q);
    ref('actors', q.by, q, 'speaker', q.speaker);
  }
  for (const a of L.attributions!) {
    provenance('attribution', a);
    if (a.source !== null) span('attribution source', a.by, a, a.source);
    span('attribution cue', a.by, a, a.cue);
    span('attribution content', a.by, a, a.content);
    ref('actors', a.by, a, 'speaker', a.speaker);
    ref('attributions', a.by, a, 'outer', a.outer);
    if (a.outer === a.id) fail('ref-self', a.by, a, 'attribution is its own outer');
  }
  for (const e of L.events!) {
    provenance('event', e);
    span('event evidence', e.by, e, e.evidence);
    span('event trigger', e.by, e, e.trigger);
    if (!Array.isArray(e.alsoEvidence)) fail('span-missing', e.by, e, 'alsoEvidence is not an array');
    else for (const s of e.alsoEvidence) span('event alsoEvidence', e.by, e, s);
    ref('actors', e.by, e, 'source', e.source);
    ref('actors', e.by, e, 'target', e.target);
    ref('times', e.by, e, 'time', e.time);
    ref('places', e.by, e, 'place', e.place);
    ref('quantities', e.by, e, 'quantity', e.quantity);
    if (e.attribution !== null) {
      ref('actors', e.by, e, 'attribution.speaker', e.attribution.speaker);
      const { start, end } = e.attribution;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end)
        fail('span-range', e.by, e, `attribution [${start}, ${end}) outside the text`);
    }
    if (typeof e.cameo !== 'string' || !/^\d{2,4}$/.test(e.cameo))
      fail('event-code', e.by, e, `cameo ${JSON.stringify(e.cameo)}`);
    if (typeof e.plover !== 'string' || e.plover === '') fail('event-code', e.by, e, 'empty plover type');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Inputs

/** One input document: a shared-corpus article or a hostile synthetic text. */
export interface InputDoc {
  readonly corpus: string;
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
  readonly title?: string | null;
}

/** RFC 4180 CSV (quoted fields with commas, doubled quotes and newlines), header row first. */
export function parseCsv(raw: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quoted) {
      if (c === '"' && raw[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && raw[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [head, ...body] = rows;
  return body
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

function jsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export const CORPORA = ['allsides', 'ukraine', 'fakes-syria', 'bbc'] as const;
export type CorpusName = (typeof CORPORA)[number];

/** The articles of one shared corpus, in file order, with the fields each SOURCE.md describes. */
export function readCorpus(dataDir: string, name: CorpusName): InputDoc[] {
  switch (name) {
    case 'allsides':
      return jsonl(path.join(dataDir, 'allsides-intl-news', 'articles.jsonl')).map((a) => ({
        corpus: name,
        id: `allsides/${a.ID}`,
        text: String(a.content_original),
        published: String(a.date),
        title: String(a.title),
      }));
    case 'ukraine':
      return jsonl(path.join(dataDir, 'ukraine-war-gdelt-2022-24', 'articles.jsonl')).map((a) => ({
        corpus: name,
        id: `ukraine/${a.id}`,
        text: String(a.text),
        published: String(a.seendate).slice(0, 10),
      }));
    case 'fakes-syria':
      return parseCsv(readFileSync(path.join(dataDir, 'fakes-syria', 'FA-KES-Dataset.csv'), 'utf8')).map(
        (r, i) => {
          const [m, d, y] = (r.date ?? '').split('/');
          const published = y && m && d ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : null;
          // unit_id is not unique in this set: the row number makes the id unique.
          return {
            corpus: name,
            id: `fakes-syria/${r.unit_id}#${i + 2}`,
            text: r.article_content ?? '',
            published,
            title: r.article_title ?? null,
          };
        },
      );
    case 'bbc':
      // BBC articles (2004-2005) carry no date: the same reference date as scripts/bench.js.
      return jsonl(path.join(dataDir, 'bbc-news', 'bbc-news.jsonl')).map((a) => ({
        corpus: name,
        id: `bbc/${a.id}`,
        text: `${a.title}\n\n${a.text}`,
        published: '2005-01-01',
      }));
  }
}

/** A deterministic pseudo-random generator (LCG), so hostile inputs are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `unit` repeated to `length` characters, and never less than one whole unit (small scales keep the pattern). */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.max(1, Math.ceil(length / unit.length))).slice(0, Math.max(length, unit.length));
}

const SENTENCE =
  'North Korea has sent about 3,000 troops to Russia, the Pentagon said on Monday, and officials in Seoul warned of more.';

/**
 * Hostile synthetic inputs; `scale` 1 gives the full sizes (1 MB of one word, 100k nested quotes,
 * ...), smaller scales shrink them proportionally for tests. Each must finish in bounded time
 * without an exception, with every invariant holding.
 */
export function hostileInputs(scale = 1): InputDoc[] {
  const n = (full: number) => Math.max(10, Math.round(full * scale));
  const rnd = lcg(20241028);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const doc = (id: string, text: string): InputDoc => ({
    corpus: 'hostile',
    id: `hostile/${id}`,
    text,
    published: '2024-10-28',
  });

  const capitals = [
    'North South New San Saint United Republic Democratic People Korea Kim Jong Un President ',
    'Minister General Defense Ministry Foreign State Department Russia Ukraine Kursk Oblast Region ',
    'Washington Moscow Seoul Pyongyang Mr Ms Dr Al Abu Bin De La Van Von Nations Council Security ',
    'Army Navy Force Islamic Front Party January March May Monday Sunday City Lake River Mount Port ',
    'Fort East West Gulf Sea Strait Gaza Bank',
  ]
    .join('')
    .split(' ');
  const vocabulary = [
    'the army of Russia said on Monday that 3,000 troops and officials in Kyiv reported about 12 ',
    'missiles last week while President Biden told reporters "we will respond" near the border with ',
    'Ukraine (AP) according to NATO attacked killed at least 40 people since March 2022',
  ]
    .join('')
    .split(' ');
  const emoji = [
    '😀',
    '🇺🇦',
    '👩‍👩‍👧‍👦',
    '🏳️‍🌈',
    'e\u0301',
    'a\u0308\u0304',
    'Z̷̡̛a̶l̸g̵o̴',
    '✌🏽',
    '\u200d',
    '\ufe0f',
  ];

  const words: string[] = [];
  for (let i = 0; i < n(10_000); i++) words.push(pick(capitals));
  const sentence: string[] = [];
  for (let i = 0; i < n(10_000); i++) sentence.push(pick(vocabulary));
  const emojiText: string[] = [];
  for (let i = 0; i < n(30_000); i++) emojiText.push(pick(emoji) + (rnd() < 0.3 ? ' ' : ''));
  const surrogates = SENTENCE.split(' ')
    .map((w, i) =>
      i % 3 === 0 ? `${w}\ud800` : i % 3 === 1 ? `\udc00${w}` : `${w.slice(0, 2)}\ud83d${w.slice(2)}`,
    )
    .join(' ');

  return [
    doc('repeated-word-1MB', repeatTo('Russia ', n(1_000_000))),
    doc('no-spaces-200KB', repeatTo('NorthKoreasent3,000troopstoRussia,thePentagonsaid.', n(200_000))),
    doc(
      'nested-quotes-100k',
      `${'“'.repeat(n(100_000))}The minister said troops left.${'”'.repeat(n(100_000))}`,
    ),
    doc('open-quotes-100k', `He said ${'“'.repeat(n(100_000))} and left.`),
    doc('parens-50k', `${'('.repeat(n(50_000))}Russia said 3,000 troops left Kyiv on Monday.`),
    doc('punctuation-only', repeatTo('.,;:!?-—–()[]{}"\'“”‘’…/\\|@#$%^&*+=<>~`§¶•', n(100_000))),
    doc('emoji-combining', emojiText.join('')),
    doc('lone-surrogates', repeatTo(`${surrogates}\n\n`, n(50_000))),
    doc('long-sentence-10k-tokens', `${sentence.join(' ')}.`),
    doc(
      'rtl-mixed',
      repeatTo(
        'قالت وزارة الدفاع الروسية يوم الاثنين إن 3,000 جندي وصلوا. \u202Bאמר ראש הממשלה\u202C The Pentagon said on Monday \u200F(AP)\u200E that שלום 12 missiles hit Kharkiv.\n',
        n(100_000),
      ),
    ),
    doc('capitalised-10k', `${words.join(' ')}.`),
    doc('mr-repeated', repeatTo('Mr. ', n(200_000))),
    doc('mr-name-repeated', repeatTo('Mr. Kim said. ', n(100_000))),
    doc(
      'huge-numbers',
      repeatTo(
        `Officials said ${'9'.repeat(400)} troops and 1e400 missiles and 10^999 people arrived. `,
        n(20_000),
      ),
    ),
    doc(
      'odd-dates',
      repeatTo(
        'On February 30, 2024, and on 31/02/2024, in the year 99999, on 0000-00-00, between 2025 and 2019, in the 1990s, on Monday 29 February 2023, by 12/13/2024 and 13/13/13, troops moved. ',
        n(20_000),
      ),
    ),
    doc('newlines-only', '\n'.repeat(n(100_000))),
    doc('whitespace-mix', repeatTo(' \t\u00a0\u2009\u3000\r\n\f\v', n(100_000))),
    doc('control-chars', repeatTo(`${SENTENCE}\u0000\u0007\u001b[31m\u0085\u2028\u2029`, n(50_000))),
    doc('crlf-article', repeatTo(`${SENTENCE}\r\n\r\n“We will respond,” he said.\r\n`, n(50_000))),
    doc('said-chain', repeatTo('he said, she said, they said that ', n(100_000))),
    doc('numbers-run', repeatTo('1,000 2,000.5 3 million 4bn $5 £6m 7% 8km ', n(100_000))),
    doc('single-char', 'a'),
    doc('empty', ''),
    doc('a-no-spaces-200KB', 'a'.repeat(n(200_000))),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Runner: a child process extracts and checks documents; the parent watches it.

export interface Extractor {
  /** Extracts one document; when `stageMs` is given, adds each stage's CPU milliseconds to it. */
  run(
    text: string,
    meta: { published: string | null; title?: string | null },
    stageMs?: Record<string, number>,
  ): AnyDoc;
  toJson(doc: AnyDoc): unknown;
}

/** Per-document result sent from the child to the parent. */
export interface DocResult {
  readonly i: number;
  readonly id: string;
  readonly corpus: string;
  readonly chars: number;
  /** CPU time of the extraction; for a document over the re-time threshold, the least of three runs. */
  readonly cpuMs: number;
  /** CPU time of the first run (includes GC pauses and noise from a loaded machine). */
  readonly cpuFirstMs: number;
  readonly wallMs: number;
  readonly error: string | null;
  readonly failures: readonly Failure[];
  readonly failureCount: number;
  readonly items: number;
  /** CPU milliseconds per stage (empty when the extractor does not time stages). */
  readonly stageMs: Readonly<Record<string, number>>;
}

const MAX_FAILURES_PER_DOC = 30;

/**
 * Extracts one document, checks it and times the extraction. A document whose first run takes more
 * than `retimeMs` of CPU is run twice more and keeps the least time: on a loaded machine a single
 * run also measures garbage collection and neighbours, while a pathological input is slow every time.
 */
export function runOne(extractor: Extractor, d: InputDoc, i: number, retimeMs = 50): DocResult {
  let error: string | null = null;
  let failures: Failure[] = [];
  let items = 0;
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  let doc: AnyDoc | null = null;
  const stageMs: Record<string, number> = {};
  try {
    doc = extractor.run(d.text, { published: d.published, title: d.title ?? null }, stageMs);
  } catch (e) {
    const err = e as Error;
    error = `${err?.name}: ${err?.message}\n${(err?.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  }
  const wallMs = performance.now() - w0;
  const c = process.cpuUsage(c0);
  const cpuFirstMs = (c.user + c.system) / 1000;
  let cpuMs = cpuFirstMs;
  for (let k = 0; doc && cpuMs > retimeMs && k < 2; k++) {
    const again: Record<string, number> = {};
    const r0 = process.cpuUsage();
    extractor.run(d.text, { published: d.published, title: d.title ?? null }, again);
    const r = process.cpuUsage(r0);
    // stageMs stays the first run's: a re-run can hit wink-nlp's cache of tokenised strings.
    cpuMs = Math.min(cpuMs, (r.user + r.system) / 1000);
  }
  if (doc) {
    try {
      failures = checkDocument(doc);
      if (doc.text !== d.text) failures.push({ check: 'text-rewritten', by: null, item: d.id, detail: '' });
      JSON.stringify(extractor.toJson(doc));
      const L = doc.layers;
      items =
        (L.actors?.length ?? 0) +
        (L.times?.length ?? 0) +
        (L.places?.length ?? 0) +
        (L.quantities?.length ?? 0) +
        (L.quotes?.length ?? 0) +
        (L.attributions?.length ?? 0) +
        (L.events?.length ?? 0);
    } catch (e) {
      failures.push({ check: 'check-crashed', by: null, item: d.id, detail: String(e) });
    }
  }
  return {
    i,
    id: d.id,
    corpus: d.corpus,
    chars: d.text.length,
    cpuMs,
    cpuFirstMs,
    wallMs,
    error,
    failures: failures.slice(0, MAX_FAILURES_PER_DOC),
    failureCount: failures.length,
    items,
    stageMs,
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  dataDir: string;
  corpora: CorpusName[];
  every: number;
  limit: number;
  scale: number;
  hostile: boolean;
  failures: number;
  json: string | null;
  slowMs: number;
  timeoutS: number;
}

function parseOptions(args: string[]): Options {
  const opt = (name: string, fallback: string | null) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const only = opt('--corpus', null);
  return {
    dataDir: path.resolve(
      opt(
        '--data',
        process.env.SITREP_DATA ??
          path.join(process.env.SITREP_SHARED ?? path.join(root, '..', 'shared'), 'data'),
      )!,
    ),
    corpora: args.includes('--no-corpora') ? [] : only ? (only.split(',') as CorpusName[]) : [...CORPORA],
    every: Number(opt('--every', '1')) || 1,
    limit: Number(opt('--limit', '0')) || Number.POSITIVE_INFINITY,
    scale: Number(opt('--scale', '1')),
    hostile: !args.includes('--no-hostile'),
    failures: Number(opt('--failures', '40')),
    json: opt('--json', null),
    slowMs: Number(opt('--slow-ms', '50')),
    timeoutS: Number(opt('--timeout', '120')),
  };
}

/** The documents of a run, in a fixed order (the child and the parent build the same list). */
export function inputs(
  o: Pick<Options, 'dataDir' | 'corpora' | 'every' | 'limit' | 'scale' | 'hostile'>,
): InputDoc[] {
  const out: InputDoc[] = [];
  for (const name of o.corpora) {
    const docs = readCorpus(o.dataDir, name).filter((_, i) => i % o.every === 0);
    out.push(...docs.slice(0, o.limit));
  }
  // Each hostile input also runs at half size: the time ratio tells linear (≈2) from quadratic (≈4).
  if (o.hostile) {
    const halves = hostileInputs(o.scale / 2);
    hostileInputs(o.scale).forEach((full, k) => {
      const half = halves[k]!;
      out.push({ ...half, id: `${half.id}@half` }, full);
    });
  }
  return out;
}

async function loadBuiltExtractor(): Promise<Extractor> {
  // Computed paths: dist/ is built JavaScript without declarations.
  const dist = (p: string) => pathToFileURL(path.join(root, 'dist', p)).href;
  const { defaultPipeline } = await import(dist('pipeline/default.js'));
  const { createDocument } = await import(dist('pipeline/pipeline.js'));
  const { toExtractJson } = await import(dist('output/extract-json.js'));
  const pipeline = defaultPipeline();
  return {
    run: (text, meta, stageMs) => {
      if (!stageMs) return pipeline.run(createDocument(text, meta));
      // Pipeline.run's fold, one stage at a time, so a slow document names its slow stage.
      let doc = createDocument(text, meta);
      for (const stage of pipeline.stages) {
        const c0 = process.cpuUsage();
        const added = stage.run(doc, { debug: false });
        const c = process.cpuUsage(c0);
        stageMs[stage.name] = (stageMs[stage.name] ?? 0) + (c.user + c.system) / 1000;
        doc = Object.freeze({ ...doc, layers: Object.freeze({ ...doc.layers, ...added }) });
      }
      return doc;
    },
    toJson: (doc) => toExtractJson(doc, pipeline.version),
  };
}

async function child(o: Options, from: number): Promise<void> {
  const docs = inputs(o);
  const extractor = await loadBuiltExtractor();
  extractor.run(SENTENCE, { published: '2024-10-28' });
  const send = (m: unknown) => new Promise<void>((res) => process.send!(m, () => res()));
  await send({ t: 'ready', n: docs.length });
  for (let i = from; i < docs.length; i++) {
    await send({ t: 'start', i });
    await send({ t: 'done', r: runOne(extractor, docs[i]!, i, o.slowMs) });
  }
  process.disconnect();
}

/** The two stages that took most of a document's CPU time: "quotes 40 · tokens 12" (ms). */
function topStages(r: DocResult): string {
  return Object.entries(r.stageMs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(' · ');
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function parent(o: Options, argv: string[]): Promise<number> {
  const started = new Date();
  const results: DocResult[] = [];
  const lost: { i: number; why: string }[] = [];
  let total = -1;
  let from = 0;
  const self = fileURLToPath(import.meta.url);
  while (total < 0 || from < total) {
    const outcome = await new Promise<{ next: number; done: boolean }>((resolve) => {
      const cp = fork(self, ['--child', String(from), ...argv], {
        execArgv: ['--import', 'tsx', '--max-old-space-size=4096', '--stack-size=984'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let current = -1;
      let timer: NodeJS.Timeout | null = null;
      let settled = false;
      const finish = (why: string | null) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        if (why !== null && current >= 0) {
          lost.push({ i: current, why });
          resolve({ next: current + 1, done: false });
        } else if (why !== null) {
          console.error(`corpus-check: child failed before any document: ${why}`);
          process.exit(2);
        } else resolve({ next: total, done: true });
      };
      cp.on('message', (m: { t: string; n?: number; i?: number; r?: DocResult }) => {
        if (m.t === 'ready') total = m.n!;
        else if (m.t === 'start') {
          current = m.i!;
          timer = setTimeout(() => {
            cp.kill('SIGKILL');
            finish(`timeout after ${o.timeoutS} s`);
          }, o.timeoutS * 1000);
        } else if (m.t === 'done') {
          if (timer) clearTimeout(timer);
          results.push(m.r!);
          current = -1;
          if (results.length % 500 === 0) process.stderr.write(`corpus-check: ${results.length}/${total}\n`);
        }
      });
      cp.on('exit', (code, signal) => {
        if (current >= 0 || code !== 0) finish(`child exited (code ${code}, signal ${signal})`);
        else finish(null);
      });
    });
    if (outcome.done) break;
    from = outcome.next;
  }
  return report(o, started, inputs(o), results, lost);
}

function report(
  o: Options,
  started: Date,
  docs: InputDoc[],
  results: DocResult[],
  lost: { i: number; why: string }[],
): number {
  const lines: string[] = [];
  const say = (s = '') => lines.push(s);
  const corpusRuns = results.filter((r) => r.corpus !== 'hostile');
  say(`corpus-check ${started.toISOString()} (node ${process.version})`);
  say(
    `  data: ${o.dataDir}   every ${o.every}   limit ${o.limit}   hostile scale ${o.hostile ? o.scale : 'off'}`,
  );
  say();
  say(
    'corpus        docs   chars(M)  errors  failing  cpu s   docs/s(cpu) docs/s(wall)  p50 ms  p99 ms  max ms  >' +
      o.slowMs +
      'ms',
  );
  const groups = new Map<string, DocResult[]>();
  for (const r of results) groups.set(r.corpus, [...(groups.get(r.corpus) ?? []), r]);
  const summary: Record<string, unknown> = {};
  for (const [name, rs] of groups) {
    // Throughput from first runs (garbage collection included); percentiles and flags from re-timed runs.
    const cpu = rs.map((r) => r.cpuMs);
    const cpuS = rs.reduce((a, r) => a + r.cpuFirstMs, 0) / 1000;
    const wallS = rs.reduce((a, r) => a + r.wallMs, 0) / 1000;
    const row = {
      docs: rs.length,
      chars: rs.reduce((a, r) => a + r.chars, 0),
      errors: rs.filter((r) => r.error).length,
      failing: rs.filter((r) => r.failureCount > 0).length,
      failures: rs.reduce((a, r) => a + r.failureCount, 0),
      cpu_s: Number(cpuS.toFixed(2)),
      docs_per_s_cpu: Number((rs.length / cpuS).toFixed(1)),
      docs_per_s_wall: Number((rs.length / wallS).toFixed(1)),
      p50_ms: Number(pct(cpu, 50).toFixed(1)),
      p99_ms: Number(pct(cpu, 99).toFixed(1)),
      max_ms: Number(Math.max(...cpu).toFixed(1)),
      slow: rs.filter((r) => r.cpuMs > o.slowMs).length,
    };
    summary[name] = row;
    say(
      `${name.padEnd(12)} ${String(row.docs).padStart(5)} ${(row.chars / 1e6).toFixed(2).padStart(10)} ${String(row.errors).padStart(7)} ${String(row.failing).padStart(8)} ${row.cpu_s.toFixed(1).padStart(6)} ${String(row.docs_per_s_cpu).padStart(12)} ${String(row.docs_per_s_wall).padStart(12)} ${row.p50_ms.toFixed(1).padStart(7)} ${row.p99_ms.toFixed(1).padStart(7)} ${row.max_ms.toFixed(0).padStart(7)} ${String(row.slow).padStart(6)}`,
    );
  }
  say();
  say(`lost (timeout or crash): ${lost.length}`);
  for (const l of lost) say(`  ${docs[l.i]?.id}: ${l.why}`);

  const byCheck = new Map<string, number>();
  for (const r of results)
    for (const f of r.failures) {
      const k = `${f.check}  ${f.by ?? '-'}`;
      byCheck.set(k, (byCheck.get(k) ?? 0) + 1);
    }
  say();
  say('failures by check and stage (first 30 per document counted):');
  for (const [k, v] of [...byCheck].sort((a, b) => b[1] - a[1])) say(`  ${String(v).padStart(6)}  ${k}`);

  const errors = results.filter((r) => r.error);
  say();
  say(`exceptions: ${errors.length}`);
  // Grouped by message and innermost frame: one defect usually throws in many documents.
  const kinds = new Map<string, DocResult[]>();
  for (const r of errors) {
    const [message, frame] = (r.error ?? '').split('\n');
    const key = `${message}\n${frame?.replace(/:\d+:\d+\)?$/, '')}`;
    kinds.set(key, [...(kinds.get(key) ?? []), r]);
  }
  for (const rs of kinds.values())
    say(
      `  ${rs.length} × ${rs[0]!.error?.replace(/\n/g, '\n      ')}\n      in ${rs
        .slice(0, 5)
        .map((r) => r.id)
        .join(', ')}${rs.length > 5 ? ', ...' : ''}`,
    );

  const slowest = [...corpusRuns].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 10);
  say();
  say('slowest 10 corpus documents (least CPU ms of 3 runs, chars, µs/char):');
  for (const r of slowest)
    say(
      `  ${r.cpuMs.toFixed(1).padStart(8)}  ${String(r.chars).padStart(7)}  ${((r.cpuMs * 1000) / Math.max(1, r.chars)).toFixed(1).padStart(6)}  ${r.id}  (${topStages(r)})`,
    );
  const slow = corpusRuns.filter((r) => r.cpuMs > o.slowMs);
  say(`corpus documents over ${o.slowMs} ms CPU: ${slow.length}`);
  const stageTotals: Record<string, number> = {};
  for (const r of corpusRuns)
    for (const [k, v] of Object.entries(r.stageMs)) stageTotals[k] = (stageTotals[k] ?? 0) + v;
  const allMs = Object.values(stageTotals).reduce((a, b) => a + b, 0);
  say(
    `CPU by stage over the corpora: ${Object.entries(stageTotals)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s (${((100 * v) / allMs).toFixed(0)}%)`)
      .join(', ')}`,
  );

  const hostile = results.filter((r) => r.corpus === 'hostile');
  const hostileRows: unknown[] = [];
  if (hostile.length) {
    say();
    say('hostile inputs (first-run CPU ms full size, half size, growth ratio: ≈2 linear, ≈4 quadratic):');
    for (const l of lost.filter((x) => docs[x.i]?.corpus === 'hostile'))
      say(`  ${docs[l.i]!.id.padEnd(36)} ${String(docs[l.i]!.text.length).padStart(8)} ch  LOST: ${l.why}`);
    for (const r of hostile) {
      const half = r.id.endsWith('@half') ? null : hostile.find((h) => h.id === `${r.id}@half`);
      // A half-size run is shown only when its full-size run was lost (timeout or crash).
      if (r.id.endsWith('@half') && hostile.some((h) => `${h.id}@half` === r.id)) continue;
      // First runs: a repeated run can hit wink-nlp's cache of tokenised strings and look fast.
      const ratio = half && half.cpuFirstMs > 20 ? r.cpuFirstMs / half.cpuFirstMs : null;
      hostileRows.push({
        id: r.id,
        chars: r.chars,
        cpu_ms: Math.round(r.cpuFirstMs),
        half_ms: half ? Math.round(half.cpuFirstMs) : null,
        ratio,
        error: r.error,
        failures: r.failureCount,
        items: r.items,
      });
      say(
        `  ${r.id.padEnd(36)} ${String(r.chars).padStart(8)} ch ${r.cpuFirstMs.toFixed(0).padStart(8)} ms ${(half?.cpuFirstMs ?? 0).toFixed(0).padStart(8)} ms  ×${ratio === null ? '  - ' : ratio.toFixed(1).padStart(4)}  ${r.error ? 'EXCEPTION' : r.failureCount ? `${r.failureCount} failures` : 'ok'}  items ${r.items}  (${topStages(r)})`,
      );
    }
  }

  const failing = results.filter((r) => r.failureCount > 0);
  say();
  say(`failures (at most 3 examples per check and stage, ${o.failures} in all):`);
  let shown = 0;
  const perKind = new Map<string, number>();
  for (const r of failing)
    for (const f of r.failures) {
      const kind = `${f.check} ${f.by}`;
      if (shown >= o.failures || (perKind.get(kind) ?? 0) >= 3) continue;
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      shown++;
      say(`  ${r.id}  [${f.check}] ${f.by ?? '-'}: ${f.detail}\n      ${f.item}`);
    }
  const text = lines.join('\n');
  console.log(text);
  if (o.json)
    writeFileSync(
      o.json,
      JSON.stringify(
        {
          started: started.toISOString(),
          node: process.version,
          summary,
          lost: lost.map((l) => ({ id: docs[l.i]?.id, why: l.why })),
          by_check: Object.fromEntries(byCheck),
          slowest: slowest.map((r) => ({ id: r.id, cpu_ms: r.cpuMs, chars: r.chars })),
          hostile: hostileRows,
          failures: failing.flatMap((r) => r.failures.map((f) => ({ doc: r.id, ...f }))),
          errors: errors.map((r) => ({ doc: r.id, error: r.error })),
        },
        null,
        1,
      ),
    );
  return errors.length || failing.length || lost.length ? 1 : 0;
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  const args = process.argv.slice(2);
  const ci = args.indexOf('--child');
  if (ci >= 0) {
    const rest = args.filter((_, k) => k !== ci && k !== ci + 1);
    await child(parseOptions(rest), Number(args[ci + 1]));
  } else {
    process.exitCode = await parent(parseOptions(args), args);
  }
}
