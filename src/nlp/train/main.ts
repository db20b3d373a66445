/**
 * `npm run train [-- all|tagger|parser] [--epochs N]`: retrains the committed syntax models from
 * ../shared/data/ud-english-ewt (train; epochs chosen on dev; test scored once at the end) and
 * rewrites data/models/*.bin and data/models/manifest.json. Deterministic: the same data and seed
 * give the same model bytes. Each trainer prints its progress (dev scores per epoch) to stderr.
 * Never run in CI: the models are committed, so a fresh clone needs no ../shared to extract.
 */
import { pathToFileURL } from 'node:url';

// The sentence model first: the tagger and parser read the treebanks' gold words, not its output.
const MODELS = ['sentences', 'tagger', 'parser'] as const;
type ModelName = (typeof MODELS)[number];

async function trainOne(name: ModelName, args: readonly string[]): Promise<void> {
  const log = (line: string) => process.stderr.write(`[${name}] ${line}\n`);
  const epochs = args.includes('--epochs') ? Number(args[args.indexOf('--epochs') + 1]) : undefined;
  const command = `npm run train -- ${name}${epochs ? ` --epochs ${epochs}` : ''}`;
  if (name === 'sentences') {
    const { trainSentenceModel } = await import('./sentences.js');
    trainSentenceModel({ log, ...(epochs ? { epochs } : {}) });
  } else if (name === 'tagger') {
    const { runTaggerTraining } = await import('./train-tagger.js');
    await runTaggerTraining({ log, ...(epochs ? { epochs } : {}), command });
  } else {
    const { runParserTraining } = await import('./train-parser.js');
    const { jackknifeTags } = await import('./jackknife.js');
    await runParserTraining(
      { log, tags: 'predicted', ...(epochs ? { epochs } : {}), command },
      jackknifeTags,
    );
  }
}

export async function main(args: readonly string[]): Promise<void> {
  const named = args.filter((a) => (MODELS as readonly string[]).includes(a)) as ModelName[];
  const unknown = args.filter(
    (a, i) =>
      !a.startsWith('--') && args[i - 1] !== '--epochs' && a !== 'all' && !named.includes(a as ModelName),
  );
  if (unknown.length > 0) {
    throw new Error(`train: unknown model ${unknown.join(', ')} (known: all, ${MODELS.join(', ')})`);
  }
  for (const name of named.length > 0 ? named : MODELS) await trainOne(name, args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
