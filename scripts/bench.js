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

async function runSide(side) {
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
  }
}
