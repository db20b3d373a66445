#!/usr/bin/env node
// `npm run bench [-- --json] [-- --limit N] [-- --data DIR]`: throughput and peak memory of the full
// Sitrep pipeline over the BBC corpus (../shared/data/bbc-news, 2,225 articles), beside a peer doing the
// nearest equivalent with well-known packages (compromise's people/places/organisations plus
// chrono-node's dates) in the same run. Each side runs in its own child process on one core, so peak
// RSS is its own; texts are read into memory first and only extraction is timed (start-up, such as
// loading models and dictionaries, is reported apart).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dataDir = path.resolve(
  opt('--data', process.env.SITREP_DATA ?? path.join(root, '..', 'shared', 'data')),
);
const limit = Number(opt('--limit', '0')) || Infinity;
// BBC articles are from 2004-2005 and carry no date: both sides get the same reference date.
const REFERENCE = '2005-01-01';

function loadArticles() {
  const file = path.join(dataDir, 'bbc-news', 'bbc-news.jsonl');
  let raw;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    console.error(`bench: ${file} not found (use --data DIR)`);
    process.exit(2);
  }
  const out = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line);
    out.push(`${a.title}\n\n${a.text}`);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The syntax layer alone, stage by stage, in tokens per second on one core: the tokenizer and
 * sentence splitter, the tagger (with lemmas) and the parser, each timed over the same BBC texts,
 * beside wink-nlp's tokenizer and tagger (what the tokens stage used before) as the peer.
 */
async function runSyntaxSide() {
  const texts = loadArticles();
  const { segment } = await import('../dist/nlp/tokenizer.js');
  const { defaultTagger } = await import('../dist/nlp/tagger.js');
  const { defaultLemmatizer } = await import('../dist/nlp/lemmatizer.js');
  const { defaultParser } = await import('../dist/nlp/parser.js');
  const t0 = performance.now();
  const tagger = defaultTagger();
  const lemmatizer = defaultLemmatizer();
  const parser = defaultParser();
  const load_s = (performance.now() - t0) / 1000;
  // Segment everything first (timed), then tag and parse the same sentences (each timed alone).
  const sentences = [];
  let tokens = 0;
  const t1 = performance.now();
  for (const text of texts) {
    const seg = segment(text);
    for (let s = 0; s + 1 < seg.sentenceStarts.length; s++) {
      const forms = [];
      for (let i = seg.sentenceStarts[s]; i < seg.sentenceStarts[s + 1]; i++)
        forms.push(text.slice(seg.starts[i], seg.ends[i]));
      if (forms.length) sentences.push(forms);
      tokens += forms.length;
    }
  }
  const segment_s = (performance.now() - t1) / 1000;
  const tagged = [];
  const t2 = performance.now();
  for (const forms of sentences) {
    const { upos, xpos } = tagger.tag(forms);
    const lemmas = forms.map((f, i) => lemmatizer.lemma(f, upos[i], xpos[i]));
    tagged.push({ forms, upos, xpos, lemmas });
  }
  const tag_s = (performance.now() - t2) / 1000;
  let arcs = 0;
  const t3 = performance.now();
  for (const t of tagged) arcs += parser.parse(t.forms, t.upos, t.xpos, t.lemmas).heads.length;
  const parse_s = (performance.now() - t3) / 1000;
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model, ['sbd', 'pos']);
  let winkTokens = 0;
  const t4 = performance.now();
  for (const text of texts) winkTokens += nlp.readDoc(text).tokens().out(nlp.its.pos).length;
  const wink_s = (performance.now() - t4) / 1000;
  const rate = (n, s) => Math.round(n / s);
  process.stdout.write(
    JSON.stringify({
      articles: texts.length,
      tokens,
      load_s: Number(load_s.toFixed(3)),
      tokenizer_tokens_per_s: rate(tokens, segment_s),
      tagger_tokens_per_s: rate(tokens, tag_s),
      parser_tokens_per_s: rate(arcs, parse_s),
      tagger_parser_tokens_per_s: rate(tokens, tag_s + parse_s),
      syntax_tokens_per_s: rate(tokens, segment_s + tag_s + parse_s),
      wink_tokens_pos_tokens_per_s: rate(winkTokens, wink_s),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

async function runSide(side) {
  if (side === 'syntax') return runSyntaxSide();
  const texts = loadArticles();
  const t0 = performance.now();
  let work;
  if (side === 'sitrep') {
    const { defaultPipeline } = await import('../dist/pipeline/default.js');
    const { createDocument } = await import('../dist/pipeline/pipeline.js');
    const pipeline = defaultPipeline();
    pipeline.run(
      createDocument('Warm-up: the minister said on Monday that 3,000 troops left Paris.', {
        published: REFERENCE,
      }),
    );
    work = (text) => {
      const doc = pipeline.run(createDocument(text, { published: REFERENCE }));
      return (
        doc.layers.actors.length +
        doc.layers.times.length +
        doc.layers.places.length +
        doc.layers.events.length
      );
    };
  } else {
    const nlp = (await import('compromise')).default;
    const chrono = await import('chrono-node');
    const ref = new Date(`${REFERENCE}T12:00:00Z`);
    nlp('Warm-up: the minister said on Monday that 3,000 troops left Paris.').people().json();
    work = (text) => {
      const doc = nlp(text);
      const found =
        doc.people().json({ offset: true }).length +
        doc.places().json({ offset: true }).length +
        doc.organizations().json({ offset: true }).length;
      return found + chrono.parse(text, ref).length;
    };
  }
  const startup = (performance.now() - t0) / 1000;
  let items = 0;
  const t1 = performance.now();
  for (const text of texts) items += work(text);
  const seconds = (performance.now() - t1) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      articles: texts.length,
      seconds,
      startup_s: Number(startup.toFixed(2)),
      articles_per_s: Number((texts.length / seconds).toFixed(1)),
      peak_rss_mb: Math.round(peak),
      items,
    }),
  );
}

