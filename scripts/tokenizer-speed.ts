// Tokens per second of segment() on the BBC articles (../shared/data/bbc-news), one core:
//   node --import tsx scripts/tokenizer-speed.ts [rounds]
// Also prints the rules-only speed (no sentence model). Reads the data at run time. Times are CPU
// time of the process (one thread).
import { readFileSync } from 'node:fs';
import { segment, segmentWith } from '../src/nlp/tokenizer.js';

const rounds = Number(process.argv[2] ?? 5);
const texts = readFileSync('../shared/data/bbc-news/bbc-news.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const a = JSON.parse(l) as { title: string; text: string };
    return `${a.title}\n\n${a.text}`;
  });
const chars = texts.reduce((n, t) => n + t.length, 0);
for (const [name, run] of [
  ['segment (rules + sentence model)', (t: string) => segment(t)],
  ['rules only', (t: string) => segmentWith(t, null)],
] as const) {
  let tokens = 0;
  for (const t of texts) tokens += run(t).starts.length; // warm-up
  const perRound = tokens;
  // CPU time of this process, not wall time: the machine is shared, and a busy neighbour would
  // otherwise count against us.
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const t of texts) run(t);
  const used = process.cpuUsage(c0);
  const s = (used.user + used.system) / 1e6;
  console.log(
    `${name}: ${texts.length} articles, ${perRound} tokens, ${(chars / 1e6).toFixed(2)}M chars; ${rounds} rounds in ${s.toFixed(2)} s CPU = ${Math.round((perRound * rounds) / s).toLocaleString('en')} tokens/s, ${Math.round((texts.length * rounds) / s)} articles/s`,
  );
}
