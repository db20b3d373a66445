/**
 * Tokens per second of the committed tagger and parser on one core, over the EWT dev sentences
 * (gold tokenisation): tagger alone, parser alone (on the tagger's tags), and both in a row. CPU
 * time of this process, best of `rounds` passes (the first passes warm the JIT up).
 *
 *   node --import tsx src/nlp/train/bench-parser.ts [--rounds 8]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConllu } from '../conllu.js';
import { Parser } from '../parser.js';
import { Tagger } from '../tagger.js';
import { EWT_DIR } from './manifest.js';

export interface SyntaxSpeed {
  readonly tokens: number;
  readonly taggerTokensPerSecond: number;
  readonly parserTokensPerSecond: number;
  readonly bothTokensPerSecond: number;
  readonly parserLoadSeconds: number;
}

function cpuSeconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export function benchSyntax(sentences: readonly (readonly string[])[], rounds = 8): SyntaxSpeed {
  const started = performance.now();
  const parser = Parser.load();
  const parserLoadSeconds = (performance.now() - started) / 1000;
  const tagger = Tagger.load();
  const tags = sentences.map((forms) => tagger.tag(forms));
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  let tag = Number.POSITIVE_INFINITY;
  let parse = Number.POSITIVE_INFINITY;
  let both = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    tag = Math.min(
      tag,
      cpuSeconds(() => {
        for (const forms of sentences) tagger.tag(forms);
      }),
    );
    parse = Math.min(
      parse,
      cpuSeconds(() => {
        for (let i = 0; i < sentences.length; i++) parser.parse(sentences[i]!, tags[i]!.upos, tags[i]!.xpos);
      }),
    );
    both = Math.min(
      both,
      cpuSeconds(() => {
        for (const forms of sentences) {
          const t = tagger.tag(forms);
          parser.parse(forms, t.upos, t.xpos);
        }
      }),
    );
  }
  return {
    tokens,
    taggerTokensPerSecond: tokens / tag,
    parserTokensPerSecond: tokens / parse,
    bothTokensPerSecond: tokens / both,
    parserLoadSeconds,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--rounds');
  const rounds = i >= 0 ? Number(args[i + 1]) : 8;
  const file = path.join(EWT_DIR, 'en_ewt-ud-dev.conllu');
  const sentences = parseConllu(readFileSync(file, 'utf8'), file).map((s) => s.words.map((w) => w.form));
  const r = benchSyntax(sentences, rounds);
  const k = (x: number) => `${Math.round(x / 1000)}k`;
  console.log(
    `EWT dev, ${r.tokens} tokens, one core (CPU time, best of ${rounds}): tagger ${k(r.taggerTokensPerSecond)} tokens/s, parser ${k(r.parserTokensPerSecond)} tokens/s, tagger + parser ${k(r.bothTokensPerSecond)} tokens/s; parser loaded in ${r.parserLoadSeconds.toFixed(2)} s`,
  );
}