function child(side) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--side', side, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) {
    console.error(`bench: the ${side} run failed:\n${r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout);
}

const side = opt('--side', null);
if (side) {
  await runSide(side);
} else {
  const syntax = child('syntax');
  const sitrep = child('sitrep');
  const peer = child('peer');
  const result = {
    sitrep: {
      articles_per_s: sitrep.articles_per_s,
      peak_rss_mb: sitrep.peak_rss_mb,
      startup_s: sitrep.startup_s,
    },
    peer: {
      name: 'compromise 14 (people/places/organizations) + chrono-node 2 (dates)',
      articles_per_s: peer.articles_per_s,
      peak_rss_mb: peer.peak_rss_mb,
      startup_s: peer.startup_s,
    },
    syntax,
    articles: sitrep.articles,
    ratio: Number((sitrep.articles_per_s / peer.articles_per_s).toFixed(2)),
  };
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const row = (name, r) =>
      `${name.padEnd(8)} ${String(r.articles_per_s).padStart(10)} ${String(r.peak_rss_mb).padStart(12)} ${String(r.startup_s).padStart(10)}`;
    console.log(`${result.articles} BBC articles, one core per side (node ${process.version})\n`);
    console.log(
      `${'side'.padEnd(8)} ${'articles/s'.padStart(10)} ${'peak RSS MB'.padStart(12)} ${'start-up s'.padStart(10)}`,
    );
    console.log(row('sitrep', result.sitrep));
    console.log(row('peer', result.peer));
    console.log(`\nsitrep / peer throughput: ${result.ratio}×   (peer: ${result.peer.name})`);
    console.log(
      `\nsyntax layer alone, ${syntax.tokens} tokens, one core (models loaded in ${syntax.load_s} s):`,
    );
    for (const key of [
      'tokenizer_tokens_per_s',
      'tagger_tokens_per_s',
      'parser_tokens_per_s',
      'tagger_parser_tokens_per_s',
      'syntax_tokens_per_s',
      'wink_tokens_pos_tokens_per_s',
    ]) {
      console.log(`  ${key.padEnd(30)} ${String(syntax[key]).padStart(10)}`);
    }
  }
}
